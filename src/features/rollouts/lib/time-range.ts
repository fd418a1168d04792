/**
 * The time range of the rollout charts, kept in the URL (`?range=6h`, or
 * `?range=custom&from=…&to=…` with ISO times) so a view can be shared as a link.
 */
export const PRESET_RANGES = ['1h', '6h', '24h', '7d'] as const;
export type PresetRange = (typeof PRESET_RANGES)[number];
export type RangeKey = PresetRange | 'custom';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

export const PRESET_MS: Readonly<Record<PresetRange, number>> = { '1h': HOUR, '6h': 6 * HOUR, '24h': 24 * HOUR, '7d': 7 * 24 * HOUR };

export const RANGE_LABELS: Readonly<Record<RangeKey, string>> = {
  '1h': 'Last hour',
  '6h': 'Last 6 hours',
  '24h': 'Last 24 hours',
  '7d': 'Last 7 days',
  custom: 'Custom',
};

export const DEFAULT_RANGE: PresetRange = '6h';

/** Points per series the charts ask the server for: about one per 3 px of a chart, so a dashed V1 line stays readable (1 h: 1-minute buckets; 6 h: 2-minute; 24 h: 10-minute; 7 days: hourly). */
export const CHART_POINTS = 200;

/** What the URL says. Custom ranges keep their absolute times; presets end at "now". */
export type RangeParams = { key: PresetRange } | { key: 'custom'; from: number; to: number };

export interface ResolvedRange {
  key: RangeKey;
  from: number;
  to: number;
}

const isPreset = (v: string | null): v is PresetRange => v !== null && (PRESET_RANGES as readonly string[]).includes(v);

function parseTime(raw: string | null): number | null {
  if (raw === null || raw === '') return null;
  const n = /^\d+$/.test(raw) ? Number(raw) : Date.parse(raw);
  return Number.isFinite(n) ? n : null;
}

/** A range from the URL; anything unreadable (or a custom range that ends before it starts) is the default. */
export function parseRange(search: URLSearchParams): RangeParams {
  const key = search.get('range');
  if (isPreset(key)) return { key };
  if (key === 'custom') {
    const from = parseTime(search.get('from'));
    const to = parseTime(search.get('to'));
    if (from !== null && to !== null && to > from) return { key: 'custom', from, to };
  }
  return { key: DEFAULT_RANGE };
}

/** Writes the range into `search` (other parameters untouched); the default range leaves no trace. */
export function writeRange(search: URLSearchParams, range: RangeParams): URLSearchParams {
  const next = new URLSearchParams(search);
  next.delete('from');
  next.delete('to');
  if (range.key === DEFAULT_RANGE) next.delete('range');
  else next.set('range', range.key);
  if (range.key === 'custom') {
    next.set('from', new Date(range.from).toISOString());
    next.set('to', new Date(range.to).toISOString());
  }
  return next;
}

/**
 * Absolute times for a range. Presets end at the start of the next minute after `now`, so a
 * refetch within the same minute asks for the same windows (and the server's cache can help).
 */
export function resolveRange(range: RangeParams, now: number): ResolvedRange {
  if (range.key === 'custom') return { key: 'custom', from: range.from, to: range.to };
  const to = (Math.floor(now / MINUTE) + 1) * MINUTE;
  return { key: range.key, from: to - PRESET_MS[range.key], to };
}

/** The query-key part of a range: presets by name (they move with time), custom ranges by their times. */
export const rangeKeyPart = (range: RangeParams): readonly (string | number)[] =>
  range.key === 'custom' ? ['custom', range.from, range.to] : [range.key];

/** `<input type="datetime-local">` text in the browser's time zone, and back. */
export function toLocalInput(ms: number): string {
  const d = new Date(ms - new Date(ms).getTimezoneOffset() * MINUTE);
  return d.toISOString().slice(0, 16);
}

export function fromLocalInput(text: string): number | null {
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/.test(text)) return null;
  const ms = new Date(text).getTime();
  return Number.isFinite(ms) ? ms : null;
}

// Formatters are costly to create and charts format hundreds of labels: made once.
const TIME = new Intl.DateTimeFormat('en-GB', { hour: '2-digit', minute: '2-digit' });
const DAY = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short' });
const DAY_TIME = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit' });
const INSTANT = new Intl.DateTimeFormat('en-GB', { weekday: 'short', day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit' });

/** Tick labels that fit the span: times within a day, dates beyond. */
export function tickFormatFor(spanMs: number): (t: number) => string {
  if (spanMs <= 26 * HOUR) return (t) => TIME.format(t);
  if (spanMs <= 3 * 24 * HOUR) return (t) => DAY_TIME.format(t);
  return (t) => DAY.format(t);
}

/** "Tue 19 Feb, 18:05" for tooltips and readouts. */
export function formatInstant(t: number): string {
  return INSTANT.format(t);
}

const TICK_STEPS = [5, 10, 15, 30, 60, 120, 180, 360, 720, 1440, 2880].map((m) => m * MINUTE);

/**
 * Round x ticks for [from, to] (at most `max`), on whole steps of local time: given to the
 * chart, they spare it measuring label widths to thin out its own.
 */
export function timeTicks(from: number, to: number, max = 7): number[] {
  const span = to - from;
  const step = TICK_STEPS.find((s) => span / s <= max) ?? Math.ceil(span / max / (1440 * MINUTE)) * 1440 * MINUTE;
  const offset = new Date(from).getTimezoneOffset() * MINUTE;
  const ticks: number[] = [];
  for (let t = Math.ceil((from - offset) / step) * step + offset; t <= to; t += step) ticks.push(t);
  return ticks;
}
