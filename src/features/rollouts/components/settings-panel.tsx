import { useState } from 'react';
import { Link } from 'react-router';
import type { RolloutDetail } from '@contract/rollouts';
import { formatPct } from '@core/rollout/format';
import { GatedButton } from '../../../components/ui/gated-button';
import { useRolloutGate } from '../lib/action-gate';
import { SettingsDialog } from './settings-dialog';

function List({ items, empty }: { items: readonly string[]; empty: string }) {
  if (items.length === 0) return <span className="muted">{empty}</span>;
  return (
    <span className="chip-list">
      {items.map((x) => (
        <code key={x} className="chip-static">
          {x}
        </code>
      ))}
    </span>
  );
}

/** Canary allowlists and parity sampling (O3, O4) as they are, with the guarded editor. */
export function SettingsPanel({ rollout }: { rollout: RolloutDetail }) {
  const [editing, setEditing] = useState(false);
  const { blocked } = useRolloutGate();
  const { canary, parity } = rollout;
  return (
    <section className="card settings-card" aria-labelledby="settings-title">
      <header className="card-head">
        <h2 id="settings-title" className="card-title">
          Routing and sampling
        </h2>
        <GatedButton blockedReason={blocked('settings')} onClick={() => setEditing(true)}>
          Edit
        </GatedButton>
      </header>
      <dl className="settings-list">
        <dt>Canary</dt>
        <dd>{canary.enabled ? 'On: only allowlisted subjects, tenants or channels reach V2' : 'Off: every signal may reach V2'}</dd>
        <dt>Subjects</dt>
        <dd>
          <List items={canary.subjects} empty="none" />
        </dd>
        <dt>Tenants</dt>
        <dd>
          <List items={canary.tenantIds} empty="none" />
        </dd>
        <dt>Channels</dt>
        <dd>
          <List items={canary.channels} empty="none" />
        </dd>
        <dt>Parity sampling</dt>
        <dd>
          {parity.enabled ? `${formatPct(parity.sampleRate * 100)} of routed signals compared V1 vs V2` : 'Off'} ·{' '}
          <Link to={`/rollouts/${encodeURIComponent(rollout.id)}/parity`}>Review mismatches</Link>
        </dd>
      </dl>
      {editing && <SettingsDialog rollout={rollout} onClose={() => setEditing(false)} />}
    </section>
  );
}
