import { EmbeddedTimeline } from '../../../components/timeline/embedded-timeline';
import { rolloutTimelineQuery } from '../api/rollout-timeline-query';

/**
 * The rollout's story on one axis (I3): stage changes, pauses and rollbacks, guard breaches and
 * parity spikes, and its namespace's config changes (the same kinds as the chart markers). Its
 * range and kinds live in the URL as `tl` and `tlKinds`, apart from the charts' `range`.
 */
export function RolloutTimeline({ rolloutId, namespace }: { rolloutId: string; namespace: string }) {
  return (
    <EmbeddedTimeline
      query={(range) => rolloutTimelineQuery(rolloutId, range)}
      titleId="rollout-timeline-title"
      subject={rolloutId}
      moreHref={`/timeline?namespace=${encodeURIComponent(namespace)}`}
    />
  );
}
