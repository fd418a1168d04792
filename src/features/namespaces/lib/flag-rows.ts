/**
 * Rows of the live flags table. The contract types snapshot flags loosely (the registry returns
 * them decoded, with every default filled in), so each field is read defensively here.
 */
import { FlagValueSchema, type DeclaredFeatureDto, type NamespaceDetail } from '@contract/schemas';

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

export function formatFlagValue(raw: unknown): string {
  const parsed = FlagValueSchema.safeParse(raw);
  if (!parsed.success) return '—';
  const { type, value } = parsed.data;
  if (type === 'STRING') return JSON.stringify(value);
  if (type === 'DATA_CLASS' || (typeof value === 'object' && value !== null)) return JSON.stringify(value);
  return String(value);
}

function rampsOf(rules: unknown[]): number[] {
  return rules.flatMap((rule) => {
    const ramp = typeof rule === 'object' && rule !== null && 'rampUp' in rule ? rule.rampUp : undefined;
    return typeof ramp === 'number' && ramp < 100 ? [ramp] : [];
  });
}

export function flagRows(detail: Pick<NamespaceDetail, 'snapshot' | 'features'>): FlagRow[] {
  const declared = new Map<string, DeclaredFeatureDto>(detail.features.map((f) => [f.key, f]));
  return detail.snapshot.flags
    .map((flag) => {
      const defaultValue = FlagValueSchema.safeParse(flag.defaultValue);
      const rules = Array.isArray(flag.rules) ? (flag.rules as unknown[]) : [];
      const ramps = rampsOf(rules);
      return {
        key: flag.key,
        name: shortFlagName(flag.key),
        type: defaultValue.success ? defaultValue.data.type : (declared.get(flag.key)?.type ?? 'UNKNOWN'),
        defaultValue: formatFlagValue(flag.defaultValue),
        active: flag.isActive !== false,
        rules: rules.length,
        partialRamp: ramps.length ? Math.min(...ramps) : null,
      };
    })
    .sort((a, b) => a.name.localeCompare(b.name, 'en', { numeric: true }));
}
