/**
 * The view model of a snapshot diff: flat, readable entries (one per flag) with human field
 * labels and values, so the component only lays them out. Pure, unit-tested.
 */
import type { FlagDto, SnapshotDiffDto } from '@contract/schemas';

export type DiffKind = 'changed' | 'added' | 'removed';

export interface DiffField {
  /** The JSON pointer inside the flag (`/rules/0/rampUp`), stable for keys. */
  path: string;
  label: string;
  before: string;
  after: string;
}

export interface DiffEntry {
  kind: DiffKind;
  key: string;
  /** The key without its `feature::<namespace>::` prefix. */
  name: string;
  fields: DiffField[];
}

export interface DiffCounts {
  added: number;
  removed: number;
  changed: number;
  /** Flags that differ in any way. */
  total: number;
  unchanged: number;
  meta: number;
}

export const ABSENT = '(none)';

export function flagName(key: string): string {
  const parts = key.split('::');
  return parts.length >= 3 ? parts.slice(2).join('::') : key;
}

const WORDS: Record<string, string> = {
  defaultValue: 'default value',
  isActive: 'active',
  rampUp: 'ramp-up',
  rampUpAllowlist: 'ramp-up allowlist',
  versionRange: 'version range',
  ruleId: 'rule id',
  enumClassName: 'enum class',
  dataClassName: 'data class',
  konstrainedClassName: 'konstrained class',
  generatedAtEpochMillis: 'generated at',
};

function tokensOf(pointer: string): string[] {
  if (pointer === '') return [];
  return pointer
    .slice(1)
    .split('/')
    .map((t) => t.replace(/~1/g, '/').replace(/~0/g, '~'));
}

/** `/rules/0/rampUp` -> "rule 1 › ramp-up"; `/defaultValue/value` -> "default value". */
export function describeFieldPath(pointer: string): string {
  const tokens = tokensOf(pointer);
  const parts: string[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i] ?? '';
    const previous = tokens[i - 1];
    const next = tokens[i + 1];
    if (token === 'rules' && next !== undefined && /^\d+$/.test(next)) {
      parts.push(`rule ${Number(next) + 1}`);
      i++;
    } else if (/^\d+$/.test(token)) {
      parts.push(`#${Number(token) + 1}`);
    } else if (token === 'value' && (previous === 'defaultValue' || previous === 'value')) {
      continue; // a flag value's payload reads as the value itself
    } else {
      parts.push(WORDS[token] ?? token);
    }
  }
  return parts.length === 0 ? 'whole flag' : parts.join(' › ');
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

const isFlagValue = (v: Record<string, unknown>) => typeof v.type === 'string' && 'value' in v;

function summariseRule(rule: Record<string, unknown>): string {
  const parts = [formatDiffValue(rule.value)];
  if (typeof rule.rampUp === 'number' && rule.rampUp < 100) parts.push(`ramp-up ${rule.rampUp}%`);
  for (const key of ['locales', 'platforms'] as const) {
    const list = rule[key];
    if (Array.isArray(list) && list.length > 0) parts.push(`${key} ${list.join(', ')}`);
  }
  return parts.join(' · ');
}

const MAX_TEXT = 160;
const clip = (s: string) => (s.length > MAX_TEXT ? `${s.slice(0, MAX_TEXT - 1)}…` : s);

/** A value as people read it; `hint` is the last path token (ramp-ups read as percentages). */
export function formatDiffValue(value: unknown, hint?: string): string {
  if (value === undefined) return ABSENT;
  if (hint === 'rampUp' && typeof value === 'number') return `${value}%`;
  if (hint === 'isActive' && typeof value === 'boolean') return value ? 'active' : 'inactive';
  if (hint === 'generatedAtEpochMillis' && typeof value === 'number') return new Date(value).toISOString();
  if (typeof value === 'string') return JSON.stringify(value);
  if (isRecord(value)) {
    if (isFlagValue(value)) return formatDiffValue(value.value);
    if ('rampUp' in value && 'value' in value) return clip(summariseRule(value));
  }
  if (typeof value === 'object' && value !== null) return clip(JSON.stringify(value));
  return String(value);
}

