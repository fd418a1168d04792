/**
 * A deterministic 30-day history for the demo namespaces: loads, patches, rollbacks after bad
 * changes, a restore and one kill-switch episode, with authors and reasons. Pure: the seeder
 * replays these steps through the registry service with backdated clocks.
 */
import type { Flag, Patch, Snapshot } from '@core/model';
import { demoNamespaces, type DemoNamespace, rule, bool } from './catalog';

interface StepBase {
  at: number;
  namespace: string;
  actor: string;
  reason: string;
}

export type DemoStep = StepBase &
  (
    | { kind: 'create'; description: string; snapshot: Snapshot; enums: Record<string, string[]> }
    | { kind: 'load'; snapshot: Snapshot }
    | { kind: 'patch'; patch: Patch }
    | { kind: 'rollback'; steps: number }
    | { kind: 'restore'; version: number }
    | { kind: 'killswitch'; enabled: boolean }
  );

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

const ENGINEERS = ['alice.martin', 'bob.nguyen', 'priya.shah', 'tomas.berg', 'deploy-bot'];
const ON_CALL = ['dana.kowalski', 'sam.okafor', 'priya.shah'];
const RAMP_STEPS = [1, 5, 10, 25, 50, 75, 100];

/** mulberry32: small, fast, deterministic. */
function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const clone = <T>(v: T): T => structuredClone(v);
const shortName = (key: string) => key.split('::')[2] ?? key;

interface Mutation {
  flag: Flag;
  summary: string;
}

/** One plausible configuration change; returns the changed flag (already applied to `s`). */
function mutate(s: Snapshot, r: () => number): Mutation | null {
  const pick = <T>(xs: T[]): T | undefined => xs[Math.floor(r() * xs.length)];
  const ramped = s.flags.filter((f) => f.rules.some((ru) => ru.rampUp < 100));
  const numeric = s.flags.filter((f) => f.defaultValue.type === 'INT' || f.defaultValue.type === 'DOUBLE');
  const plainBools = s.flags.filter((f) => f.defaultValue.type === 'BOOLEAN' && f.rules.length === 0);
  const choice = r();
  if (choice < 0.45 && ramped.length > 0) {
    const f = pick(ramped)!;
    const ru = f.rules.find((x) => x.rampUp < 100)!;
    const next = RAMP_STEPS.find((x) => x > ru.rampUp) ?? 100;
    ru.rampUp = next;
    return { flag: f, summary: `Ramp ${shortName(f.key)} to ${next}%` };
  }
  if (choice < 0.75 && numeric.length > 0) {
    const f = pick(numeric)!;
    const dv = f.defaultValue;
    if (dv.type === 'INT') {
      const next = Math.max(1, Math.round(dv.value * (0.7 + r() * 0.7)));
      f.defaultValue = { type: 'INT', value: next === dv.value ? dv.value + 1 : next };
    } else if (dv.type === 'DOUBLE') {
      f.defaultValue = { type: 'DOUBLE', value: Math.round(dv.value * (0.8 + r() * 0.4) * 100) / 100 };
    }
    return { flag: f, summary: `Tune ${shortName(f.key)} to ${String(f.defaultValue.value)}` };
  }
  if (choice < 0.9 && plainBools.length > 0) {
    const f = pick(plainBools)!;
    const next = !(f.defaultValue.value as boolean);
    f.defaultValue = bool(next);
    return { flag: f, summary: `${next ? 'Enable' : 'Disable'} ${shortName(f.key)}` };
  }
  const bools = s.flags.filter((f) => f.defaultValue.type === 'BOOLEAN');
  const f = pick(bools);
  if (!f) return null;
  const locale = pick(['CANADA', 'UNITED_KINGDOM', 'SPAIN', 'ITALY', 'JAPAN'])!;
  if (f.rules.some((ru) => ru.locales.includes(locale))) return null;
  f.rules.push(rule(bool(!(f.defaultValue.value as boolean)), { locales: [locale], rampUp: 10, note: `Pilot in ${locale}` }));
  return { flag: f, summary: `Pilot ${shortName(f.key)} in ${locale.toLowerCase().replace('_', ' ')}` };
}

function workHour(day: number, r: () => number): number {
  return day + (8 + Math.floor(r() * 9)) * HOUR + Math.floor(r() * 60) * MINUTE;
}

