import { useState } from 'react';
import type { ShadowCheck } from '@contract/schemas';
import { formatShare, shadowHeadline } from '../lib/shadow-view';
import { shortFlagName } from '../lib/flag-rows';

const SHOWN = 15;

/** R13: per flag, the share of a population of contexts whose value would change. */
export function ShadowCheckTable({ shadow }: { shadow: ShadowCheck }) {
  const [all, setAll] = useState(false);
  const changed = shadow.flags.filter((f) => f.changedCount > 0);
  const equivalent = shadow.anyChangedShare === 0;
  const rows = equivalent ? shadow.flags : changed;
  const visible = all ? rows : rows.slice(0, SHOWN);
  return (
    <section className="shadow" aria-label="Shadow check">
      <h3 className="panel-title">Shadow check</h3>
      <p className={equivalent ? 'shadow-headline shadow-equivalent' : 'shadow-headline'}>{shadowHeadline(shadow)}</p>
      {visible.length > 0 && (
        <div className="table-wrap">
          <table className="data-table shadow-table" aria-label="Shadow check per flag">
            <thead>
              <tr>
                <th scope="col">Flag</th>
                <th scope="col" className="align-end">
                  Contexts whose value changes
                </th>
              </tr>
            </thead>
            <tbody>
              {visible.map((f) => (
                <tr key={f.key}>
                  <th scope="row" className="mono" title={f.key}>
                    {shortFlagName(f.key)}
                  </th>
                  <td className="num">
                    <span className="shadow-bar" aria-hidden="true">
                      <span style={{ width: `${Math.max(f.changedShare * 100, f.changedCount > 0 ? 2 : 0)}%` }} />
                    </span>
                    {f.changedCount === 0 ? '0% — equivalent' : `${formatShare(f.changedShare)} (${f.changedCount.toLocaleString('en')} of ${shadow.populationSize.toLocaleString('en')})`}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {rows.length > visible.length && (
        <button type="button" className="btn btn-ghost btn-sm" onClick={() => setAll(true)}>
          Show all {rows.length.toLocaleString('en')} flags
        </button>
      )}
      {!equivalent && shadow.flags.length > changed.length && (
        <p className="muted">
          {(shadow.flags.length - changed.length).toLocaleString('en')} other flags: 0% — every context keeps its value.
        </p>
      )}
    </section>
  );
}
