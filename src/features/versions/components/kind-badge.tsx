import type { VersionKind } from '@contract/schemas';
import { Badge, type BadgeTone } from '../../../components/ui/badge';
import { KIND_LABELS } from '../lib/history';

const TONES: Record<VersionKind, BadgeTone> = {
  create: 'neutral',
  load: 'accent',
  patch: 'accent',
  restore: 'warning',
  rollout_step: 'neutral',
};

export function KindBadge({ kind }: { kind: VersionKind }) {
  return <Badge tone={TONES[kind]}>{KIND_LABELS[kind]}</Badge>;
}
