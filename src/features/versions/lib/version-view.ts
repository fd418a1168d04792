/** The version screen's view model: tabs, the exported JSON, and the rows of its flags table. */
import type { FlagDto, SnapshotDto } from '@contract/schemas';

export type VersionTab = 'flags' | 'json';

export const parseVersionTab = (raw: string | null): VersionTab => (raw === 'json' ? 'json' : 'flags');

/** The snapshot as Konditional JSON: decoded, every default filled in, two-space indented. */
export const snapshotJson = (snapshot: SnapshotDto): string => `${JSON.stringify(snapshot, null, 2)}\n`;

/** `<ns>-v<v>.json`, safe as a file name on every OS. */
export function downloadName(ns: string, version: number): string {
  return `${ns.replace(/[^A-Za-z0-9._-]/g, '_')}-v${version}.json`;
}

export interface VersionFlagRow {
  key: string;
  name: string;
  type: string;
  defaultValue: string;
  active: boolean;
  rules: number;
  /** "25%" for the lowest partial ramp-up over the rules, "100%" when every rule serves everyone, "—" without rules. */
  rampUp: string;
}

export function shortName(key: string): string {
  const parts = key.split('::');
  return parts.length >= 3 ? parts.slice(2).join('::') : key;
}

export function formatValue(value: FlagDto['defaultValue']): string {
  if (value.type === 'STRING') return JSON.stringify(value.value);
  return typeof value.value === 'object' && value.value !== null ? JSON.stringify(value.value) : String(value.value);
}

function rampUp(flag: FlagDto): string {
  if (flag.rules.length === 0) return '—';
  return `${Math.min(...flag.rules.map((r) => r.rampUp))}%`;
}

export function versionFlagRows(snapshot: SnapshotDto): VersionFlagRow[] {
  return snapshot.flags
    .map((f) => ({
      key: f.key,
      name: shortName(f.key),
      type: f.defaultValue.type,
      defaultValue: formatValue(f.defaultValue),
      active: f.isActive,
      rules: f.rules.length,
      rampUp: rampUp(f),
    }))
    .sort((a, b) => a.name.localeCompare(b.name, 'en', { numeric: true }));
}

export interface DiffLink {
  label: string;
  href: string;
}

/** "Changes since the parent" and "difference from live", when they mean something. */
export function diffLinks(ns: string, version: { version: number; parentVersion: number | null }, activeVersion: number | null): DiffLink[] {
  const base = `/namespaces/${encodeURIComponent(ns)}/diff`;
  const links: DiffLink[] = [];
  if (version.parentVersion !== null) {
    links.push({ label: `Changes from v${version.parentVersion} (its parent)`, href: `${base}?from=${version.parentVersion}&to=${version.version}` });
  }
  if (activeVersion !== null && activeVersion !== version.version) {
    links.push({ label: `Compare with live v${activeVersion}`, href: `${base}?from=${version.version}&to=${activeVersion}` });
  }
  return links;
}
