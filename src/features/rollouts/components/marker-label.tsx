import type { MarkerKind } from '../lib/to-chart-markers';

export interface MarkerLabelProps {
  /** The marker line's x, and the plot's top and right edges, in px. */
  x: number;
  top: number;
  right: number;
  text: string;
  detail: string;
  kind: MarkerKind;
  /** Row of the label from the top (see to-chart-markers lanes). */
  lane?: number;
}

const LANE_PX = 16;

/**
 * A marker's short label in the chart's top margin (above the plot, so it never covers the
 * lines), with the whole story as the SVG tooltip; it flips to the left of its line where it
 * would run past the plot's right edge.
 */
export function MarkerLabel({ x, top, right, text, detail, kind, lane = 0 }: MarkerLabelProps) {
  const width = Math.max(18, text.length * 6.4 + 8);
  const left = x - 1 + width > right ? x + 1 - width : x - 1;
  return (
    <g className={`chart-marker-label chart-marker-${kind}`} transform={`translate(${left}, ${top - (lane + 1) * LANE_PX})`}>
      <title>{detail}</title>
      <rect width={width} height={14} rx={3} />
      <text x={4} y={10}>
        {text}
      </text>
    </g>
  );
}
