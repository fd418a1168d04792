import { useEffect, useState } from 'react';
import { useMutation } from '@tanstack/react-query';
import type { NamespaceDetail, ValidateResponse } from '@contract/schemas';
import * as registryApi from '@contract/routes-registry';
import { apiRequest } from '../../../lib/api-client';
import { flagsChanging } from '../lib/guard-sentences';
import { useGuardedAction } from '../lib/use-guarded-action';
import { NamespaceGuard } from './namespace-guard';
import { LoadConfirmPreview } from './load-confirm-preview';
import { LoadEditorDialog } from './load-editor-dialog';
import { MODES, type LoadMode } from './load-modes';

interface Vars {
  text: string;
  reason: string;
}

/** Load a snapshot or apply a patch: edit -> validate (diff + shadow check) -> guarded confirm. */
export function LoadFlow({ detail, mode, onClose }: { detail: NamespaceDetail; mode: LoadMode; onClose: () => void }) {
  const m = MODES[mode];
  const ns = detail.name;
  const [text, setText] = useState(() => m.initial(detail));
  const [step, setStep] = useState<'edit' | 'confirm'>('edit');
  const [validated, setValidated] = useState<{ text: string; result: ValidateResponse } | null>(null);
  const validate = useMutation({
    // The raw text goes to the server, so syntax errors come back with their line and column.
    mutationFn: (t: string) => apiRequest(registryApi.validate, { params: { ns }, body: mode === 'load' ? { snapshot: t } : { patch: t } }),
    onSuccess: (result, t) => setValidated({ text: t, result }),
  });
  const guard = useGuardedAction<Vars>({
    detail,
    send: ({ text: t, reason }, g) => {
      const common = { params: { ns }, ifMatch: g.ifMatch, idempotencyKey: g.idempotencyKey };
      return mode === 'load' ? apiRequest(registryApi.load, { ...common, body: { snapshot: t, reason } }) : apiRequest(registryApi.patch, { ...common, body: { patch: t, reason } });
    },
    success: (r) => ({ title: m.successTitle(ns, r.namespace.activeVersion), description: `Reason: ${r.event.reason}` }),
    onDone: onClose,
  });
  const current = validated && validated.text === text ? validated.result : null;
  const seenVersion = guard.seen.activeVersion;

  // After a Re-check the preview must be recomputed against what is live now.
  const { mutate } = validate;
  useEffect(() => {
    if (step === 'confirm' && current && current.activeVersion !== seenVersion) mutate(text);
  }, [step, current, seenVersion, text, mutate]);

  if (step === 'edit' || !current) {
    return (
      <LoadEditorDialog
        ns={ns}
        mode={m}
        seenVersion={seenVersion}
        text={text}
        onText={setText}
        result={current}
        validating={validate.isPending}
        requestError={validate.error}
        onValidate={() => validate.mutate(text)}
        onContinue={() => setStep('confirm')}
        onClose={onClose}
      />
    );
  }
  const upToDate = current.activeVersion === seenVersion && !validate.isPending;
  return (
    <NamespaceGuard
      guard={guard}
      title={m.title(ns)}
      sentence={current.valid && upToDate ? m.sentence(ns, seenVersion, flagsChanging(current.diff)) : null}
      confirmLabel={m.title(ns)}
      tone="primary"
      suggestions={mode === 'load' ? ['Scheduled configuration release', 'Hotfix for a bad value', 'Restore values from the source of truth'] : ['Hotfix for a bad value', 'Ramp a flag', 'Remove a retired flag']}
      ready={current.valid && upToDate}
      onConfirm={(reason) => guard.confirm({ text, reason })}
      onClose={onClose}
    >
      <LoadConfirmPreview result={current} what={m.what} onEdit={() => setStep('edit')} />
    </NamespaceGuard>
  );
}
