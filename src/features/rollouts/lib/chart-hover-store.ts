/**
 * Synchronised hover across the rollout charts: the time under the pointer in any chart is
 * shown as a crosshair and a readout in every chart. UI state only (never server data); a tiny
 * store so that only the crosshairs and readouts re-render on pointer moves, not the charts.
 */
import { create } from 'zustand';

interface ChartHoverState {
  /** Bucket time under the pointer (epoch ms), or null when no chart is hovered. */
  t: number | null;
  /** Which chart the pointer is in (it shows the tooltip; the others a crosshair). */
  source: string | null;
  chartHovered: (source: string, t: number) => void;
  chartLeft: (source: string) => void;
}

export const useChartHoverStore = create<ChartHoverState>()((set) => ({
  t: null,
  source: null,
  chartHovered: (source, t) => set((s) => (s.t === t && s.source === source ? s : { t, source })),
  // A late "leave" from a chart the pointer already left for another must not clear the new hover.
  chartLeft: (source) => set((s) => (s.source === source ? { t: null, source: null } : s)),
}));

/** The hovered time, for components that only need that (atomic selector). */
export const useHoveredTime = (): number | null => useChartHoverStore((s) => s.t);
