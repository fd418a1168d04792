import { useMemo } from 'react';
import { useSearchParams } from 'react-router';
import type { TimelineKind } from '@contract/insights';
import { parseRangeParam, writeRangeParam, type RangeSpec, type RangeValue } from '../../lib/range-params';
import { kindsParam, parseKinds } from './timeline-model';

export const TIMELINE_PRESETS = ['24h', '7d', '30d'] as const;
export type TimelinePreset = (typeof TIMELINE_PRESETS)[number];

/**
 * A timeline's range and kinds in the URL: `range`/`from`/`to`/`kinds` on the timeline page,
 * `tl`/`tlFrom`/`tlTo`/`tlKinds` where it is embedded beside other state.
 */
export function useTimelineParams(param: 'range' | 'tl' = 'range') {
  const [search, setSearch] = useSearchParams();
  const spec: RangeSpec<TimelinePreset> = { presets: TIMELINE_PRESETS, fallback: '7d', param };
  const kindsKey = param === 'range' ? 'kinds' : 'tlKinds';
  const range = parseRangeParam(search, spec);
  const kinds = useMemo(() => parseKinds(search.get(kindsKey)), [search, kindsKey]);
  return {
    range,
    kinds,
    search,
    setSearch,
    setRange: (next: RangeValue<TimelinePreset>) => setSearch(writeRangeParam(search, next, spec), { preventScrollReset: true }),
    setKinds: (next: TimelineKind[]) => {
      const s = new URLSearchParams(search);
      const value = kindsParam(next);
      if (value === null) s.delete(kindsKey);
      else s.set(kindsKey, value);
      setSearch(s, { preventScrollReset: true });
    },
  };
}
