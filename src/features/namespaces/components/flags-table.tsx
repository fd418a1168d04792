import { useCallback, useMemo } from 'react';
import { useSearchParams } from 'react-router';
import type { NamespaceDetail } from '@contract/schemas';
import { Badge } from '../../../components/ui/badge';
import { filterFlagRows, flagRows, parseFlagFilter, typesOf, type FlagFilter } from '../lib/flag-rows';
import { FlagFilters } from './flag-filters';

function ActiveState({ active, killed }: { active: boolean; killed: boolean }) {
  if (killed) {
    return (
      <Badge tone="danger" title="The kill switch is on: apps get this flag's declared default, whatever the snapshot says">
        Killed
      </Badge>
    );
  }
  return active ? <Badge tone="success">Active</Badge> : <Badge tone="neutral">Inactive</Badge>;
}

/** Filters live in the URL (?q=&type=&active=) so a filtered table can be shared. */
function useFlagFilter() {
  const [search, setSearch] = useSearchParams();
  const filter = useMemo(() => parseFlagFilter(search), [search]);
  const update = useCallback(
    (patch: Partial<FlagFilter>) =>
      setSearch(
        (prev) => {
          const next = new URLSearchParams(prev);
          for (const [key, value] of Object.entries(patch)) {
            if (value === '' || value === 'all') next.delete(key);
            else next.set(key, value);
          }
          return next;
        },
        { replace: true },
      ),
    [setSearch],
  );
  return { filter, update };
}

export function FlagsTable({ detail }: { detail: NamespaceDetail }) {
  const all = useMemo(() => flagRows(detail), [detail]);
  const { filter, update } = useFlagFilter();
  const rows = filterFlagRows(all, filter);
  const killed = detail.killSwitch.enabled;
  if (all.length === 0) return <p className="muted panel-empty">This snapshot has no flags.</p>;
  return (
    <>
      <FlagFilters filter={filter} types={typesOf(all)} onChange={update} shown={rows.length} total={all.length} />
      {rows.length === 0 ? (
        <p className="muted panel-empty">No flag matches these filters.</p>
      ) : (
        <div className="table-wrap">
          <table className="data-table flags-table" aria-label={`Flags in v${detail.activeVersion}`}>
            <thead>
              <tr>
                <th scope="col">Flag</th>
                <th scope="col">Type</th>
                <th scope="col">Default</th>
                <th scope="col">Active</th>
                <th scope="col" className="align-end">
                  Rules
                </th>
                <th scope="col" className="align-end">
                  Ramp-up
                </th>
              </tr>
            </thead>
            <tbody>
              {rows.map((f) => (
                <tr key={f.key}>
                  <th scope="row" className="cell-name">
                    <span className="mono" title={f.key}>
                      {f.name}
                    </span>
                  </th>
                  <td>
                    <span className="type-tag">{f.type}</span>
                  </td>
                  <td className="mono cell-value" title={f.defaultValue}>
                    {f.defaultValue}
                  </td>
                  <td>
                    <ActiveState active={f.active} killed={killed} />
                  </td>
                  <td className="num">{f.rules}</td>
                  <td className="num">{f.partialRamp !== null ? `${f.partialRamp}%` : <span className="muted">{f.rules > 0 ? '100%' : '—'}</span>}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}
