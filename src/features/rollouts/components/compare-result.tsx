import type { CompareResponse } from '@contract/rollouts';
import { Badge } from '../../../components/ui/badge';
import { RelativeTime } from '../../../components/ui/relative-time';
import { OutputDiff } from './output-diff';
import { OutputsSideBySide } from './outputs-side-by-side';

const STATUS = { match: { tone: 'success', word: 'Match' }, mismatch: { tone: 'danger', word: 'Mismatch' }, legacy_unavailable: { tone: 'neutral', word: 'V1 unavailable' } } as const;

export function CompareResult({ result: r }: { result: CompareResponse }) {
  const s = STATUS[r.status];
  return (
    <div className="compare-result" role="status" aria-live="polite">
      <p className="compare-result-head">
        <Badge tone={s.tone}>{s.word}</Badge> <span className="mono">{r.subject}</span>: V1 {r.legacyOutputCount} outputs, V2 {r.eventOutputCount}
        {r.status === 'mismatch' && ` (${r.missingInEvent} only in V1, ${r.missingInLegacy} only in V2)`}.{' '}
        <span className="muted">
          From the report of <RelativeTime iso={r.source.comparedAt} />; {r.sameAsStored ? 'same result as stored.' : `the stored report said ${r.source.status}: the comparison changed.`}
        </span>
      </p>
      {r.status === 'mismatch' && (
        <>
          <p className="mono small">{r.pattern}</p>
          <OutputDiff onlyInV1={r.onlyInV1} onlyInV2={r.onlyInV2} />
        </>
      )}
      <OutputsSideBySide v1={r.v1Outputs} v2={r.v2Outputs} />
    </div>
  );
}