function describeWholeFlag(flag: FlagDto, side: 'before' | 'after'): DiffField[] {
  const rows: [string, string, string][] = [
    ['/defaultValue', 'default value', formatDiffValue(flag.defaultValue)],
    ['/isActive', 'active', formatDiffValue(flag.isActive, 'isActive')],
    ['/rules', 'rules', flag.rules.length === 0 ? 'no rules' : flag.rules.map((r, i) => `${i + 1}: ${summariseRule(r)}`).join('; ')],
  ];
  return rows.map(([path, label, text]) => ({
    path,
    label,
    before: side === 'before' ? text : ABSENT,
    after: side === 'after' ? text : ABSENT,
  }));
}

/**
 * One differing flag before its fields are described: its key (all a filter needs) and where the
 * rest is. A 2,000-flag diff is listed as items, and only the flags on screen are described.
 */
export type DiffItem =
  | { kind: 'changed'; key: string; change: SnapshotDiffDto['changed'][number] }
  | { kind: 'added' | 'removed'; key: string; flag: FlagDto };

/** Changed, then added, then removed flags (each sorted by key, as the server sends them). */
export function diffItems(diff: SnapshotDiffDto): DiffItem[] {
  return [
    ...diff.changed.map<DiffItem>((change) => ({ kind: 'changed', key: change.key, change })),
    ...diff.added.map<DiffItem>((flag) => ({ kind: 'added', key: flag.key, flag })),
    ...diff.removed.map<DiffItem>((flag) => ({ kind: 'removed', key: flag.key, flag })),
  ];
}

/** A flag's readable entry: human field labels and values, before -> after. */
export function describeItem(item: DiffItem): DiffEntry {
  const base = { kind: item.kind, key: item.key, name: flagName(item.key) };
  if (item.kind !== 'changed') return { ...base, fields: describeWholeFlag(item.flag, item.kind === 'added' ? 'after' : 'before') };
  return {
    ...base,
    fields: item.change.fields.map((f) => {
      const hint = tokensOf(f.path).at(-1);
      return { path: f.path, label: describeFieldPath(f.path), before: formatDiffValue(f.before, hint), after: formatDiffValue(f.after, hint) };
    }),
  };
}

export function diffEntries(diff: SnapshotDiffDto): DiffEntry[] {
  return diffItems(diff).map(describeItem);
}

export function metaFields(diff: SnapshotDiffDto): DiffField[] {
  return diff.metaChanged.map((f) => {
    const hint = tokensOf(f.path).at(-1);
    return { path: f.path, label: describeFieldPath(f.path), before: formatDiffValue(f.before, hint), after: formatDiffValue(f.after, hint) };
  });
}

export function diffCounts(diff: SnapshotDiffDto): DiffCounts {
  const { added, removed, changed } = { added: diff.added.length, removed: diff.removed.length, changed: diff.changed.length };
  return { added, removed, changed, total: added + removed + changed, unchanged: diff.unchanged, meta: diff.metaChanged.length };
}

const plural = (n: number, one: string, many: string) => `${n.toLocaleString('en')} ${n === 1 ? one : many}`;

/** "3 flags change (1 added, 1 removed, 1 changed)"; "No flag changes". */
export function diffHeadline(counts: DiffCounts): string {
  if (counts.total === 0) return counts.meta > 0 ? 'No flag changes; only the snapshot meta changes' : 'No flag changes';
  const parts = [
    counts.changed > 0 && `${counts.changed.toLocaleString('en')} changed`,
    counts.added > 0 && `${counts.added.toLocaleString('en')} added`,
    counts.removed > 0 && `${counts.removed.toLocaleString('en')} removed`,
  ].filter(Boolean);
  return `${plural(counts.total, 'flag changes', 'flags change')} (${parts.join(', ')})`;
}

export function matchesFilter(entry: { key: string }, filter: string): boolean {
  const q = filter.trim().toLowerCase();
  return q === '' || entry.key.toLowerCase().includes(q);
}
