import type { ChartMarkers, MarkerKind } from '../lib/to-chart-markers';
import type { ChartThreshold } from '../lib/to-metric-series';

const MARKER_WORDS: Readonly<Record<MarkerKind, string>> = { stage: 'stage change', config: 'config change', pause: 'pause', rollback: 'rollback', breach: 'breach' };

/** V1 dashed, V2 solid (told apart without colour), then the thresholds; those off scale say so. */
export function ChartLegend({ thresholds, markers }: { thresholds: readonly ChartThreshold[]; markers?: ChartMarkers }) {
  const kinds = markers ? [...new Set([...markers.lines.map((l) => l.kind), ...(markers.dots.length > 0 ? (['breach'] as const) : [])])] : [];
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
      {kinds.map((k) => (
        <li key={k} className="legend-marker">
          <svg width="10" height="10" aria-hidden="true" className={`chart-marker-${k}`}>
            {k === 'breach' ? <circle cx="5" cy="5" r="4" className="chart-breach chart-breach-critical" /> : <line x1="5" x2="5" y1="0" y2="10" />}
          </svg>
          {MARKER_WORDS[k]}
        </li>
      ))}
    </ul>
  );
}
