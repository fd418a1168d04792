import { describe, expect, it } from 'vitest';
import { countsOf, diffCounts, diffImmutableSnapshots, diffSnapshots, diffSummary, killSwitchSnapshot, type SnapshotDiff } from './diff';
import type { Flag, Rule, Snapshot } from './model';

const K = (n: string) => `feature::app::${n}`;
const rule = (rampUp: number, extra: Partial<Rule> = {}): Rule => ({
  value: { type: 'BOOLEAN', value: true },
  type: 'STATIC',
  rampUp,
  rampUpAllowlist: [],
  locales: [],
  platforms: [],
  versionRange: { type: 'UNBOUNDED' },
  axes: {},
  ...extra,
});
const flag = (n: string, rules: Rule[] = [], extra: Partial<Flag> = {}): Flag => ({
  key: K(n),
  defaultValue: { type: 'BOOLEAN', value: false },
  salt: 'v1',
  isActive: true,
  rampUpAllowlist: [],
  rules,
  ...extra,
});

describe('diffSnapshots', () => {
  const from: Snapshot = { meta: { version: '1', source: 'a' }, flags: [flag('same'), flag('gone'), flag('ramp', [rule(10)]), flag('zeta')] };
  const to: Snapshot = {
    meta: { version: '2', generatedAtEpochMillis: 5 },
    flags: [flag('zeta', [], { defaultValue: { type: 'BOOLEAN', value: true } }), flag('new'), flag('ramp', [rule(50), rule(100)]), flag('same')],
  };
  const d = diffSnapshots(from, to);

  it('matches flags by key and sorts by key', () => {
    expect(d.added.map((f) => f.key)).toEqual([K('new')]);
    expect(d.removed.map((f) => f.key)).toEqual([K('gone')]);
    expect(d.changed.map((c) => c.key)).toEqual([K('ramp'), K('zeta')]);
    expect(d.unchanged).toBe(1);
  });

  it('reports field changes as JSON pointers inside the flag', () => {
    expect(d.changed[0]?.fields).toEqual([
      { path: '/rules/0/rampUp', before: 10, after: 50 },
      { path: '/rules/1', before: undefined, after: rule(100) },
    ]);
    expect(d.changed[1]?.fields).toEqual([{ path: '/defaultValue/value', before: false, after: true }]);
  });

  it('reports meta changes', () => {
    expect(d.metaChanged).toEqual(
      expect.arrayContaining([
        { path: '/version', before: '1', after: '2' },
        { path: '/source', before: 'a', after: undefined },
        { path: '/generatedAtEpochMillis', before: undefined, after: 5 },
      ]),
    );
    expect(d.metaChanged).toHaveLength(3);
    expect(diffSnapshots({ flags: [] }, { meta: { version: '1' }, flags: [] }).metaChanged).toEqual([
      { path: '/version', before: undefined, after: '1' },
    ]);
  });

  it('sees no change in reordered flags, and a removed array element as after undefined', () => {
    expect(diffSnapshots(from, { ...from, flags: [...from.flags].reverse() })).toEqual({
      added: [],
      removed: [],
      changed: [],
      unchanged: 4,
      metaChanged: [],
    });
    const shrunk = diffSnapshots({ flags: [flag('a', [rule(1), rule(2)])] }, { flags: [flag('a', [rule(1)])] });
    expect(shrunk.changed[0]?.fields).toEqual([{ path: '/rules/1', before: rule(2), after: undefined }]);
  });

  it('sees no change in a flag whose fields come in another order, and a change deep inside an equal-looking one', () => {
    const a = flag('o', [rule(30, { axes: { env: ['prod', 'dev'] } })]);
    const reordered = Object.fromEntries(Object.entries(a).reverse()) as Flag;
    expect(diffSnapshots({ flags: [a] }, { flags: [reordered] })).toMatchObject({ changed: [], unchanged: 1 });
    const deep = flag('o', [rule(30, { axes: { env: ['prod', 'qa'] } })]);
    expect(diffSnapshots({ flags: [a] }, { flags: [deep] }).changed[0]?.fields).toEqual([{ path: '/rules/0/axes/env/1', before: 'dev', after: 'qa' }]);
  });

  it('is not fooled by keys that exist on Object.prototype', () => {
    const a = flag('p', [rule(100, { axes: Object.fromEntries([['constructor', ['x']], ['a/b', ['y']]]) })]);
    const b = flag('p', [rule(100, { axes: {} })]);
    expect(diffSnapshots({ flags: [a] }, { flags: [b] }).changed[0]?.fields).toEqual([
      { path: '/rules/0/axes/constructor', before: ['x'], after: undefined },
      { path: '/rules/0/axes/a~1b', before: ['y'], after: undefined },
    ]);
    expect(diffSnapshots({ flags: [b] }, { flags: [a] }).changed[0]?.fields.map((f) => f.path)).toEqual([
      '/rules/0/axes/constructor',
      '/rules/0/axes/a~1b',
    ]);
  });
});

