import type { RangeValue } from '../../lib/range-params';

export interface TimelineRangeBarProps<P extends string> {
  presets: readonly P[];
  value: RangeValue<P>;
  onChange: (range: RangeValue<P>) => void;
  /** The range on screen (for zooming out around it). */
  from: number;
  to: number;
}

const fmt = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit' });

/** Preset ranges, the zoomed range when there is one, and zoom out (twice as long, same middle, never past now). */
export function TimelineRangeBar<P extends string>({ presets, value, onChange, from, to }: TimelineRangeBarProps<P>) {
  const zoomOut = () => {
    const span = to - from;
    const end = Math.min(Date.now(), to + span / 2);
    onChange({ key: 'custom', from: end - 2 * span, to: end });
  };
  return (
    <div className="tl-range">
      <div className="segmented segmented-text" role="group" aria-label="Time range">
        {presets.map((p) => (
          <button key={p} type="button" className="segmented-item" aria-pressed={value.key === p} onClick={() => onChange({ key: p })}>
            {p}
          </button>
        ))}
      </div>
      {value.key === 'custom' && (
        <span className="tl-zoomed">
          {fmt.format(from)} – {fmt.format(to)}
        </span>
      )}
      <button type="button" className="btn btn-secondary btn-sm" onClick={zoomOut}>
        Zoom out
      </button>
    </div>
  );
}
