import type { RolloutDetail } from '@contract/rollouts';
import { Badge } from '../../../components/ui/badge';
import { RelativeTime } from '../../../components/ui/relative-time';

const STATE = { ok: { tone: 'success', word: 'OK' }, pending: { tone: 'warning', word: 'Pending' }, breached: { tone: 'danger-solid', word: 'Breached' } } as const;
const ACTION = { pause: 'pauses', rollback: 'rolls back', none: 'only notes' } as const;

/** Each guard rule now (O10): holding, counting minutes, or breached; and the breaches recorded. */
export function GuardsPanel({ rollout }: { rollout: RolloutDetail }) {
  const statusById = new Map(rollout.guardStatus.map((s) => [s.ruleId, s]));
  const breaches = rollout.breaches.slice(0, 3);
  return (
    <section className="card guards-card" aria-labelledby="guards-title">
      <header className="card-head">
        <h2 id="guards-title" className="card-title">
          Guards
        </h2>
        <span className="card-head-note">since this stage began</span>
      </header>
      <ul className="guard-rules">
        {rollout.guards.map((rule) => {
          const s = statusById.get(rule.id);
          const state = STATE[s?.state ?? 'ok'];
          return (
            <li key={rule.id} className={`guard-rule is-${s?.state ?? 'ok'}`}>
              <Badge tone={rule.severity === 'critical' ? 'danger' : 'warning'}>{rule.severity}</Badge>
              <span className="guard-rule-label" title={`${rule.severity === 'critical' ? 'Critical' : 'Warning'}: ${ACTION[rule.action]} when it holds`}>
                {rule.label}
              </span>
              <span className="guard-rule-state">
                {s && s.state !== 'ok' ? `${s.consecutiveMinutes} of ${s.forMinutes} min` : ''}
                <Badge tone={s ? state.tone : 'neutral'}>{s ? state.word : 'No data'}</Badge>
              </span>
            </li>
          );
        })}
      </ul>
      {breaches.length > 0 && (
        <div className="guard-breaches">
          <h3 className="guard-breaches-title">Recorded breaches</h3>
          <ul>
            {breaches.map((b) => (
              <li key={b.breachId}>
                <strong className={b.outcome === 'rolled_back' ? 'text-danger' : 'text-warning'}>{b.outcome === 'rolled_back' ? 'Rolled back' : b.outcome === 'paused' ? 'Paused' : 'Noted'}</strong>{' '}
                <RelativeTime iso={b.detectedAt} />: {b.sentence}
              </li>
            ))}
          </ul>
        </div>
      )}
    </section>
  );
}
