import type { ParityOutput } from '@core/rollout/model';

function Side({ title, outputs }: { title: string; outputs: readonly ParityOutput[] | null }) {
  return (
    <div className="outputs-side">
      <h4 className="outputs-title">{title}</h4>
      {outputs === null ? (
        <p className="muted">Not available</p>
      ) : (
        <pre className="outputs-json" tabIndex={0}>
          {JSON.stringify(outputs, null, 2)}
        </pre>
      )}
    </div>
  );
}

/** V1 and V2 outputs for the same input, next to each other. */
export function OutputsSideBySide({ v1, v2 }: { v1: readonly ParityOutput[] | null; v2: readonly ParityOutput[] }) {
  return (
    <div className="outputs-grid" role="group" aria-label="All outputs">
      <Side title={`V1 (legacy) · ${v1?.length ?? 0} outputs`} outputs={v1} />
      <Side title={`V2 (event runtime) · ${v2.length} outputs`} outputs={v2} />
    </div>
  );
}
