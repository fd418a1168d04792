import { usePlotArea } from 'recharts';
import type { MarkerKind } from '../lib/to-chart-markers';

interface ViewBox {
  x?: number;
  y?: number;
}

export interface MarkerLabelProps {
  viewBox?: ViewBox;
  text: string;
  detail: string;
  kind: MarkerKind;
  /** Row of the label from the top (see to-chart-markers lanes). */
  lane?: number;
}

const LANE_PX = 16;

/**
 * A marker's short label at the top of its line, with the whole story as the SVG tooltip; it
 * flips to the left of the line where it would run past the plot's right edge.
 */
export function MarkerLabel({ viewBox, text, detail, kind, lane = 0 }: MarkerLabelProps) {
  const area = usePlotArea();
  const x = viewBox?.x ?? 0;
  // Labels sit in the chart's top margin, above the plot, so they never cover the lines.
  const y = (viewBox?.y ?? 0) - (lane + 1) * LANE_PX;
  const width = Math.max(18, text.length * 5.6 + 8);
  const right = area ? area.x + area.width : Number.POSITIVE_INFINITY;
  const left = x - 1 + width > right ? x + 1 - width : x - 1;
  return (
    <g className={`chart-marker-label chart-marker-${kind}`} transform={`translate(${left}, ${y})`}>
      <title>{detail}</title>
      <rect width={width} height={14} rx={3} />
      <text x={4} y={10}>
        {text}
      </text>
    </g>
  );
}
