import { useQuery } from '@tanstack/react-query';
import { ErrorPanel } from '../../../components/ui/error-panel';
import { Skeleton } from '../../../components/ui/skeleton';
import { describeStep } from '@core/rollout/stages';
import { ROLLOUT_POLL_MS, rolloutQueries } from '../api/rollout-queries';
import { GateDecisionLine } from './gate-decision-line';
import { GateStreak } from './gate-streak';

/** The gate for the next step (O11): each check with its value and threshold, and the go/no-go. */
export function GateChecklist({ rolloutId }: { rolloutId: string }) {
  const gate = useQuery({ ...rolloutQueries.gate(rolloutId), refetchInterval: ROLLOUT_POLL_MS });
  const g = gate.data;
  return (
    <section className="card gate-card" aria-labelledby="gate-title">
      <header className="card-head">
        <h2 id="gate-title" className="card-title">
          Gate {g?.nextStep ? `for ${describeStep(g.nextStep)}` : ''}
        </h2>
        {g && <GateStreak gate={g} />}
      </header>
      {g ? (
        <>
          <GateDecisionLine gate={g} />
          {g.gate && (
            <ul className="gate-checks" aria-label="Gate checks">
              {g.gate.checks.map((c) => (
                <li key={c.id} className={`gate-check ${c.ok ? 'is-ok' : `is-fail is-${c.onFail}`}`}>
                  <span className="gate-check-icon" aria-hidden="true">
                    {c.ok ? '✓' : '✕'}
                  </span>
                  <span className="gate-check-label">{c.label}</span>
                  <span className="gate-check-value">{c.detail}</span>
                  <span className="sr-only">{c.ok ? 'passes' : `fails: ${c.onFail === 'hold' ? 'holds promotion' : 'rollback recommended'}`}</span>
                </li>
              ))}
            </ul>
          )}
        </>
      ) : gate.isError ? (
        <ErrorPanel title="Could not read the gate" error={gate.error} onRetry={() => void gate.refetch()} retrying={gate.isFetching} />
      ) : (
        <div role="status" aria-busy="true">
          <span className="sr-only">Loading the gate…</span>
          {Array.from({ length: 5 }, (_, i) => (
            <Skeleton key={i} width={`${60 + ((i * 7) % 30)}%`} height={12} />
          ))}
        </div>
      )}
    </section>
  );
}
