import type { RolloutSummary } from '@contract/rollouts';
import { Badge } from '../../../components/ui/badge';
import { AlertIcon } from '../../../components/ui/icons';
import { RelativeTime } from '../../../components/ui/relative-time';
import { AUDIT_ACTION_LABELS, AUDIT_ACTION_TONES } from '../../../lib/audit-actions';
import { conflictSentence, type RolloutConflict } from '../lib/conflict';

export interface RolloutConflictViewProps {
  seen: RolloutSummary;
  conflict: RolloutConflict;
  onRecheck: () => void;
  rechecking: boolean;
}

/** What changed underneath an action (412): who, when, what and why. Nothing was overwritten. */
export function RolloutConflictView({ seen, conflict, onRecheck, rechecking }: RolloutConflictViewProps) {
  return (
    <section className="conflict" aria-labelledby="rollout-conflict-title">
      <div className="conflict-head">
        <AlertIcon width={18} height={18} className="conflict-icon" />
        <div>
          <h3 id="rollout-conflict-title" className="conflict-title">
            Someone changed {seen.id} while you were deciding
          </h3>
          <p>
            {conflictSentence(seen, conflict.current)} Nothing was changed by you. Re-check to review the new state before you decide again.
          </p>
        </div>
      </div>
      {conflict.changesSince.length > 0 && (
        <ol className="conflict-changes" aria-label="Changes since you looked">
          {conflict.changesSince.map((e) => {
            const tone = AUDIT_ACTION_TONES[e.action];
            return (
              <li key={e.id} className="conflict-change">
                <Badge tone={tone === 'neutral' ? 'warning' : tone}>{AUDIT_ACTION_LABELS[e.action]}</Badge>
                <span>
                  by <strong>{e.actor}</strong> <RelativeTime iso={e.at} />
                </span>
                {e.reason && <span className="conflict-reason">“{e.reason}”</span>}
              </li>
            );
          })}
        </ol>
      )}
      <div>
        <button type="button" className="btn btn-primary" onClick={onRecheck} disabled={rechecking}>
          {rechecking ? 'Re-checking…' : 'Re-check'}
        </button>
      </div>
    </section>
  );
}
