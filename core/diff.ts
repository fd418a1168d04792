import microdiff from 'microdiff';
import { pointer } from './json';
import type { Flag, Snapshot } from './model';

export interface FieldChange {
  path: string;
  before: unknown;
  after: unknown;
}

export interface SnapshotDiff {
  added: Flag[];
  removed: Flag[];
  changed: { key: string; fields: FieldChange[] }[];
  unchanged: number;
  metaChanged: FieldChange[];
}

type Tree = Record<string, unknown> | unknown[];

/**
 * microdiff tests membership with `key in obj`, so on ordinary objects an axis or data-class
 * field named `constructor` or `toString` would look present. It is run on prototype-free copies
 * instead; reported values are read back from the originals.
 */
function bare(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(bare);
  if (typeof v !== 'object' || v === null) return v;
  const out = Object.create(null) as Record<string, unknown>;
  for (const k of Object.keys(v)) out[k] = bare((v as Record<string, unknown>)[k]);
  return out;
}

function valueAt(root: unknown, path: (string | number)[]): unknown {
  let v = root;
  for (const token of path) {
    if (typeof v !== 'object' || v === null || !Object.hasOwn(v, token)) return undefined;
    v = (v as Record<string | number, unknown>)[token];
  }
  return v;
}

function fieldChanges(before: object, after: object): FieldChange[] {
  return microdiff(bare(before) as Tree, bare(after) as Tree).map((d) => ({
    path: pointer(...d.path),
    before: valueAt(before, d.path),
    after: valueAt(after, d.path),
  }));
}

const byKey = (a: { key: string }, b: { key: string }) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0);

/**
 * Flags are matched by key; flag order is not a change. Field paths are JSON pointers inside
 * the flag (`/rules/0/rampUp`); arrays compare index by index, so an element added or removed
 * shows with `before` or `after` undefined. added, removed and changed are sorted by key.
 */
export function diffSnapshots(from: Snapshot, to: Snapshot): SnapshotDiff {
  const before = new Map(from.flags.map((f) => [f.key, f]));
  const after = new Map(to.flags.map((f) => [f.key, f]));
  const added = to.flags.filter((f) => !before.has(f.key)).sort(byKey);
  const removed = from.flags.filter((f) => !after.has(f.key)).sort(byKey);
  const changed: SnapshotDiff['changed'] = [];
  let unchanged = 0;
  for (const flag of [...to.flags].sort(byKey)) {
    const old = before.get(flag.key);
    if (old === undefined) continue;
    // Most flags of a big namespace are unchanged between two versions: a plain comparison that
    // stops at the first difference settles those without the copies fieldChanges makes.
    if (sameJson(old, flag)) {
      unchanged++;
      continue;
    }
    const fields = fieldChanges(old, flag);
    if (fields.length === 0) unchanged++;
    else changed.push({ key: flag.key, fields });
  }
  return { added, removed, changed, unchanged, metaChanged: fieldChanges(from.meta ?? {}, to.meta ?? {}) };
}

/** JSON values equal as diffSnapshots compares them: arrays index by index, objects by their own keys in any order. */
function sameJson(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return Number.isNaN(a) && Number.isNaN(b);
  if (Array.isArray(a) || Array.isArray(b)) {
    if (!Array.isArray(a) || !Array.isArray(b) || a.length !== b.length) return false;
    for (let i = 0; i < a.length; i++) if (!sameJson(a[i], b[i])) return false;
    return true;
  }
  const ak = Object.keys(a);
  if (ak.length !== Object.keys(b).length) return false;
  for (const k of ak) {
    if (!Object.hasOwn(b, k) || !sameJson((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k])) return false;
  }
  return true;
}

export interface DiffCounts {
  added: number;
  removed: number;
  changed: number;
  metaChanged: boolean;
}

/**
 * The counts of diffSnapshots(from, to) without the field changes: what an audit event records
 * about every load and rollback, at a fraction of the cost (no copies, stops at the first difference).
 */
export function diffCounts(from: Snapshot, to: Snapshot): DiffCounts {
  const before = new Map(from.flags.map((f) => [f.key, f]));
  const keys = new Set<string>();
  let added = 0;
  let changed = 0;
  for (const flag of to.flags) {
    keys.add(flag.key);
    const old = before.get(flag.key);
    if (old === undefined) added++;
    else if (!sameJson(old, flag)) changed++;
  }
  const removed = from.flags.filter((f) => !keys.has(f.key)).length;
  return { added, removed, changed, metaChanged: !sameJson(from.meta ?? {}, to.meta ?? {}) };
}

/**
 * Diffs already computed, per pair of snapshot objects. Only for snapshots that are never mutated
 * (the server's decoded stored versions, which are cached and shared by hash): a pair that is
 * compared again (a diff link reopened, every viewer of one rollback preview) gets the same
 * answer without walking 2,000 flags again. Held weakly, so a diff lives no longer than both of
 * its snapshots stay cached.
 */
const computed = new WeakMap<Snapshot, WeakMap<Snapshot, SnapshotDiff>>();

/** diffSnapshots, remembered for immutable snapshots; callers must not mutate the result. */
export function diffImmutableSnapshots(from: Snapshot, to: Snapshot): SnapshotDiff {
  let byTo = computed.get(from);
  if (byTo === undefined) {
    byTo = new WeakMap();
    computed.set(from, byTo);
  }
  let diff = byTo.get(to);
  if (diff === undefined) {
    diff = diffSnapshots(from, to);
    byTo.set(to, diff);
  }
  return diff;
}

/** The counts of a full diff. */
export function countsOf(d: SnapshotDiff): DiffCounts {
  return { added: d.added.length, removed: d.removed.length, changed: d.changed.length, metaChanged: d.metaChanged.length > 0 };
}

/** "3 flags change (1 added, 1 removed, 1 changed)", "no flag changes"; "; meta changes" appended when it does. */
export function diffSummary(d: SnapshotDiff | DiffCounts): string {
  const c = 'unchanged' in d ? countsOf(d) : d;
  const n = c.added + c.removed + c.changed;
  const meta = c.metaChanged ? '; meta changes' : '';
  if (n === 0) return `no flag changes${meta}`;
  const counts = `${c.added} added, ${c.removed} removed, ${c.changed} changed`;
  return `${n} ${n === 1 ? 'flag changes' : 'flags change'} (${counts})${meta}`;
}

/** What apps receive while the kill switch is on: every flag inactive, so each evaluates to its default. */
export function killSwitchSnapshot(snapshot: Snapshot): Snapshot {
  return { ...snapshot, flags: snapshot.flags.map((f) => ({ ...f, isActive: false })) };
}
