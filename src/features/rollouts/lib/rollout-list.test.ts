import { describe, expect, it } from 'vitest';
import { makeRollout, rolloutSummaries } from '../../../../mocks/rollout-data';
import { listVerdict, nextSort, parseListParams, rowAlert, sortRollouts, writeListParams } from './rollout-list';

const [checkout, validation, search] = rolloutSummaries as [ReturnType<typeof makeRollout>, ReturnType<typeof makeRollout>, ReturnType<typeof makeRollout>];

describe('listVerdict', () => {
  it('reads accept, hold and rollback recommended from the gate, with the reasons in words', () => {
    expect(listVerdict(checkout)).toMatchObject({ label: 'Accept', tone: 'success', detail: 'ready to promote' });
    expect(listVerdict(search)).toMatchObject({ label: 'Hold', tone: 'warning', detail: 'too few parity reports' });
    const rb = makeRollout({ verdict: { gate: 'rollback_recommended', gateReasons: ['drop_rate_exceeded'], acceptStreak: 0, promotionAllowed: false, guards: 'ok' } });
    expect(listVerdict(rb)).toMatchObject({ label: 'Rollback recommended', tone: 'danger', detail: 'too many signals dropped' });
  });

  it('puts a breached guard above any gate verdict, and says when there are no reports', () => {
    expect(listVerdict(validation).label).toBe('Guard breached');
    expect(listVerdict(makeRollout({ verdict: { gate: null, gateReasons: [], acceptStreak: 0, promotionAllowed: false, guards: 'no_data' } })).label).toBe('No reports yet');
  });

  it('never says "ready to promote" for a rolled-back or paused rollout, and ranks it with the worst', () => {
    const rolledBack = makeRollout({ state: { ...checkout.state, status: 'rolled_back', stepIndex: 0, share: 0 } });
    expect(listVerdict(rolledBack)).toMatchObject({ label: 'Accept', detail: 'gate accepts; rolled back: resume first', rank: 5 });
    const paused = makeRollout({ state: { ...checkout.state, status: 'paused', paused: true } });
    expect(listVerdict(paused)).toMatchObject({ detail: 'gate accepts; paused: resume first', rank: 3 });
    expect(sortRollouts([paused, rolledBack], { sort: 'verdict', dir: 'desc' })[0]?.state.status).toBe('rolled_back');
  });

  it('counts accepts while the streak is short', () => {
    const one = makeRollout({ verdict: { gate: 'accept', gateReasons: [], acceptStreak: 1, promotionAllowed: false, guards: 'ok' } });
    expect(listVerdict(one).detail).toBe('1 accept in a row');
  });
});

describe('rowAlert', () => {
  it('makes rolled-back and breaching rollouts stand out, paused ones noticed', () => {
    expect(rowAlert(validation)).toBe('danger');
    expect(rowAlert(makeRollout({ verdict: { ...checkout.verdict, guards: 'breached' } }))).toBe('danger');
    expect(rowAlert(makeRollout({ state: { ...checkout.state, status: 'paused', paused: true } }))).toBe('warning');
    expect(rowAlert(checkout)).toBeNull();
  });
});

describe('sorting', () => {
  it('defaults to worst verdict first and keeps the default out of the URL', () => {
    const params = parseListParams(new URLSearchParams());
    expect(params).toEqual({ sort: 'verdict', dir: 'desc' });
    expect(sortRollouts(rolloutSummaries, params).map((r) => r.id)).toEqual(['validation-orchestrator', 'search-ranker', 'checkout-variant']);
    expect(writeListParams(params).toString()).toBe('');
  });

  it('sorts by stage, namespace and last guard event, and flips on a second click', () => {
    expect(sortRollouts(rolloutSummaries, { sort: 'stage', dir: 'desc' }).map((r) => r.id)[0]).toBe('checkout-variant');
    expect(sortRollouts(rolloutSummaries, { sort: 'namespace', dir: 'asc' }).map((r) => r.namespace)).toEqual(['checkout', 'search', 'validation']);
    expect(sortRollouts(rolloutSummaries, { sort: 'guard', dir: 'desc' }).map((r) => r.id)[0]).toBe('validation-orchestrator');
    expect(nextSort({ sort: 'namespace', dir: 'asc' }, 'namespace')).toEqual({ sort: 'namespace', dir: 'desc' });
    expect(nextSort({ sort: 'namespace', dir: 'asc' }, 'rollout')).toEqual({ sort: 'rollout', dir: 'asc' });
    expect(parseListParams(writeListParams({ sort: 'rollout', dir: 'desc' }))).toEqual({ sort: 'rollout', dir: 'desc' });
  });
});
