import type { ParityPattern } from '@contract/rollouts';
import { Badge } from '../../../components/ui/badge';
import { RelativeTime } from '../../../components/ui/relative-time';
import { TriageBadge } from './triage-badge';

export function PatternRow({ pattern: p, selected, onSelect }: { pattern: ParityPattern; selected: boolean; onSelect: (pattern: string | undefined) => void }) {
  const t = p.triage;
  return (
    <tr className={selected ? 'is-selected' : undefined} aria-selected={selected}>
      <th scope="row" className="pattern-cell">
        {p.status === 'legacy_unavailable' && <Badge tone="neutral">V1 unavailable</Badge>} <code className="pattern-text">{p.pattern}</code>
      </th>
      <td className="num">
        <strong>{p.count}</strong>
      </td>
      <td>
        <RelativeTime iso={p.firstSeen} />
      </td>
      <td>
        <RelativeTime iso={p.lastSeen} />
      </td>
      <td>
        <span className="triage-summary">
          {p.patternTriage ? <TriageBadge triage={p.patternTriage} /> : null}
          {t.untriaged > 0 && <Badge tone="warning">{t.untriaged} untriaged</Badge>}
          {t.bug > 0 && <Badge tone="danger">{t.bug} bug</Badge>}
          {t.expected > 0 && <Badge tone="success">{t.expected} expected</Badge>}
          {t.ignored > 0 && <Badge tone="neutral">{t.ignored} ignored</Badge>}
        </span>
      </td>
      <td className="align-end">
        <button type="button" className="btn btn-secondary btn-sm" aria-pressed={selected} onClick={() => onSelect(selected ? undefined : p.pattern)}>
          {selected ? 'Showing' : 'Show reports'}
        </button>
      </td>
    </tr>
  );
}
