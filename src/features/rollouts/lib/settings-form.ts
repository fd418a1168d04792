/**
 * The canary and sampling editor (O3, O4): allowlists typed one per line (or comma separated),
 * the sample rate as a percentage, and the change said in one sentence before it is confirmed.
 */
import type { CanaryConfig, ParitySampling } from '@core/rollout/model';
import { formatPct } from '@core/rollout/format';

export interface SettingsForm {
  canaryEnabled: boolean;
  subjects: string;
  tenantIds: string;
  channels: string;
  samplingEnabled: boolean;
  /** Percent, as typed. */
  ratePct: string;
}

export const toForm = (canary: CanaryConfig, parity: ParitySampling): SettingsForm => ({
  canaryEnabled: canary.enabled,
  subjects: canary.subjects.join('\n'),
  tenantIds: canary.tenantIds.join('\n'),
  channels: canary.channels.join('\n'),
  samplingEnabled: parity.enabled,
  ratePct: String(Math.round(parity.sampleRate * 10_000) / 100),
});

/** Entries of an allowlist: split on lines and commas, trimmed, empty and repeated ones dropped. */
export function parseList(text: string): string[] {
  return [...new Set(text.split(/[\n,]/).map((s) => s.trim()).filter(Boolean))];
}

export type FormResult = { ok: true; canary: CanaryConfig; parity: ParitySampling } | { ok: false; field: 'ratePct'; message: string };

export function fromForm(f: SettingsForm): FormResult {
  const rate = Number(f.ratePct.replace('%', '').trim());
  if (f.ratePct.trim() === '' || !Number.isFinite(rate) || rate < 0 || rate > 100) {
    return { ok: false, field: 'ratePct', message: 'The sample rate is a percentage from 0 to 100.' };
  }
  return {
    ok: true,
    canary: { enabled: f.canaryEnabled, subjects: parseList(f.subjects), tenantIds: parseList(f.tenantIds), channels: parseList(f.channels) },
    parity: { enabled: f.samplingEnabled, sampleRate: Math.round(rate * 100) / 10_000 },
  };
}

function listChange(name: string, before: readonly string[], after: readonly string[]): string | null {
  const added = after.filter((x) => !before.includes(x));
  const removed = before.filter((x) => !after.includes(x));
  if (added.length === 0 && removed.length === 0) return null;
  const parts = [added.length ? `+${added.join(', +')}` : '', removed.length ? `−${removed.join(', −')}` : ''].filter(Boolean);
  return `${name} ${parts.join(' ')}`;
}

/** What a change does, e.g. "Canary tenants +initech −acme; parity sampling 5% → 10%"; null when nothing changes. */
export function settingsChange(before: { canary: CanaryConfig; parity: ParitySampling }, after: { canary: CanaryConfig; parity: ParitySampling }): string | null {
  const parts: string[] = [];
  if (before.canary.enabled !== after.canary.enabled) {
    parts.push(after.canary.enabled ? 'canary filtering on (only allowlisted subjects, tenants or channels go to V2)' : 'canary filtering off (every signal may go to V2)');
  }
  for (const [name, key] of [
    ['canary subjects', 'subjects'],
    ['canary tenants', 'tenantIds'],
    ['canary channels', 'channels'],
  ] as const) {
    const c = listChange(name, before.canary[key], after.canary[key]);
    if (c) parts.push(c);
  }
  if (before.parity.enabled !== after.parity.enabled) parts.push(after.parity.enabled ? 'parity sampling on' : 'parity sampling off');
  if (before.parity.sampleRate !== after.parity.sampleRate) parts.push(`parity sampling ${formatPct(before.parity.sampleRate * 100)} → ${formatPct(after.parity.sampleRate * 100)}`);
  if (parts.length === 0) return null;
  const text = parts.join('; ');
  return text.charAt(0).toUpperCase() + text.slice(1);
}