function planNamespace(ns: DemoNamespace, seed: number, start: number, end: number): DemoStep[] {
  const r = rng(seed);
  const steps: DemoStep[] = [];
  const contents = new Map<number, Snapshot>();
  const parent = new Map<number, number | null>();
  let latest = 1;
  let active = 1;
  let working = clone(ns.base);
  let ticket = 1200 + seed * 37;
  contents.set(1, clone(working));
  parent.set(1, null);
  steps.push({
    at: start + 9 * HOUR,
    namespace: ns.name,
    actor: 'platform-bot',
    reason: `Adopt ${ns.name} snapshot from git (migration to Switchyard)`,
    kind: 'create',
    description: ns.description,
    snapshot: clone(working),
    enums: ns.enums,
  });

  const write = (snapshot: Snapshot) => {
    latest += 1;
    contents.set(latest, clone(snapshot));
    parent.set(latest, active);
    active = latest;
  };

  let restoredOnce = false;
  let day = start + DAY;
  while (day < end - DAY) {
    const at = workHour(day, r);
    const actor = ENGINEERS[Math.floor(r() * ENGINEERS.length)]!;
    const m = mutate(working, r);
    if (m) {
      ticket += 1 + Math.floor(r() * 20);
      const asPatch = r() < 0.5;
      const version = `${ns.name}-${new Date(at).toISOString().slice(0, 10)}.${latest + 1}`;
      const meta = { version, generatedAtEpochMillis: at, source: `git:configs/${ns.name}.json` };
      working.meta = meta;
      const reason = `${m.summary} (CHG-${ticket})`;
      if (asPatch) {
        steps.push({ at, namespace: ns.name, actor, reason, kind: 'patch', patch: { meta, flags: [clone(m.flag)], removeKeys: [] } });
      } else {
        steps.push({ at, namespace: ns.name, actor, reason, kind: 'load', snapshot: clone(working) });
      }
      write(working);
      const bad = r() < 0.22;
      if (bad) {
        const detectAfter = (6 + Math.floor(r() * 35)) * MINUTE;
        const onCall = ON_CALL[Math.floor(r() * ON_CALL.length)]!;
        const symptom = ['error rate above 4%', 'p95 latency doubled', 'conversion dropped', 'support tickets spiking'][Math.floor(r() * 4)]!;
        const discarded = active;
        active = parent.get(active) ?? active;
        working = clone(contents.get(active)!);
        steps.push({
          at: at + detectAfter,
          namespace: ns.name,
          actor: onCall,
          reason: `${symptom} after v${discarded}: rolling back (INC-${ticket})`,
          kind: 'rollback',
          steps: 1,
        });
        if (!restoredOnce && r() < 0.6) {
          restoredOnce = true;
          const fixAt = at + DAY + 2 * HOUR;
          steps.push({
            at: fixAt,
            namespace: ns.name,
            actor,
            reason: `Re-apply v${discarded} now that the downstream fix is deployed (INC-${ticket})`,
            kind: 'restore',
            version: discarded,
          });
          working = clone(contents.get(discarded)!);
          write(working);
          day += DAY;
        }
      }
    }
    day += Math.floor(1 + r() * 2.2) * DAY;
  }
  return steps;
}

/** The whole demo history, oldest first, ending a few hours before `now`. */
export function demoPlan(now: number): DemoStep[] {
  const end = Math.floor(now / DAY) * DAY;
  const start = end - 30 * DAY;
  const steps = demoNamespaces.flatMap((ns, i) => planNamespace(ns, i + 1, start, end));
  const incident = end - 9 * DAY + 14 * HOUR + 5 * MINUTE;
  steps.push(
    {
      at: incident,
      namespace: 'payments',
      actor: 'dana.kowalski',
      reason: 'Provider outage: duplicate charges reported; every payments flag back to defaults (INC-2291)',
      kind: 'killswitch',
      enabled: true,
    },
    {
      at: incident + 47 * MINUTE,
      namespace: 'payments',
      actor: 'dana.kowalski',
      reason: 'Provider confirmed the fix; re-enabling payments configuration (INC-2291)',
      kind: 'killswitch',
      enabled: false,
    },
  );
  return steps.sort((a, b) => a.at - b.at);
}
