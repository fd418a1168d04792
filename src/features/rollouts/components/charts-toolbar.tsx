import type { ChartParams } from '../lib/chart-params';
import { TimeRangePicker } from './time-range-picker';

/** Time range and the chart/table switch (both in the URL). */
export function ChartsToolbar({ params, onChange }: { params: ChartParams; onChange: (patch: Partial<ChartParams>) => void }) {
  return (
    <div className="charts-toolbar">
      <TimeRangePicker value={params.range} onChange={(range) => onChange({ range })} />
      <button type="button" className="btn btn-secondary btn-sm" aria-pressed={params.asTable} onClick={() => onChange({ asTable: !params.asTable })}>
        {params.asTable ? 'Show charts' : 'Show as tables'}
      </button>
    </div>
  );
}
