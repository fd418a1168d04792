import type { GateResponse } from '@contract/rollouts';
import { Badge } from '../../../components/ui/badge';
import { gateDecision } from '../lib/gate-view';

const TONES = { success: 'success', warning: 'warning', danger: 'danger-solid', neutral: 'neutral' } as const;

/** The gate's go/no-go for the next step in one line (the checklist shows the details). */
export function GateDecisionLine({ gate }: { gate: GateResponse }) {
  if (!gate.gate) {
    return (
      <p className="gate-decision">
        <Badge tone="neutral">No-go: no reports</Badge> <span className="muted">No cumulative report has arrived since the stage began; the gate has nothing to read.</span>
      </p>
    );
  }
  const d = gateDecision({
    status: gate.gate.status,
    checks: gate.gate.checks,
    acceptStreak: gate.acceptStreak,
    requiredStreak: gate.requiredStreak,
    nextStep: gate.nextStep,
  });
  return (
    <p className="gate-decision">
      <Badge tone={TONES[d.tone]} className="badge-dot">
        {d.headline}
      </Badge>{' '}
      <span className="muted">{d.detail}</span>
    </p>
  );
}
