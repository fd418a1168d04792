/** The audit screen's view model: filters in the URL, the API query they make, and where each entry links. */
import { AuditAction, type AuditEvent } from '@contract/schemas';

export interface AuditFilters {
  namespace: string;
  actor: string;
  action: AuditAction | null;
  /** ISO instants (UTC), inclusive. */
  from: string | null;
  to: string | null;
}

export const NO_FILTERS: AuditFilters = { namespace: '', actor: '', action: null, from: null, to: null };

const instant = (raw: string | null): string | null => {
  if (!raw) return null;
  const date = new Date(raw);
  return Number.isNaN(date.getTime()) ? null : date.toISOString();
};

export function parseAuditFilters(search: URLSearchParams): AuditFilters {
  const action = AuditAction.safeParse(search.get('action'));
  return {
    namespace: search.get('namespace')?.trim() ?? '',
    actor: search.get('actor')?.trim() ?? '',
    action: action.success ? action.data : null,
    from: instant(search.get('from')),
    to: instant(search.get('to')),
  };
}

/** Only the filters that are set, in a stable order: the same view is always the same link. */
export function filterEntries(f: AuditFilters): [string, string][] {
  const entries: [string, string | null][] = [
    ['namespace', f.namespace.trim() || null],
    ['actor', f.actor.trim() || null],
    ['action', f.action],
    ['from', f.from],
    ['to', f.to],
  ];
  return entries.filter((e): e is [string, string] => e[1] !== null);
}

export const toAuditSearch = (f: AuditFilters): URLSearchParams => new URLSearchParams(filterEntries(f));

export const hasFilters = (f: AuditFilters): boolean => filterEntries(f).length > 0;

/** The query of GET /api/v1/events for these filters. */
export const eventsQuery = (f: AuditFilters): Record<string, string> => Object.fromEntries(filterEntries(f));

export const PRESETS = [
  { id: '1h', label: 'Last hour', ms: 3_600_000 },
  { id: '24h', label: 'Last 24 hours', ms: 86_400_000 },
  { id: '7d', label: 'Last 7 days', ms: 7 * 86_400_000 },
  { id: '30d', label: 'Last 30 days', ms: 30 * 86_400_000 },
] as const;

/** A preset becomes absolute times, so a shared link shows the same events to everyone. */
export function presetRange(id: string, now: number): Pick<AuditFilters, 'from' | 'to'> {
  const preset = PRESETS.find((p) => p.id === id);
  return preset ? { from: new Date(now - preset.ms).toISOString(), to: null } : { from: null, to: null };
}

/** `<input type="datetime-local">` speaks local wall-clock time without a zone. */
export function toLocalInput(iso: string | null): string {
  if (!iso) return '';
  const d = new Date(iso);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

export const fromLocalInput = (value: string): string | null => (value ? instant(value) : null);

export interface EntryLink {
  label: string;
  href: string;
  /** What the link opens, for its accessible name. */
  title: string;
}

/** An entry that moved a namespace between versions links to that diff; one that wrote a version, to it. */
export function entryLink(e: Pick<AuditEvent, 'namespace' | 'fromVersion' | 'toVersion'>): EntryLink | null {
  if (e.namespace === null || e.toVersion === null) return null;
  const ns = encodeURIComponent(e.namespace);
  if (e.fromVersion !== null && e.fromVersion !== e.toVersion) {
    return {
      label: `v${e.fromVersion} → v${e.toVersion}`,
      href: `/namespaces/${ns}/diff?from=${e.fromVersion}&to=${e.toVersion}`,
      title: `Diff of ${e.namespace} from v${e.fromVersion} to v${e.toVersion}`,
    };
  }
  return { label: `v${e.toVersion}`, href: `/namespaces/${ns}/versions/${e.toVersion}`, title: `${e.namespace} v${e.toVersion}` };
}
