import { Bar, BarChart, CartesianGrid, Tooltip, XAxis, YAxis } from 'recharts';
import type { RollbackRow } from '../lib/to-rollback-chart';

export interface RollbackChartProps {
  rows: RollbackRow[];
  max: number;
  /** A click on a bucket's stack: show its rollbacks. */
  onBucket: (row: RollbackRow) => void;
  height?: number;
}

const AXIS_TICK = { fill: 'var(--chart-axis)', fontSize: 11 };

function BucketTooltip({ active, payload }: { active?: boolean; payload?: readonly { payload?: RollbackRow }[] }) {
  const row = payload?.[0]?.payload;
  if (!active || !row) return null;
  return (
    <div className="chart-tooltip">
      <div className="chart-tooltip-time">{row.label}</div>
      <div>
        <span className="legend-swatch swatch-manual" aria-hidden="true" /> {row.manual} manual
      </div>
      <div>
        <span className="legend-swatch swatch-automatic" aria-hidden="true" /> {row.automatic} automatic
      </div>
      {row.manual + row.automatic > 0 && <div className="muted">Click to see them</div>}
    </div>
  );
}

/** Rollbacks per bucket, manual and automatic stacked, on the scale shared by every namespace. */
export default function RollbackChart({ rows, max, onBucket, height = 132 }: RollbackChartProps) {
  const click = (data: { payload?: unknown }) => {
    const row = data.payload as RollbackRow | undefined;
    if (row && row.manual + row.automatic > 0) onBucket(row);
  };
  return (
    <BarChart responsive style={{ width: '100%', height }} data={rows} margin={{ top: 6, right: 4, bottom: 0, left: 0 }} barCategoryGap="18%">
      <CartesianGrid stroke="var(--chart-grid)" vertical={false} />
      <XAxis dataKey="label" tick={AXIS_TICK} tickLine={false} stroke="var(--chart-grid)" interval="preserveStartEnd" minTickGap={28} />
      <YAxis domain={[0, max]} allowDecimals={false} tick={AXIS_TICK} tickLine={false} axisLine={false} width={22} tickCount={Math.min(4, max + 1)} />
      <Tooltip content={<BucketTooltip />} cursor={{ fill: 'var(--bg-hover)' }} isAnimationActive={false} />
      <Bar dataKey="manual" name="Manual" stackId="rollbacks" fill="var(--chart-manual)" isAnimationActive={false} cursor="pointer" onClick={click} />
      <Bar dataKey="automatic" name="Automatic" stackId="rollbacks" fill="var(--chart-automatic)" radius={[2, 2, 0, 0]} isAnimationActive={false} cursor="pointer" onClick={click} />
    </BarChart>
  );
}
