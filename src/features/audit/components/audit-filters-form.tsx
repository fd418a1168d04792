import { useState, type FormEvent, type Ref } from 'react';
import { AuditAction } from '@contract/schemas';
import { Button } from '../../../components/ui/button';
import { AUDIT_ACTION_LABELS } from '../../../lib/audit-actions';
import { fromLocalInput, hasFilters, NO_FILTERS, PRESETS, presetRange, toLocalInput, type AuditFilters } from '../lib/audit-filters';

export interface AuditFiltersFormProps {
  filters: AuditFilters;
  onApply: (filters: AuditFilters) => void;
  namespaceRef: Ref<HTMLInputElement>;
}

/** Text and time fields apply on Enter or "Apply"; the action and time presets apply at once. */
export function AuditFiltersForm({ filters, onApply, namespaceRef }: AuditFiltersFormProps) {
  const [draft, setDraft] = useState(filters);
  const set = (patch: Partial<AuditFilters>) => setDraft((d) => ({ ...d, ...patch }));
  const applyNow = (patch: Partial<AuditFilters>) => onApply({ ...draft, ...patch });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    onApply(draft);
  };

  return (
    <form className="audit-filters" onSubmit={submit} aria-label="Filter the audit log">
      <label className="filter-field">
        <span>Namespace</span>
        <input ref={namespaceRef} className="input" value={draft.namespace} onChange={(e) => set({ namespace: e.target.value })} placeholder="any" spellCheck={false} />
      </label>
      <label className="filter-field">
        <span>Actor</span>
        <input className="input" value={draft.actor} onChange={(e) => set({ actor: e.target.value })} placeholder="anyone" spellCheck={false} />
      </label>
      <label className="filter-field">
        <span>Action</span>
        <select className="select" value={draft.action ?? ''} onChange={(e) => applyNow({ action: AuditAction.safeParse(e.target.value).data ?? null })}>
          <option value="">Any action</option>
          {AuditAction.options.map((a) => (
            <option key={a} value={a}>{AUDIT_ACTION_LABELS[a]}</option>
          ))}
        </select>
      </label>
      <label className="filter-field">
        <span>Time</span>
        <select className="select" value="" onChange={(e) => applyNow(presetRange(e.target.value, Date.now()))}>
          <option value="" disabled>Quick range…</option>
          {PRESETS.map((p) => (
            <option key={p.id} value={p.id}>{p.label}</option>
          ))}
          <option value="any">Any time</option>
        </select>
      </label>
      <label className="filter-field">
        <span>From</span>
        <input className="input" type="datetime-local" value={toLocalInput(draft.from)} onChange={(e) => set({ from: fromLocalInput(e.target.value) })} />
      </label>
      <label className="filter-field">
        <span>To</span>
        <input className="input" type="datetime-local" value={toLocalInput(draft.to)} onChange={(e) => set({ to: fromLocalInput(e.target.value) })} />
      </label>
      <div className="audit-filter-buttons">
        <Button type="submit" variant="primary">Apply</Button>
        {hasFilters(filters) && (
          <Button variant="ghost" onClick={() => onApply(NO_FILTERS)}>
            Clear filters
          </Button>
        )}
      </div>
    </form>
  );
}
