import type { ChartThreshold } from '../lib/to-metric-series';

/** V1 dashed, V2 solid (told apart without colour), then the thresholds; those off scale say so. */
export function ChartLegend({ thresholds }: { thresholds: readonly ChartThreshold[] }) {
  return (
    <ul className="chart-legend" aria-label="Legend">
      <li>
        <svg width="22" height="8" aria-hidden="true">
          <line x1="1" x2="21" y1="4" y2="4" className="legend-v1" />
        </svg>
        V1 baseline
      </li>
      <li>
        <svg width="22" height="8" aria-hidden="true">
          <line x1="1" x2="21" y1="4" y2="4" className="legend-v2" />
        </svg>
        V2 candidate
      </li>
      {thresholds.map((t) => (
        <li key={t.id} className={t.inView ? undefined : 'legend-off-scale'} title={t.inView ? undefined : 'Far above the data: not drawn, so the lines stay readable'}>
          <svg width="22" height="8" aria-hidden="true">
            <line x1="1" x2="21" y1="4" y2="4" className={`legend-threshold legend-${t.severity}`} />
          </svg>
          {t.text}
          {!t.inView && <span className="muted"> (off scale)</span>}
        </li>
      ))}
    </ul>
  );
}
