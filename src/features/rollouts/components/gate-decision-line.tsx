import type { GateResponse } from '@contract/rollouts';
import { gateDecision } from '../lib/gate-view';

/** The gate's go/no-go for the next step, headline first (the checklist shows the details). */
export function GateDecisionLine({ gate }: { gate: GateResponse }) {
  const d = gate.gate
    ? gateDecision({ status: gate.gate.status, checks: gate.gate.checks, acceptStreak: gate.acceptStreak, requiredStreak: gate.requiredStreak, nextStep: gate.nextStep, blockers: gate.blockers })
    : { tone: 'neutral' as const, headline: 'No-go: no reports', detail: 'No cumulative report has arrived since the stage began; the gate has nothing to read.' };
  return (
    <p className="gate-decision" data-tone={d.tone}>
      <span className="gate-decision-headline">
        <span aria-hidden="true">{d.tone === 'success' ? '✓ ' : d.tone === 'neutral' ? '' : '✕ '}</span>
        {d.headline}
      </span>
      <span className="gate-decision-detail">{d.detail}</span>
    </p>
  );
}