describe('diffCounts', () => {
  const cases: [string, Snapshot, Snapshot][] = [
    [
      'added, removed, changed and meta',
      { meta: { version: '1' }, flags: [flag('same'), flag('gone'), flag('ramp', [rule(10)])] },
      { meta: { version: '2' }, flags: [flag('new'), flag('ramp', [rule(50)]), flag('same')] },
    ],
    ['reordered flags, keys in another order', { flags: [flag('a'), flag('b')] }, { flags: [{ ...flag('b'), key: K('b') }, flag('a')].reverse() }],
    ['an array element removed', { flags: [flag('a', [rule(1), rule(2)])] }, { flags: [flag('a', [rule(1)])] }],
    [
      'keys that exist on Object.prototype',
      { flags: [flag('p', [rule(100, { axes: Object.fromEntries([['constructor', ['x']]]) })])] },
      { flags: [flag('p', [rule(100, { axes: {} })])] },
    ],
    ['a member present with no value against an absent one', { flags: [{ ...flag('u'), salt: undefined } as unknown as Flag] }, { flags: [flag('u')] }],
    ['an array against an object', { flags: [flag('o', [rule(1, { axes: { x: [] } })])] }, { flags: [flag('o', [rule(1, { axes: { x: {} as never } })])] }],
    ['meta appears', { flags: [] }, { meta: { version: '1' }, flags: [] }],
    ['nothing', { meta: { version: '1' }, flags: [flag('a')] }, { meta: { version: '1' }, flags: [flag('a')] }],
  ];

  it.each(cases)('counts what diffSnapshots finds: %s', (_name, from, to) => {
    expect(diffCounts(from, to)).toEqual(countsOf(diffSnapshots(from, to)));
    expect(diffCounts(to, from)).toEqual(countsOf(diffSnapshots(to, from)));
    expect(diffSummary(diffCounts(from, to))).toBe(diffSummary(diffSnapshots(from, to)));
  });
});

describe('diffImmutableSnapshots', () => {
  const v1: Snapshot = { meta: { version: '1' }, flags: [flag('a', [rule(10)]), flag('b')] };
  const v2: Snapshot = { meta: { version: '2' }, flags: [flag('a', [rule(50)]), flag('b')] };

  it('answers as diffSnapshots does, and the same pair again with the same diff', () => {
    const first = diffImmutableSnapshots(v1, v2);
    expect(first).toEqual(diffSnapshots(v1, v2));
    expect(diffImmutableSnapshots(v1, v2)).toBe(first);
  });

  it('keeps each direction and each pair apart', () => {
    const back = diffImmutableSnapshots(v2, v1);
    expect(back.changed[0]?.fields).toEqual([{ path: '/rules/0/rampUp', before: 50, after: 10 }]);
    expect(diffImmutableSnapshots(v1, v1)).toEqual(diffSnapshots(v1, v1));
  });

  it('sees other content: an equal-looking but new snapshot object is diffed afresh', () => {
    const first = diffImmutableSnapshots(v1, v2);
    const v2b: Snapshot = { meta: { version: '2' }, flags: [flag('a', [rule(70)]), flag('b')] };
    const other = diffImmutableSnapshots(v1, v2b);
    expect(other).not.toBe(first);
    expect(other.changed[0]?.fields).toEqual([{ path: '/rules/0/rampUp', before: 10, after: 70 }]);
  });
});

describe('diffSummary', () => {
  const base: SnapshotDiff = { added: [], removed: [], changed: [], unchanged: 0, metaChanged: [] };
  it('summarises', () => {
    expect(diffSummary(base)).toBe('no flag changes');
    expect(diffSummary({ ...base, metaChanged: [{ path: '/version', before: '1', after: '2' }] })).toBe('no flag changes; meta changes');
    expect(diffSummary({ ...base, added: [flag('a')], removed: [flag('b')], changed: [{ key: K('c'), fields: [] }] })).toBe(
      '3 flags change (1 added, 1 removed, 1 changed)',
    );
    expect(diffSummary({ ...base, changed: [{ key: K('c'), fields: [] }] })).toBe('1 flag changes (0 added, 0 removed, 1 changed)');
  });
});

describe('killSwitchSnapshot', () => {
  it('deactivates every flag without touching the input', () => {
    const s: Snapshot = { meta: { version: '1' }, flags: [flag('a'), flag('b', [], { isActive: false })] };
    const killed = killSwitchSnapshot(s);
    expect(killed.flags.map((f) => f.isActive)).toEqual([false, false]);
    expect(killed.meta).toEqual(s.meta);
    expect(s.flags[0]?.isActive).toBe(true);
    expect(Object.keys(killed.flags[0] ?? {})).toEqual(Object.keys(s.flags[0] ?? {}));
  });
});
