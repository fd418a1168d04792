/**
 * The rollback series as chart rows: per namespace, one row per bucket with manual and automatic
 * rollbacks stacked, a tick label in the user's time zone, and one y-scale shared by every
 * namespace's chart (so small multiples compare). Pure.
 */
import type { BucketSize, RollbackSeries } from '@contract/insights';

export interface RollbackRow {
  start: number;
  end: number;
  label: string;
  manual: number;
  automatic: number;
}

export interface NamespaceChart {
  namespace: string;
  rows: RollbackRow[];
  manual: number;
  automatic: number;
}

export interface RollbackCharts {
  charts: NamespaceChart[];
  /** The tallest stack of any bucket of any namespace (at least 1). */
  max: number;
}

export function bucketLabel(start: number, bucket: BucketSize, tz: string): string {
  const options: Intl.DateTimeFormatOptions =
    bucket === 'hour' ? { hour: '2-digit', minute: '2-digit', day: 'numeric', month: 'short' } : { day: 'numeric', month: 'short' };
  return new Intl.DateTimeFormat('en-GB', { ...options, timeZone: tz }).format(start);
}

export function toRollbackCharts(s: RollbackSeries): RollbackCharts {
  let max = 1;
  const charts = s.namespaces.map((n) => {
    const rows = s.buckets.map((b, i) => {
      const p = n.points[i];
      const row = { start: b.start, end: b.end, label: bucketLabel(b.start, s.bucket, s.tz), manual: p?.manual ?? 0, automatic: p?.automatic ?? 0 };
      max = Math.max(max, row.manual + row.automatic);
      return row;
    });
    return { namespace: n.namespace, rows, manual: n.totals.manual, automatic: n.totals.automatic };
  });
  // Namespaces with rollbacks first (most first), the quiet ones after, by name.
  charts.sort((a, b) => b.manual + b.automatic - (a.manual + a.automatic) || a.namespace.localeCompare(b.namespace));
  return { charts, max };
}
