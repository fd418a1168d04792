/**
 * A time range kept in the URL: a preset that ends now (`?range=7d`) or absolute times
 * (`?range=custom&from=…&to=…`, ISO), under a parameter prefix so two ranges can share a URL
 * (the rollout page's charts use `range`, its timeline `tl`). Pure.
 */
export interface RangeSpec<P extends string> {
  presets: readonly P[];
  fallback: P;
  /** `range` gives range/from/to; `tl` gives tl/tlFrom/tlTo. */
  param?: string;
}

export type RangeValue<P extends string> = { key: P } | { key: 'custom'; from: number; to: number };

const MINUTE = 60_000;
const UNIT: Record<string, number> = { h: 60 * MINUTE, d: 24 * 60 * MINUTE };

/** `24h` -> 86,400,000; `30d` -> 30 days. */
export function presetMs(preset: string): number {
  const m = /^(\d+)([hd])$/.exec(preset);
  return m ? Number(m[1]) * (UNIT[m[2] ?? 'h'] ?? 0) : 0;
}

const names = (param: string) => ({ key: param, from: param === 'range' ? 'from' : `${param}From`, to: param === 'range' ? 'to' : `${param}To` });

function parseTime(raw: string | null): number | null {
  if (raw === null || raw === '') return null;
  const n = Date.parse(raw);
  return Number.isFinite(n) ? n : null;
}

export function parseRangeParam<P extends string>(search: URLSearchParams, spec: RangeSpec<P>): RangeValue<P> {
  const n = names(spec.param ?? 'range');
  const key = search.get(n.key);
  const preset = spec.presets.find((p) => p === key);
  if (preset !== undefined) return { key: preset };
  if (key === 'custom') {
    const from = parseTime(search.get(n.from));
    const to = parseTime(search.get(n.to));
    if (from !== null && to !== null && to > from) return { key: 'custom', from, to };
  }
  return { key: spec.fallback };
}

/** Writes the range into a copy of `search`; the fallback preset leaves no trace. */
export function writeRangeParam<P extends string>(search: URLSearchParams, range: RangeValue<P>, spec: RangeSpec<P>): URLSearchParams {
  const n = names(spec.param ?? 'range');
  const next = new URLSearchParams(search);
  next.delete(n.from);
  next.delete(n.to);
  if (range.key === spec.fallback) next.delete(n.key);
  else next.set(n.key, range.key);
  if ('from' in range) {
    next.set(n.from, new Date(range.from).toISOString());
    next.set(n.to, new Date(range.to).toISOString());
  }
  return next;
}

/** Absolute times. Presets end at the next full minute, so refetches within a minute ask the same. */
export function resolveRangeValue(range: RangeValue<string>, now: number): { from: number; to: number } {
  if ('from' in range) return { from: range.from, to: range.to };
  const to = (Math.floor(now / MINUTE) + 1) * MINUTE;
  return { from: to - presetMs(range.key), to };
}

/** The query-key part of a range: presets by name (they move with time), custom ranges by their times. */
export const rangeKey = (range: RangeValue<string>): readonly (string | number)[] => ('from' in range ? ['custom', range.from, range.to] : [range.key]);

/** The browser's IANA time zone (UTC when it does not say). */
export function browserTimeZone(): string {
  try {
    return Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
  } catch {
    return 'UTC';
  }
}
