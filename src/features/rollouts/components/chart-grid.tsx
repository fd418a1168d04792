import { usePlotArea, useYAxisScale } from 'recharts';

/**
 * The horizontal grid of a metric chart: a line at each y tick and at the plot's top and bottom
 * edges, as Recharts' CartesianGrid draws it. Drawn from the y scale the axis already computed:
 * CartesianGrid works out both axes' tick layouts again (measuring the x tick labels) even
 * where it draws no lines.
 */
export function ChartGrid({ ticks }: { ticks: readonly number[] }) {
  const y = useYAxisScale();
  const area = usePlotArea();
  if (!y || !area) return null;
  const top = area.y;
  const bottom = area.y + area.height;
  const ys = new Set<number>([top, bottom]);
  for (const v of ticks) {
    const py = y(v);
    if (py !== undefined && py >= top - 0.5 && py <= bottom + 0.5) ys.add(py);
  }
  return (
    <g className="chart-grid-lines" stroke="var(--chart-grid)" aria-hidden="true">
      {[...ys].map((py) => (
        <line key={py} x1={area.x} x2={area.x + area.width} y1={py} y2={py} />
      ))}
    </g>
  );
}
