/**
 * The rollouts list (O1): one verdict per rollout that a release manager reads at a glance,
 * which rows must stand out, and sorting kept in the URL.
 */
import type { RolloutSummary } from '@contract/rollouts';

export type VerdictTone = 'success' | 'warning' | 'danger' | 'neutral';

export interface ListVerdict {
  /** "Accept", "Hold", "Rollback recommended", "Guard breached", "No reports yet". */
  label: string;
  tone: VerdictTone;
  /** Why, in a few words (gate reasons, accept streak). */
  detail: string | null;
  /** Higher is worse; the verdict sort uses it. */
  rank: number;
}

const REASON_WORDS: Readonly<Record<string, string>> = {
  insufficient_runtime_decisions: 'too few runtime decisions',
  insufficient_parity_reports: 'too few parity reports',
  legacy_unavailable_rate_exceeded: 'V1 output often unavailable',
  parity_mismatch_rate_exceeded: 'parity mismatches above threshold',
  drop_rate_exceeded: 'too many signals dropped',
};

/** A gate reason in words ("parity mismatches above threshold"); unknown reasons pass through. */
export const gateReasonText = (reason: string): string => REASON_WORDS[reason] ?? reason.replaceAll('_', ' ');

/** What holds promotion besides the gate, in a few words; null when nothing does. */
function held(r: RolloutSummary): string | null {
  if (r.state.status === 'rolled_back') return 'rolled back: resume first';
  if (r.state.status === 'paused') return 'paused: resume first';
  if (r.state.status === 'completed') return 'completed';
  return null;
}

export function listVerdict(r: RolloutSummary): ListVerdict {
  const v = r.verdict;
  const reasons = v.gateReasons.map(gateReasonText).join(', ') || null;
  const stop = held(r);
  // A rolled-back or paused rollout needs someone whatever the gate says: it ranks with the worst.
  const floor = rowAlert(r) === 'danger' ? 5 : rowAlert(r) === 'warning' ? 3 : 0;
  const withFloor = (x: ListVerdict): ListVerdict => ({ ...x, rank: Math.max(x.rank, floor) });
  if (v.guards === 'breached') return withFloor({ label: 'Guard breached', tone: 'danger', detail: reasons, rank: 5 });
  if (v.gate === 'rollback_recommended') return withFloor({ label: 'Rollback recommended', tone: 'danger', detail: reasons, rank: 4 });
  if (v.gate === 'hold') return withFloor({ label: 'Hold', tone: 'warning', detail: reasons, rank: 3 });
  if (v.gate === 'accept') {
    const streak = v.promotionAllowed ? 'ready to promote' : `${v.acceptStreak} accept${v.acceptStreak === 1 ? '' : 's'} in a row`;
    const detail = stop ? `gate accepts; ${stop}` : v.guards === 'pending' ? `${streak}; a guard is pending` : streak;
    return withFloor({ label: 'Accept', tone: 'success', detail, rank: v.guards === 'pending' ? 2 : 1 });
  }
  return withFloor({ label: 'No reports yet', tone: 'neutral', detail: stop, rank: 0 });
}

/** Rolled back or breaching: the row must stand out. Paused or pending: it should be noticed. */
export function rowAlert(r: RolloutSummary): 'danger' | 'warning' | null {
  if (r.state.status === 'rolled_back' || r.verdict.guards === 'breached') return 'danger';
  if (r.state.status === 'paused' || r.verdict.gate === 'rollback_recommended') return 'warning';
  return null;
}

export const SORT_KEYS = ['rollout', 'namespace', 'stage', 'verdict', 'guard'] as const;
export type SortKey = (typeof SORT_KEYS)[number];
export type SortDir = 'asc' | 'desc';

export interface ListParams {
  sort: SortKey;
  dir: SortDir;
}

/** Worst first by default: the rollouts that need someone come to the top. */
export const DEFAULT_LIST_PARAMS: ListParams = { sort: 'verdict', dir: 'desc' };

export function parseListParams(search: URLSearchParams): ListParams {
  const sort = search.get('sort');
  const dir = search.get('dir');
  const key = (SORT_KEYS as readonly string[]).includes(sort ?? '') ? (sort as SortKey) : DEFAULT_LIST_PARAMS.sort;
  return { sort: key, dir: dir === 'asc' || dir === 'desc' ? dir : key === DEFAULT_LIST_PARAMS.sort ? DEFAULT_LIST_PARAMS.dir : 'asc' };
}

export function writeListParams(params: ListParams): URLSearchParams {
  const next = new URLSearchParams();
  if (params.sort !== DEFAULT_LIST_PARAMS.sort || params.dir !== DEFAULT_LIST_PARAMS.dir) {
    next.set('sort', params.sort);
    next.set('dir', params.dir);
  }
  return next;
}

/** Clicking the sorted column flips it; another column starts in its natural order. */
export function nextSort(current: ListParams, key: SortKey): ListParams {
  if (current.sort === key) return { sort: key, dir: current.dir === 'asc' ? 'desc' : 'asc' };
  return { sort: key, dir: key === 'verdict' || key === 'guard' || key === 'stage' ? 'desc' : 'asc' };
}

const guardTime = (r: RolloutSummary): number => (r.lastGuardEvent ? Date.parse(r.lastGuardEvent.at) : 0);
const stageRank = (r: RolloutSummary): number => r.state.share * 100 + r.state.stepIndex;

const COMPARE: Readonly<Record<SortKey, (a: RolloutSummary, b: RolloutSummary) => number>> = {
  rollout: (a, b) => a.id.localeCompare(b.id),
  namespace: (a, b) => a.namespace.localeCompare(b.namespace) || a.flagName.localeCompare(b.flagName),
  stage: (a, b) => stageRank(a) - stageRank(b),
  verdict: (a, b) => listVerdict(a).rank - listVerdict(b).rank || (rowAlert(a) ? 1 : 0) - (rowAlert(b) ? 1 : 0),
  guard: (a, b) => guardTime(a) - guardTime(b),
};

/** Sorted rows; ties keep the order by id so the list does not shuffle on refresh. */
export function sortRollouts(items: readonly RolloutSummary[], params: ListParams): RolloutSummary[] {
  const sign = params.dir === 'asc' ? 1 : -1;
  return [...items].sort((a, b) => sign * COMPARE[params.sort](a, b) || a.id.localeCompare(b.id));
}
