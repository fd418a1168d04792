import { useId, useState } from 'react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { ParityReportDto, TriageStatus } from '@contract/rollouts';
import * as rolloutApi from '@contract/routes-rollouts';
import { RelativeTime } from '../../../components/ui/relative-time';
import { apiRequest } from '../../../lib/api-client';
import { describeError } from '../../../lib/api-error';
import { showToast } from '../../../lib/toast-store';
import { rolloutQueries } from '../api/rollout-queries';
import { useRolloutGate } from '../lib/action-gate';

const CHOICES: { value: TriageStatus; label: string; hint: string }[] = [
  { value: 'expected', label: 'Expected', hint: 'V2 is meant to differ here' },
  { value: 'bug', label: 'Bug', hint: 'V2 is wrong: fix before promoting' },
  { value: 'ignored', label: 'Ignored', hint: 'Noise, not worth a decision' },
];

/** Triage one report, or its whole pattern (O8), with a note; who triaged is recorded and shown. */
export function TriageForm({ report }: { report: ParityReportDto }) {
  const queryClient = useQueryClient();
  const { blocked } = useRolloutGate();
  const why = blocked('triage');
  const noteId = useId();
  const [status, setStatus] = useState<TriageStatus | null>(report.triage?.status ?? null);
  const [note, setNote] = useState(report.triage?.note ?? '');
  const [wholePattern, setWholePattern] = useState(false);
  const [key] = useState(() => crypto.randomUUID());
  const save = useMutation({
    mutationFn: async () => {
      const body = { triage: status, ...(note.trim() ? { note: note.trim() } : {}) };
      const params = { id: report.rolloutId };
      if (wholePattern) await apiRequest(rolloutApi.triageParityPattern, { params, body: { ...body, pattern: report.pattern }, idempotencyKey: `${key}-p` });
      else await apiRequest(rolloutApi.triageParityReport, { params: { ...params, reportId: report.id }, body, idempotencyKey: `${key}-${status ?? 'clear'}-${note.length}` });
      await queryClient.invalidateQueries({ queryKey: [...rolloutQueries.one(report.rolloutId), 'parity'] });
    },
    onSuccess: () => showToast({ id: `triage:${report.id}`, tone: 'success', title: wholePattern ? 'Pattern triaged' : `Report ${report.subject} triaged`, description: status ? `Marked ${status}.` : 'Triage cleared.' }),
  });
  const t = report.triage;
  return (
    <form className="triage-form" onSubmit={(e) => { e.preventDefault(); if (!why) save.mutate(); }} aria-label={`Triage ${report.subject}`}>
      {t && (
        <p className="triage-current">
          Triaged <strong>{t.status}</strong> by {t.by} <RelativeTime iso={t.at} />
          {t.viaPattern && ' (whole pattern)'}
          {t.note && <>: “{t.note}”</>}
        </p>
      )}
      <fieldset className="triage-choices" disabled={why !== null}>
        <legend className="field-label">Triage</legend>
        {CHOICES.map((c) => (
          <label key={c.value} className={`triage-choice${status === c.value ? ' is-checked' : ''}`}>
            <input type="radio" name={`triage-${report.id}`} value={c.value} checked={status === c.value} onChange={() => setStatus(c.value)} />
            <span>
              <strong>{c.label}</strong> <span className="muted">{c.hint}</span>
            </span>
          </label>
        ))}
      </fieldset>
      <label htmlFor={noteId} className="field-label">
        Note <span className="muted">(optional)</span>
      </label>
      <textarea id={noteId} className="input textarea" rows={2} value={note} onChange={(e) => setNote(e.target.value)} maxLength={2000} disabled={why !== null} placeholder="e.g. Banker’s rounding is the new rule (CHG-1502)" />
      <label className="check">
        <input type="checkbox" checked={wholePattern} onChange={(e) => setWholePattern(e.target.checked)} disabled={why !== null} /> Apply to every report of this pattern (and new ones as they arrive)
      </label>
      <div className="triage-actions">
        <button type="submit" className="btn btn-primary btn-sm" disabled={why !== null || status === null || save.isPending} aria-describedby={why ? `${noteId}-why` : undefined}>
          {save.isPending ? 'Saving…' : 'Save triage'}
        </button>
        {why && (
          <span id={`${noteId}-why`} className="field-hint">
            {why}
          </span>
        )}
        {save.isError && (
          <span className="field-error" role="alert">
            {describeError(save.error)}
          </span>
        )}
      </div>
    </form>
  );
}
