import type { AuditEvent, SnapshotDiffDto } from '@contract/schemas';
import { AUDIT_ACTION_LABELS } from '../../lib/audit-actions';
import { describeError } from '../../lib/api-error';
import { SnapshotDiffView } from '../diff/snapshot-diff-view';
import { Badge } from '../ui/badge';
import { AlertIcon } from '../ui/icons';
import { RelativeTime } from '../ui/relative-time';
import { Spinner } from '../ui/spinner';
import type { Conflict } from './guard-model';

export type ConflictDiff = { status: 'same' } | { status: 'loading' } | { status: 'error'; error: unknown } | { status: 'ready'; diff: SnapshotDiffDto };

export interface ConflictViewProps {
  namespace: string;
  seenVersion: number;
  conflict: Conflict;
  diff: ConflictDiff;
  onRecheck: () => void;
  rechecking: boolean;
}

function ChangeLine({ event }: { event: AuditEvent }) {
  const versions = event.fromVersion !== null && event.toVersion !== null && event.fromVersion !== event.toVersion ? `v${event.fromVersion} → v${event.toVersion}` : null;
  return (
    <li className="conflict-change">
      <Badge tone="warning">{AUDIT_ACTION_LABELS[event.action]}</Badge>
      {versions && <span className="version small">{versions}</span>}
      <span>
        by <strong>{event.actor}</strong> <RelativeTime iso={event.at} />
      </span>
      {event.reason && <span className="conflict-reason">“{event.reason}”</span>}
    </li>
  );
}

/** What changed underneath a guarded action (412): who, when, what, and the diff; nothing was overwritten. */
export function ConflictView({ namespace, seenVersion, conflict, diff, onRecheck, rechecking }: ConflictViewProps) {
  const now = conflict.current.activeVersion;
  return (
    <section className="conflict" aria-labelledby="conflict-title">
      <div className="conflict-head">
        <AlertIcon width={18} height={18} className="conflict-icon" />
        <div>
          <h3 id="conflict-title" className="conflict-title">
            Someone changed {namespace} while you were deciding
          </h3>
          <p>
            You saw <span className="version">v{seenVersion}</span>; <span className="version">v{now}</span> is live now
            {conflict.current.killSwitch.enabled ? ' and the kill switch is on' : ''}. Nothing was changed by you. Re-check to
            review the new state before you decide again.
          </p>
        </div>
      </div>
      {conflict.changesSince.length > 0 && (
        <ol className="conflict-changes" aria-label="Changes since you looked">
          {conflict.changesSince.map((e) => (
            <ChangeLine key={e.id} event={e} />
          ))}
        </ol>
      )}
      {diff.status === 'same' && <p className="muted">The live snapshot is still v{seenVersion}: only the namespace state changed.</p>}
      {diff.status === 'loading' && <Spinner label={`Loading what changed between v${seenVersion} and v${now}…`} />}
      {diff.status === 'error' && <p className="field-error">Could not load the diff: {describeError(diff.error)}</p>}
      {diff.status === 'ready' && <SnapshotDiffView diff={diff.diff} label={`What changed from v${seenVersion} to v${now}`} columns={{ before: `v${seenVersion} (you saw)`, after: `v${now} (live now)` }} />}
      <div>
        <button type="button" className="btn btn-primary" onClick={onRecheck} disabled={rechecking}>
          {rechecking ? 'Re-checking…' : 'Re-check'}
        </button>
      </div>
    </section>
  );
}
