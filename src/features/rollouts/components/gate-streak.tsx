import type { GateResponse } from '@contract/rollouts';
import { formatInstant } from '../lib/time-range';

const WORD = { accept: 'accept', hold: 'hold', rollback_recommended: 'rollback recommended' } as const;

/** The latest gate statuses since the stage began, as pips (oldest left), and the streak in words. */
export function GateStreak({ gate }: { gate: GateResponse }) {
  const recent = gate.recent.slice(-10);
  return (
    <span className="gate-streak">
      <span className="gate-pips" aria-hidden="true">
        {recent.map((r) => (
          <span key={r.capturedAt} className={`gate-pip is-${r.status}`} title={`${formatInstant(Date.parse(r.capturedAt))}: ${WORD[r.status]}`} />
        ))}
      </span>
      <span>
        {gate.acceptStreak} accept{gate.acceptStreak === 1 ? '' : 's'} in a row · {gate.requiredStreak} needed
      </span>
    </span>
  );
}
