import type { Trigger } from '@contract/insights';

/** All rollbacks, manual ones, automatic ones, or one guard rule's. */
export function TriggerSelect({ value, triggers, onChange }: { value: string | null; triggers: readonly Trigger[]; onChange: (trigger: string | null) => void }) {
  const rules = triggers.filter((t) => t.automatic);
  const known = value === null || value === 'manual' || value === 'automatic' || rules.some((t) => t.id === value);
  return (
    <label className="ins-trigger">
      <span className="filter-label">Trigger</span>
      <select className="input input-sm" value={value ?? ''} onChange={(e) => onChange(e.target.value || null)}>
        <option value="">All rollbacks</option>
        <option value="manual">Manual</option>
        <option value="automatic">Automatic (any guard)</option>
        {rules.map((t) => (
          <option key={t.id} value={t.id}>
            {t.label} ({t.count})
          </option>
        ))}
        {!known && value !== null && <option value={value}>{value}</option>}
      </select>
    </label>
  );
}
