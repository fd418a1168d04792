import type { NamespaceDetail } from '@contract/schemas';
import type { OpenAction } from '../lib/use-action-param';
import { LoadFlow } from './load-flow';
import { KillSwitchDialog } from './kill-switch-dialog';
import { RestoreDialog } from './restore-dialog';
import { RollbackDialog } from './rollback-dialog';

/** The dialog the URL asks for; it keeps the namespace as it was displayed when it opened. */
export function ActionDialog({ detail, open, onClose }: { detail: NamespaceDetail; open: OpenAction; onClose: () => void }) {
  switch (open.action) {
    case 'rollback':
      return <RollbackDialog detail={detail} onClose={onClose} initialSteps={open.steps ?? 1} />;
    case 'restore':
      return <RestoreDialog detail={detail} onClose={onClose} {...(open.version !== undefined && { initialVersion: open.version })} />;
    case 'load':
      return <LoadFlow detail={detail} mode="load" onClose={onClose} />;
    case 'patch':
      return <LoadFlow detail={detail} mode="patch" onClose={onClose} />;
    case 'kill-switch':
      return <KillSwitchDialog detail={detail} onClose={onClose} />;
  }
}
