/** Rows of the live flags table (the registry returns flags decoded, every default filled in). */
import { FlagValueSchema, type FlagDto, type NamespaceDetail, type RuleDto } from '@contract/schemas';
import { byNaturalName } from './natural-order';

export interface FlagRow {
  key: string;
  /** The key without its `feature::<namespace>::` prefix. */
  name: string;
  type: string;
  defaultValue: string;
  active: boolean;
  rules: number;
  /** Lowest ramp-up over the rules, when any rule ramps below 100%. */
  partialRamp: number | null;
}

export function shortFlagName(key: string): string {
  const parts = key.split('::');
  return parts.length >= 3 ? parts.slice(2).join('::') : key;
}

/** A value read from the API response (already checked against the contract when it arrived). */
export function formatDecodedValue({ type, value }: FlagDto['defaultValue']): string {
  if (type === 'STRING') return JSON.stringify(value);
  if (type === 'DATA_CLASS' || (typeof value === 'object' && value !== null)) return JSON.stringify(value);
  return String(value);
}

/** A value from anywhere (e.g. a snapshot being edited): '—' when it is not a flag value. */
export function formatFlagValue(raw: unknown): string {
  const parsed = FlagValueSchema.safeParse(raw);
  return parsed.success ? formatDecodedValue(parsed.data) : '—';
}

function rampsOf(rules: RuleDto[]): number[] {
  return rules.flatMap((rule) => (rule.rampUp < 100 ? [rule.rampUp] : []));
}

export function flagRows(detail: Pick<NamespaceDetail, 'snapshot'>): FlagRow[] {
  return detail.snapshot.flags
    .map((flag) => {
      const ramps = rampsOf(flag.rules);
      return {
        key: flag.key,
        name: shortFlagName(flag.key),
        type: flag.defaultValue.type,
        defaultValue: formatDecodedValue(flag.defaultValue),
        active: flag.isActive,
        rules: flag.rules.length,
        partialRamp: ramps.length ? Math.min(...ramps) : null,
      };
    })
    .sort((a, b) => byNaturalName(a.name, b.name));
}

export type ActiveFilter = 'all' | 'active' | 'inactive';

export interface FlagFilter {
  q: string;
  /** A value type (BOOLEAN, ENUM, …) or '' for every type. */
  type: string;
  active: ActiveFilter;
}

export const NO_FLAG_FILTER: FlagFilter = { q: '', type: '', active: 'all' };

export function parseFlagFilter(search: URLSearchParams): FlagFilter {
  const active = search.get('active');
  return {
    q: search.get('q') ?? '',
    type: search.get('type') ?? '',
    active: active === 'active' || active === 'inactive' ? active : 'all',
  };
}

export function filterFlagRows(rows: FlagRow[], filter: FlagFilter): FlagRow[] {
  const q = filter.q.trim().toLowerCase();
  return rows.filter(
    (r) =>
      (q === '' || r.key.toLowerCase().includes(q) || r.defaultValue.toLowerCase().includes(q)) &&
      (filter.type === '' || r.type === filter.type) &&
      (filter.active === 'all' || (filter.active === 'active') === r.active),
  );
}

/** The value types present, for the type filter's options. */
export const typesOf = (rows: FlagRow[]): string[] => [...new Set(rows.map((r) => r.type))].sort();
