import type { BlastRadius } from '../lib/blast-radius';

export function BlastRadiusTable({ radius, enable, version }: { radius: BlastRadius; enable: boolean; version: number }) {
  const { affected, alreadyInactive } = radius;
  const caption = enable ? 'Flags that fall back to their declared default' : `Flags that serve v${version} again`;
  if (affected.length === 0) {
    return <p className="muted">No flag of v{version} is active, so every flag already serves its declared default: nothing changes for apps.</p>;
  }
  const [now, after] = enable ? ['Serves now', 'With the kill switch on'] : ['Serves now (kill switch on)', `After (v${version})`];
  return (
    <div className="blast">
      <div className="table-wrap blast-table-wrap">
        <table className="data-table blast-table" aria-label={caption}>
          <thead>
            <tr>
              <th scope="col">Flag</th>
              <th scope="col">{now}</th>
              <th scope="col">{after}</th>
            </tr>
          </thead>
          <tbody>
            {affected.map((row) => (
              <tr key={row.key}>
                <th scope="row" className="mono" title={row.key}>
                  {row.name}
                </th>
                <td className="mono">{enable ? row.live : row.fallback}</td>
                <td className="mono">
                  <strong>{enable ? row.fallback : row.live}</strong>
                  {!row.valueChanges && <span className="muted"> (same value)</span>}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {alreadyInactive > 0 && (
        <p className="muted">
          {alreadyInactive} inactive flag{alreadyInactive === 1 ? '' : 's'} already serve{alreadyInactive === 1 ? 's' : ''} the declared default and {alreadyInactive === 1 ? 'is' : 'are'} not affected.
        </p>
      )}
    </div>
  );
}
