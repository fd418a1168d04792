import { useCallback, useMemo } from 'react';
import { useSearchParams } from 'react-router';
import { useWindowVirtualizer } from '@tanstack/react-virtual';
import type { NamespaceDetail } from '@contract/schemas';
import { Badge } from '../../../components/ui/badge';
import { useScrollMargin } from '../../../lib/use-scroll-margin';
import { filterFlagRows, flagRows, parseFlagFilter, typesOf, type FlagFilter, type FlagRow } from '../lib/flag-rows';
import { FlagFilters } from './flag-filters';

/** Up to this many rows the table is rendered whole; above it, only the rows in view (plus a few). */
export const VIRTUAL_FROM_ROWS = 200;
/** A row's height (one line: every cell is nowrap). */
const ROW = 39;

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

function FlagTableRow({ flag: f, killed, rowIndex }: { flag: FlagRow; killed: boolean; rowIndex: number }) {
  return (
    <tr aria-rowindex={rowIndex}>
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
  );
}

/** Keeps the table's height: stands for the rows above or below the ones rendered. */
function Spacer({ height }: { height: number }) {
  if (height <= 0) return null;
  return (
    <tr aria-hidden="true" className="flags-spacer">
      <td colSpan={6} style={{ height, padding: 0, border: 0, background: 'none' }} />
    </tr>
  );
}

/**
 * A namespace of thousands of flags: the rows in view (plus a few) are in the DOM, between two
 * spacer rows, in a real table; aria-rowcount and aria-rowindex tell assistive tech where they are.
 */
function VirtualRows({ rows, killed }: { rows: FlagRow[]; killed: boolean }) {
  const { ref: bodyRef, offset } = useScrollMargin<HTMLTableSectionElement>();
  // oxlint-disable-next-line react/incompatible-library -- this build has no React Compiler; the virtualizer re-renders on scroll itself
  const virtualizer = useWindowVirtualizer({ count: rows.length, estimateSize: () => ROW, overscan: 10, scrollMargin: offset });
  const items = virtualizer.getVirtualItems();
  const first = items[0];
  const last = items.at(-1);
  return (
    <tbody ref={bodyRef}>
      <Spacer height={first ? first.start - offset : 0} />
      {items.map((item) => {
        const flag = rows[item.index];
        return flag ? <FlagTableRow key={flag.key} flag={flag} killed={killed} rowIndex={item.index + 2} /> : null;
      })}
      <Spacer height={last ? virtualizer.getTotalSize() - (last.end - offset) : 0} />
    </tbody>
  );
}

export function FlagsTable({ detail }: { detail: NamespaceDetail }) {
  const all = useMemo(() => flagRows(detail), [detail]);
  const { filter, update } = useFlagFilter();
  const rows = useMemo(() => filterFlagRows(all, filter), [all, filter]);
  const types = useMemo(() => typesOf(all), [all]);
  const killed = detail.killSwitch.enabled;
  if (all.length === 0) return <p className="muted panel-empty">This snapshot has no flags.</p>;
  return (
    <>
      <FlagFilters filter={filter} types={types} onChange={update} shown={rows.length} total={all.length} />
      {rows.length === 0 ? (
        <p className="muted panel-empty">No flag matches these filters.</p>
      ) : (
        <div className="table-wrap">
          <table className="data-table flags-table" aria-label={`Flags in v${detail.activeVersion}`} aria-rowcount={rows.length + 1}>
            <thead>
              <tr aria-rowindex={1}>
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
            {rows.length > VIRTUAL_FROM_ROWS ? (
              <VirtualRows rows={rows} killed={killed} />
            ) : (
              <tbody>
                {rows.map((f, i) => (
                  <FlagTableRow key={f.key} flag={f} killed={killed} rowIndex={i + 2} />
                ))}
              </tbody>
            )}
          </table>
        </div>
      )}
    </>
  );
}
