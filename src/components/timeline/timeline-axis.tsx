import { useRef, useState, type PointerEvent } from 'react';
import { Link } from 'react-router';
import type { TimelineItem } from '@contract/insights';
import { axisTicks, brushRange, KIND_GROUPS, KIND_LABELS, placeMarkers, toneOf } from './timeline-model';

export interface TimelineAxisProps {
  items: readonly TimelineItem[];
  from: number;
  to: number;
  /** Drag across the axis to zoom into the selection. */
  onZoom: (range: { from: number; to: number }) => void;
  linkOf: (item: TimelineItem) => string | null;
}

const when = new Intl.DateTimeFormat('en-GB', { weekday: 'short', day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit' });
const pct = (x: number) => `${(x * 100).toFixed(3)}%`;

/** Every event on one time axis, a row per kind group; drag to zoom, click a marker to open it. */
export function TimelineAxis({ items, from, to, onZoom, linkOf }: TimelineAxisProps) {
  const tracks = useRef<HTMLDivElement>(null);
  const [drag, setDrag] = useState<{ a: number; b: number } | null>(null);
  const placed = placeMarkers(items, from, to);
  const fraction = (e: PointerEvent) => {
    const box = tracks.current?.getBoundingClientRect();
    return box && box.width > 0 ? Math.min(1, Math.max(0, (e.clientX - box.left) / box.width)) : 0;
  };
  return (
    <div className="tl-axis" role="img" aria-label={`${placed.length} events on a time axis from ${when.format(from)} to ${when.format(to)}; the list below has each of them`}>
      <div className="tl-labels" aria-hidden="true">
        {KIND_GROUPS.map((g) => (
          <span key={g.id}>{g.label}</span>
        ))}
      </div>
      <div
        ref={tracks}
        className="tl-tracks"
        title="Drag across the axis to zoom in"
        onPointerDown={(e) => {
          if (e.button !== 0) return;
          e.currentTarget.setPointerCapture?.(e.pointerId);
          const a = fraction(e);
          setDrag({ a, b: a });
        }}
        onPointerMove={(e) => drag && setDrag({ a: drag.a, b: fraction(e) })}
        onPointerUp={() => {
          const range = drag ? brushRange(drag.a, drag.b, from, to) : null;
          setDrag(null);
          if (range) onZoom(range);
        }}
        onPointerCancel={() => setDrag(null)}
      >
        {KIND_GROUPS.map((g) => (
          <div key={g.id} className="tl-track" />
        ))}
        {placed.map(({ item, x, row }) => {
          const href = linkOf(item);
          const title = `${KIND_LABELS[item.kind]} · ${item.label}${item.namespace ? ` · ${item.namespace}` : ''} · ${when.format(item.t)}`;
          const style = { left: pct(x), top: `${row * 28 + 14}px` };
          const className = `tl-marker tl-tone-${toneOf(item)}${item.automatic ? ' tl-auto' : ''}`;
          return href ? (
            <Link key={item.id} to={href} className={className} style={style} title={title} tabIndex={-1} onPointerDown={(e) => e.stopPropagation()} />
          ) : (
            <span key={item.id} className={className} style={style} title={title} />
          );
        })}
        {drag && Math.abs(drag.b - drag.a) > 0.002 && <div className="tl-brush" style={{ left: pct(Math.min(drag.a, drag.b)), width: pct(Math.abs(drag.b - drag.a)) }} />}
      </div>
      <div className="tl-ticks" aria-hidden="true">
        {axisTicks(from, to).map((t) => (
          <span key={t.t} style={{ left: pct((t.t - from) / (to - from)) }}>
            {t.label}
          </span>
        ))}
      </div>
    </div>
  );
}
