import { useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import type { NamespaceDetail } from '@contract/schemas';
import * as registryApi from '@contract/routes-registry';
import { apiRequest } from '../../../lib/api-client';
import { namespaceQueries } from '../api/namespace-queries';
import { flagsChanging, restoreSentence } from '../lib/guard-sentences';
import { useGuardedAction } from '../lib/use-guarded-action';
import { NamespaceGuard } from './namespace-guard';
import { PreviewDiff } from './preview-diff';
import { VersionPicker } from './version-picker';

interface Vars {
  version: number;
  reason: string;
}

const RESTORE_REASONS = ['Bad value shipped', 'Restore last known good configuration', 'Error rate spike after last change', 'Rollback requested by incident commander'];

export function RestoreDialog({ detail, onClose, initialVersion }: { detail: NamespaceDetail; onClose: () => void; initialVersion?: number }) {
  const ns = detail.name;
  const guard = useGuardedAction<Vars>({
    detail,
    send: ({ version, reason }, g) => apiRequest(registryApi.restore, { params: { ns }, body: { version, reason }, ifMatch: g.ifMatch, idempotencyKey: g.idempotencyKey }),
    success: (r) => ({
      title: `Restored v${r.version?.sourceVersion ?? '?'} of ${ns} as v${r.namespace.activeVersion}`,
      description: `v${r.namespace.activeVersion} is live. Reason: ${r.event.reason}`,
    }),
    onDone: onClose,
  });
  const from = guard.seen.activeVersion;
  const versions = useQuery(namespaceQueries.recentVersions(ns));
  const previous = versions.data?.items.find((v) => v.version === from)?.parentVersion ?? null;
  const [picked, setPicked] = useState<number | null>(initialVersion ?? null);
  const source = picked ?? previous;
  const exists = source !== null && source >= 1 && source <= guard.seen.latestVersion;
  const diff = useQuery({ ...namespaceQueries.diff(ns, from, source ?? from), enabled: exists });
  const sentence = exists && diff.data ? restoreSentence(ns, from, source, flagsChanging(diff.data)) : null;

  return (
    <NamespaceGuard
      guard={guard}
      title={`Restore a version of ${ns}`}
      sentence={sentence}
      confirmLabel={`Restore v${source ?? '…'} to ${ns}`}
      tone="primary"
      suggestions={RESTORE_REASONS}
      ready={exists && diff.data !== undefined}
      onConfirm={(reason) => source !== null && guard.confirm({ version: source, reason })}
      onClose={onClose}
    >
      <VersionPicker versions={versions.data?.items ?? []} active={from} latest={guard.seen.latestVersion} value={source} onChange={setPicked} />
      {exists && source !== null && <PreviewDiff diff={diff} from={from} to={source} afterLabel="after the restore" />}
      {exists && <p className="guard-note">A restore writes a new version (v{guard.seen.latestVersion + 1}) with the content of v{source}; nothing is deleted.</p>}
    </NamespaceGuard>
  );
}
