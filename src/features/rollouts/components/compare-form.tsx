import { useId, useState } from 'react';
import { useMutation } from '@tanstack/react-query';
import * as rolloutApi from '@contract/routes-rollouts';
import { apiRequest } from '../../../lib/api-client';
import { ErrorPanel } from '../../../components/ui/error-panel';
import { CompareResult } from './compare-result';

/** On-demand compare of one subject (O7): re-runs the comparison over the latest stored outputs. */
export function CompareForm({ rolloutId }: { rolloutId: string }) {
  const id = useId();
  const [subject, setSubject] = useState('');
  const compare = useMutation({ mutationFn: (s: string) => apiRequest(rolloutApi.parityCompare, { params: { id: rolloutId }, body: { subject: s } }) });
  return (
    <section className="card compare-card" aria-labelledby={`${id}-title`}>
      <header className="card-head">
        <h2 id={`${id}-title`} className="card-title">
          Compare one subject
        </h2>
        <span className="card-head-note">re-runs V1 vs V2 on the latest outputs stored for it; stores nothing</span>
      </header>
      <form
        className="compare-form"
        onSubmit={(e) => {
          e.preventDefault();
          if (subject.trim()) compare.mutate(subject.trim());
        }}
      >
        <label htmlFor={id} className="sr-only">
          Subject or conversation id
        </label>
        <input id={id} className="input mono" value={subject} onChange={(e) => setSubject(e.target.value)} placeholder="Subject or conversation id, e.g. conv-42" maxLength={512} />
        <button type="submit" className="btn btn-primary" disabled={!subject.trim() || compare.isPending}>
          {compare.isPending ? 'Comparing…' : 'Compare'}
        </button>
      </form>
      {compare.isError && <ErrorPanel title={`Could not compare ${compare.variables ?? ''}`} error={compare.error} />}
      {compare.data && <CompareResult result={compare.data} />}
    </section>
  );
}
