import { useId } from 'react';
import type { SettingsForm } from '../lib/settings-form';

interface Props {
  form: SettingsForm;
  onChange: (form: SettingsForm) => void;
  rateProblem: string | null;
}

function ListField({ label, value, onChange, disabled }: { label: string; value: string; onChange: (v: string) => void; disabled: boolean }) {
  const id = useId();
  return (
    <div className="settings-field">
      <label htmlFor={id} className="field-label">
        {label}
      </label>
      <textarea id={id} className="input textarea mono" rows={3} value={value} onChange={(e) => onChange(e.target.value)} disabled={disabled} placeholder="one per line" />
    </div>
  );
}

export function SettingsFields({ form, onChange, rateProblem }: Props) {
  const rateId = useId();
  const errorId = `${rateId}-error`;
  const set = (patch: Partial<SettingsForm>) => onChange({ ...form, ...patch });
  return (
    <div className="settings-form">
      <fieldset>
        <legend className="field-label">Canary allowlists</legend>
        <label className="check">
          <input type="checkbox" checked={form.canaryEnabled} onChange={(e) => set({ canaryEnabled: e.target.checked })} /> Only allowlisted signals reach V2 (a subject, tenant or channel in a list matches)
        </label>
        <div className="settings-grid">
          <ListField label="Subjects" value={form.subjects} onChange={(subjects) => set({ subjects })} disabled={!form.canaryEnabled} />
          <ListField label="Tenant ids" value={form.tenantIds} onChange={(tenantIds) => set({ tenantIds })} disabled={!form.canaryEnabled} />
          <ListField label="Channels" value={form.channels} onChange={(channels) => set({ channels })} disabled={!form.canaryEnabled} />
        </div>
      </fieldset>
      <fieldset>
        <legend className="field-label">Parity sampling</legend>
        <label className="check">
          <input type="checkbox" checked={form.samplingEnabled} onChange={(e) => set({ samplingEnabled: e.target.checked })} /> Compare V1 and V2 outputs for a sample of signals
        </label>
        <label htmlFor={rateId} className="field-label settings-rate-label">
          Sample rate (%)
        </label>
        <input id={rateId} className="input settings-rate" inputMode="decimal" value={form.ratePct} onChange={(e) => set({ ratePct: e.target.value })} aria-invalid={rateProblem !== null || undefined} aria-describedby={rateProblem ? errorId : undefined} />
        {rateProblem && (
          <p id={errorId} className="field-error">
            {rateProblem}
          </p>
        )}
      </fieldset>
    </div>
  );
}
