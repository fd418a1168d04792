/**
 * Markers on the metric charts (product I3): snapshot changes, stage changes and rollbacks as
 * vertical lines on every chart; threshold breaches as dots on the chart of the breached metric,
 * at V2's value. Markers outside the range are dropped; lines closer than a few pixels' worth
 * of time are merged into one with every label kept for the tooltip.
 */
import type { Metric } from '@core/rollout/model';
import { rowAt, type MetricRow } from './to-metric-series';

/** config: a snapshot load/patch/restore or kill switch; stage: promote or resume; pause; rollback; breach. */
export type MarkerKind = 'config' | 'stage' | 'pause' | 'rollback' | 'breach';

/** An event as the charts need it (mapped from the metrics response). */
export interface ChartEvent {
  id: string;
  at: number;
  kind: MarkerKind;
  /** Short text on the chart: "10%", "Rollback", "v15". */
  label: string;
  /** The whole story for the tooltip: who, what, why, the numbers. */
  detail: string;
  /** Breaches: the metric breached. */
  metric?: Metric;
  severity?: 'warning' | 'critical';
}

export interface LineMarker {
  key: string;
  x: number;
  /** The most severe kind in the group decides the colour. */
  kind: MarkerKind;
  label: string;
  events: ChartEvent[];
  /** Row of the label (0 at the top), so that labels of nearby lines do not cover each other. */
  lane: number;
}

export interface DotMarker {
  key: string;
  x: number;
  y: number;
  severity: 'warning' | 'critical';
  event: ChartEvent;
}

export interface ChartMarkers {
  lines: LineMarker[];
  dots: DotMarker[];
}

const RANK: Readonly<Record<MarkerKind, number>> = { config: 0, stage: 1, pause: 2, breach: 3, rollback: 4 };

/** Lines within this share of the range merge (about 6 px on a 600 px chart). */
export const MERGE_SHARE = 0.01;
/** The plot width labels are laid out for, and the width of one label character, in px. */
export const LABEL_PLOT_PX = 480;
const LABEL_CHAR_PX = 6.4;
const LABEL_PAD_PX = 14;
export const MAX_LANES = 3;

/** Lanes for the labels, left to right: each label takes the first lane where it does not overlap. */
function assignLanes(lines: LineMarker[], span: number): void {
  const ends: number[] = [];
  for (const line of lines) {
    const width = ((line.label.length * LABEL_CHAR_PX + LABEL_PAD_PX) / LABEL_PLOT_PX) * span;
    let lane = ends.findIndex((end) => end <= line.x);
    if (lane === -1) lane = ends.length < MAX_LANES ? ends.length : ends.indexOf(Math.min(...ends));
    ends[lane] = line.x + width;
    line.lane = lane;
  }
}

export function toChartMarkers(events: readonly ChartEvent[], metric: Metric, rows: readonly MetricRow[], from: number, to: number): ChartMarkers {
  const inRange = events.filter((e) => e.at >= from && e.at <= to).sort((a, b) => a.at - b.at);
  const dots: DotMarker[] = [];
  const lines: LineMarker[] = [];
  const mergeWithin = (to - from) * MERGE_SHARE;
  for (const e of inRange) {
    if (e.kind === 'breach') {
      if (e.metric !== metric) continue;
      const row = rowAt(rows, e.at);
      const y = row?.v2 ?? row?.v1;
      if (y !== null && y !== undefined) dots.push({ key: e.id, x: row?.t ?? e.at, y, severity: e.severity ?? 'critical', event: e });
      continue;
    }
    const last = lines[lines.length - 1];
    if (last && e.at - last.x <= mergeWithin) {
      last.events.push(e);
      if (RANK[e.kind] > RANK[last.kind]) last.kind = e.kind;
      last.label = `${last.events.length} events`;
    } else {
      lines.push({ key: e.id, x: e.at, kind: e.kind, label: e.label, events: [e], lane: 0 });
    }
  }
  assignLanes(lines, to - from);
  return { lines, dots };
}

/** Events whose line or dot falls in the bucket at `t` (for the hover readout). */
export function eventsNear(markers: ChartMarkers, t: number, bucketMs: number): ChartEvent[] {
  const lineEvents = markers.lines.filter((l) => l.x >= t && l.x < t + bucketMs).flatMap((l) => l.events);
  const dotEvents = markers.dots.filter((d) => d.x === t).map((d) => d.event);
  return [...lineEvents, ...dotEvents];
}
