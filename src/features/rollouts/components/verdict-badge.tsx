import type { VerdictLevel } from '@core/rollout/verdict';
import { Badge, type BadgeTone } from '../../../components/ui/badge';

const TONE: Readonly<Record<VerdictLevel, BadgeTone>> = { ok: 'success', warning: 'warning', critical: 'danger', no_data: 'neutral' };
const WORD: Readonly<Record<VerdictLevel, string>> = { ok: 'Within thresholds', warning: 'Warning', critical: 'Critical', no_data: 'No data' };

/** The per-metric verdict level in words (never colour alone). */
export function VerdictBadge({ level }: { level: VerdictLevel }) {
  return (
    <Badge tone={TONE[level]} className="badge-dot">
      {WORD[level]}
    </Badge>
  );
}
