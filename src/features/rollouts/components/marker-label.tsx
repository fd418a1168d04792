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
}

/** A marker's short label at the top of its line, with the whole story as the SVG tooltip. */
export function MarkerLabel({ viewBox, text, detail, kind }: MarkerLabelProps) {
  const x = viewBox?.x ?? 0;
  const y = viewBox?.y ?? 0;
  const width = Math.max(18, text.length * 5.6 + 8);
  return (
    <g className={`chart-marker-label chart-marker-${kind}`} transform={`translate(${x + 3}, ${y + 2})`}>
      <title>{detail}</title>
      <rect width={width} height={14} rx={3} />
      <text x={4} y={10}>
        {text}
      </text>
    </g>
  );
}
