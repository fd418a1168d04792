import { EmbeddedTimeline } from '../../../components/timeline/embedded-timeline';
import { namespaceTimelineQuery } from '../api/namespace-timeline-query';

/** What happened to this namespace and its rollouts, on one axis (I3); range and kinds in the URL (`tl`, `tlKinds`). */
export function NamespaceTimeline({ ns }: { ns: string }) {
  return (
    <EmbeddedTimeline
      query={(range) => namespaceTimelineQuery(ns, range)}
      titleId="ns-timeline-title"
      subject={ns}
      moreHref={`/timeline?namespace=${encodeURIComponent(ns)}`}
    />
  );
}
