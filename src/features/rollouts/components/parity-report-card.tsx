import { useState } from 'react';
import type { ParityReportDto } from '@contract/rollouts';
import { Badge } from '../../../components/ui/badge';
import { RelativeTime } from '../../../components/ui/relative-time';
import { ParityReportDetailView } from './parity-report-detail';
import { TriageBadge } from './triage-badge';

const STATUS = { match: { tone: 'success', word: 'Match' }, mismatch: { tone: 'danger', word: 'Mismatch' }, legacy_unavailable: { tone: 'neutral', word: 'V1 unavailable' } } as const;

/** One report: subject, status, counts, pattern and triage; opens to both sides' outputs and the diff. */
export function ParityReportCard({ report: r }: { report: ParityReportDto }) {
  const [open, setOpen] = useState(false);
  const s = STATUS[r.status];
  const detailId = `report-${r.id}`;
  return (
    <li className={`report-card${open ? ' is-open' : ''}`} aria-label={`Report ${r.subject}`}>
      <button type="button" className="report-summary" aria-expanded={open} aria-controls={detailId} onClick={() => setOpen((o) => !o)}>
        <span className="report-chevron" aria-hidden="true">
          {open ? '▾' : '▸'}
        </span>
        <Badge tone={s.tone}>{s.word}</Badge>
        <span className="report-subject mono">{r.subject}</span>
        <span className="report-counts">
          V1 {r.legacyOutputCount} · V2 {r.eventOutputCount} outputs{r.missingInEvent > 0 && ` · ${r.missingInEvent} only in V1`}
          {r.missingInLegacy > 0 && ` · ${r.missingInLegacy} only in V2`}
        </span>
        <span className="report-pattern" title={r.pattern}>
          {r.pattern}
        </span>
        <span className="report-meta">
          {r.triage ? <TriageBadge triage={r.triage} /> : r.status !== 'match' && <Badge tone="warning">Untriaged</Badge>}
          <RelativeTime iso={r.comparedAt} />
        </span>
      </button>
      {open && (
        <div id={detailId} className="report-detail">
          <ParityReportDetailView report={r} />
        </div>
      )}
    </li>
  );
}
