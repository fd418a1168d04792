import type { CSSProperties } from 'react';
import { Link } from 'react-router';
import type { VersionSummary } from '@contract/schemas';
import { Badge } from '../../../components/ui/badge';
import { RelativeTime } from '../../../components/ui/relative-time';
import { absoluteTime } from '../../../lib/format-time';
import { metaFacts } from '../lib/history';
import { DiscardedNote } from './discarded-note';
import { KindBadge } from './kind-badge';

export interface HistoryRowProps {
  version: VersionSummary;
  rowIndex: number;
  picked: boolean;
  onToggle: (version: number) => void;
  style: CSSProperties;
  /** Where the version links go. */
  ns: string;
}

export function HistoryRow({ version: v, rowIndex, picked, onToggle, style, ns }: HistoryRowProps) {
  const meta = metaFacts(v.meta);
  const discarded = v.discardedBy !== null;
  return (
    <div
      role="row"
      aria-rowindex={rowIndex}
      aria-selected={picked}
      className="history-row"
      data-active={v.active || undefined}
      data-discarded={discarded || undefined}
      style={style}
    >
      <div role="cell" className="history-cell-pick">
        <input type="checkbox" checked={picked} onChange={() => onToggle(v.version)} aria-label={`Compare v${v.version}`} />
      </div>
      <div role="rowheader" className="history-cell-version">
        <Link to={`/namespaces/${encodeURIComponent(ns)}/versions/${v.version}`} className="version history-version">
          v{v.version}
        </Link>
        {v.active && <Badge tone="success" className="badge-dot">Live</Badge>}
        {discarded && <Badge tone="warning">Discarded</Badge>}
      </div>
      <div role="cell" className="history-cell-kind">
        <KindBadge kind={v.kind} />
        {v.sourceVersion !== null && <span className="cell-sub">of v{v.sourceVersion}</span>}
        {v.sourceVersion === null && v.parentVersion !== null && v.parentVersion !== v.version - 1 && (
          <span className="cell-sub" title={`Written while v${v.parentVersion} was live (after a rollback)`}>on top of v{v.parentVersion}</span>
        )}
      </div>
      <div role="cell" className="history-cell-what">
        <p className="history-reason" title={v.reason}>
          {v.reason || <span className="muted">No reason given</span>}
        </p>
        <p className="cell-sub" title={v.author}>
          {v.author} · {v.flagCount} {v.flagCount === 1 ? 'flag' : 'flags'}
        </p>
        {v.discardedBy && <DiscardedNote discardedBy={v.discardedBy} />}
      </div>
      <div role="cell" className="history-cell-meta">
        <span className="mono truncate" title={meta.generatedAt ? `Generated ${absoluteTime(meta.generatedAt)}` : undefined}>
          {meta.label ?? '—'}
        </span>
        <span className="cell-sub mono" title={meta.source ?? undefined}>{meta.source ?? 'no source'}</span>
      </div>
      <div role="cell" className="history-cell-time">
        <RelativeTime iso={v.createdAt} />
      </div>
    </div>
  );
}
