import type { NamespaceSummary } from '@contract/schemas';
import { isBehindLatest } from '../lib/overview';

export function VersionCell({ namespace }: { namespace: Pick<NamespaceSummary, 'activeVersion' | 'latestVersion'> }) {
  const behind = isBehindLatest(namespace);
  return (
    <div className="version-cell">
      <span className="version">v{namespace.activeVersion}</span>
      {behind && (
        <span className="version-behind" title={`Rolled back: v${namespace.latestVersion} is the newest version written, v${namespace.activeVersion} is live`}>
          latest v{namespace.latestVersion}
        </span>
      )}
    </div>
  );
}
