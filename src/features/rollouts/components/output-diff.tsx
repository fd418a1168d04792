import type { ParityOutput } from '@core/rollout/model';
import { diffValueText, fieldPath, pairOutputs } from '../lib/output-diff';

/** The differing outputs, paired by type, with a field-by-field diff (core structural diff). */
export function OutputDiff({ onlyInV1, onlyInV2 }: { onlyInV1: readonly ParityOutput[]; onlyInV2: readonly ParityOutput[] }) {
  const pairs = pairOutputs(onlyInV1, onlyInV2);
  return (
    <div className="output-diff" role="group" aria-label="What differs">
      {pairs.map((p, i) => (
        <div key={`${p.type}-${i}`} className={`output-diff-item is-${p.kind}`}>
          <p className="output-diff-head">
            <code>{p.type}</code>{' '}
            {p.kind === 'changed' ? (p.subjectDiffers ? 'data and subject differ' : 'data differs') : p.kind === 'only_v1' ? 'only V1 produced it' : 'only V2 produced it'}
          </p>
          {p.kind === 'changed' && p.diff.length > 0 && (
            <table className="data-table diff-table">
              <thead>
                <tr>
                  <th scope="col">Field</th>
                  <th scope="col">V1</th>
                  <th scope="col">V2</th>
                </tr>
              </thead>
              <tbody>
                {p.diff.map((d) => (
                  <tr key={d.path} className={`diff-${d.op}`}>
                    <th scope="row" className="mono">
                      {fieldPath(d.segments)}
                    </th>
                    <td className="mono diff-before">{diffValueText(d.before)}</td>
                    <td className="mono diff-after">{diffValueText(d.after)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
          {p.kind === 'changed' && p.subjectDiffers && (
            <p className="mono small">
              subject: {String(p.v1.subject)} → {String(p.v2.subject)}
            </p>
          )}
          {p.kind !== 'changed' && <pre className="outputs-json">{JSON.stringify(p.kind === 'only_v1' ? p.v1 : p.v2, null, 2)}</pre>}
        </div>
      ))}
    </div>
  );
}
