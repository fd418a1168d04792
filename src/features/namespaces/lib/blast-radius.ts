/**
 * The kill switch's blast radius (R8): every active flag, what it serves now, and the declared
 * default it falls back to (apps get `isActive: false` for every flag while the switch is on).
 */
import type { FlagDto, NamespaceDetail } from '@contract/schemas';
import { formatFlagValue, shortFlagName } from './flag-rows';
import { byNaturalName } from './natural-order';

export interface BlastRow {
  key: string;
  name: string;
  /** What the live snapshot serves: default and rules. */
  live: string;
  /** The declared default every context gets with the switch on. */
  fallback: string;
  /** False when the live flag already serves just that value to everyone. */
  valueChanges: boolean;
}

export interface BlastRadius {
  affected: BlastRow[];
  /** Inactive flags already serve their declared default: the switch changes nothing for them. */
  alreadyInactive: number;
}

function liveBehaviour(flag: FlagDto): string {
  const base = formatFlagValue(flag.defaultValue);
  if (flag.rules.length === 0) return base;
  const ramps = flag.rules.filter((r) => r.rampUp < 100).map((r) => r.rampUp);
  const ramp = ramps.length > 0 ? `, ramp ${Math.min(...ramps)}%` : '';
  return `${base} + ${flag.rules.length} rule${flag.rules.length === 1 ? '' : 's'}${ramp}`;
}

export function blastRadius(detail: Pick<NamespaceDetail, 'snapshot' | 'features'>): BlastRadius {
  const declared = new Map(detail.features.map((f) => [f.key, f.defaultValue]));
  const active = detail.snapshot.flags.filter((f) => f.isActive);
  const affected = active.map((flag) => {
    const fallback = formatFlagValue(declared.get(flag.key) ?? flag.defaultValue);
    const live = liveBehaviour(flag);
    return { key: flag.key, name: shortFlagName(flag.key), live, fallback, valueChanges: flag.rules.length > 0 || live !== fallback };
  });
  affected.sort((a, b) => Number(b.valueChanges) - Number(a.valueChanges) || byNaturalName(a.name, b.name));
  return { affected, alreadyInactive: detail.snapshot.flags.length - active.length };
}
