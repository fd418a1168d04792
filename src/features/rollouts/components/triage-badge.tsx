import type { Triage } from '@contract/rollouts';
import { Badge, type BadgeTone } from '../../../components/ui/badge';

const TONE: Readonly<Record<Triage['status'], BadgeTone>> = { expected: 'success', bug: 'danger', ignored: 'neutral' };
const WORD: Readonly<Record<Triage['status'], string>> = { expected: 'Expected', bug: 'Bug', ignored: 'Ignored' };

export function TriageBadge({ triage }: { triage: Triage }) {
  return (
    <Badge tone={TONE[triage.status]} title={`${WORD[triage.status]} by ${triage.by}${triage.viaPattern ? ' (whole pattern)' : ''}${triage.note ? `: ${triage.note}` : ''}`}>
      {WORD[triage.status]}
    </Badge>
  );
}
