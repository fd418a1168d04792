import { usePlotArea, useXAxisScale } from 'recharts';
import { useHoveredTime } from '../lib/chart-hover-store';

/**
 * The synchronised hover line, drawn inside a chart from the shared hover store. Only this small
 * component re-renders on pointer moves; the chart's lines do not.
 */
export function ChartCrosshair() {
  const t = useHoveredTime();
  const scale = useXAxisScale();
  const area = usePlotArea();
  if (t === null || !scale || !area) return null;
  const x = scale(t);
  if (x === undefined || x < area.x || x > area.x + area.width) return null;
  return <line className="chart-crosshair" x1={x} x2={x} y1={area.y} y2={area.y + area.height} pointerEvents="none" />;
}
