/** The rollout page's reads: metrics (downsampling, thresholds, verdicts, markers), gate, counters with resets, parity review. */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CompareResponse, CountersResponse, GateResponse, MetricsResponse, ParityPatternsResponse, ParityReportDetail, ParityReportPage, PatternTriageResponse, TriageResponse } from '@contract/rollouts';
import type { MetricWindow } from '@core/rollout/model';
import { downsampleWindows } from '@core/rollout/series';
import { harness, type Harness } from '../test/harness';
import { act, createRollout, createRolloutNamespace, eventsOf, ingestReport, ingestWindows, MIN, report, RID, RNS, windows } from '../test/rollouts';

let h: Harness;
let t0: number;
beforeEach(async () => {
  h = await harness();
  await createRolloutNamespace(h);
  await createRollout(h);
  t0 = h.now().getTime();
});
afterEach(async () => h.close());

describe('metrics', () => {
  it('downsamples both variants to at most `points`, with threshold lines, verdicts and markers of what happened', async () => {
    await act(h, 'promote', { reason: 'canary', override: true }, 1);
    // a namespace load and a kill-switch episode in the range
    h.advance(20 * MIN);
    const load = await h.call('POST', `/api/v1/namespaces/${RNS}/patch`, {
      body: { patch: { flags: [{ key: `feature::${RNS}::strictMode`, defaultValue: { type: 'BOOLEAN', value: true } }] }, reason: 'strict on' },
      headers: { 'if-match': '*' },
    });
    expect(load.status).toBe(200);
    await h.call('POST', `/api/v1/namespaces/${RNS}/kill-switch`, { body: { enabled: true, reason: 'incident' }, headers: { 'if-match': '*' } });
    await h.call('POST', `/api/v1/namespaces/${RNS}/kill-switch`, { body: { enabled: false, reason: 'over' }, headers: { 'if-match': '*' } });
    // three hours of windows, the last 6 minutes with V2 errors at 10%
    h.advance(160 * MIN);
    const healthy = windows(t0, 174, { latencyP95Ms: 320 });
    const bad = windows(t0 + 174 * MIN, 6, { errors: 20 });
    for (let i = 0; i < healthy.length; i += 120) expect((await ingestWindows(h, healthy.slice(i, i + 120))).status).toBe(200);
    const fired = await ingestWindows(h, bad);
    expect((fired.json.guards as { outcome: string }[]).map((g) => g.outcome)).toEqual(['paused', 'rolled_back']);

    const from = new Date(t0).toISOString();
    const to = new Date(t0 + 180 * MIN).toISOString();
    const m = MetricsResponse.parse((await h.call('GET', `/api/v1/rollouts/${RID}/metrics?from=${from}&to=${to}&points=20`)).json);
    expect(m.v1.length).toBeLessThanOrEqual(20);
    expect(m.v2.length).toBe(m.v1.length);
    expect(m.bucketMs).toBe(10 * MIN);
    expect(m.v2[0]).toMatchObject({ t: t0, windowCount: 10, requests: 2000, latencyP95Ms: 320 });
    expect(m.thresholds.error_rate.map((l) => [l.ruleId, l.value])).toEqual([
      ['critical-error-rate', 0.05],
      ['warning-error-rate', 0.02],
    ]);
    expect(m.thresholds.memory[0]).toMatchObject({ kind: 'relative_to_v1', value: null });
    expect(m.thresholds.memory[0]?.points).toHaveLength(m.v1.length);
    expect(m.verdicts.map((v) => v.metric)).toEqual(['error_rate', 'latency_avg', 'latency_p50', 'latency_p95', 'latency_p99', 'memory', 'cpu', 'throughput']);
    const err = m.verdicts.find((v) => v.metric === 'error_rate');
    expect(err?.level).toBe('critical');
    expect(err?.sentence).toContain('above 5%');
    const kinds = m.markers.map((x) => x.kind);
    for (const k of ['stage_change', 'snapshot_patch', 'kill_switch_on', 'kill_switch_off', 'guard_breach', 'rollout_pause', 'rollout_rollback'] as const) expect(kinds).toContain(k);
    const rb = m.markers.find((x) => x.kind === 'rollout_rollback');
    expect(rb).toMatchObject({ automatic: true, actor: 'switchyard-guards', severity: 'critical' });
    expect(m.markers.find((x) => x.kind === 'guard_breach' && x.severity === 'critical')?.breachId).toMatch(/^critical-error-rate@/);
    expect(m.markers.every((x, i) => i === 0 || m.markers[i - 1]!.t <= x.t)).toBe(true);

    const fine = MetricsResponse.parse((await h.call('GET', `/api/v1/rollouts/${RID}/metrics?from=${from}&to=${to}&points=2000`)).json);
    expect([fine.bucketMs, fine.v2.length]).toEqual([MIN, 180]);
  });

  it('sums the buckets in the database as the pure downsampling does: gaps, windows without requests or average latency, re-ingested windows, cut edge buckets', async () => {
    const ws: MetricWindow[] = [];
    for (let i = 0; i < 150; i++) {
      if (i % 37 === 5) continue; // gaps
      for (const variant of ['v1', 'v2'] as const) {
        const requests = i % 11 === 3 ? 0 : 100 + ((i * 7) % 53) + (variant === 'v2' ? 3 : 0);
        const w: MetricWindow = {
          variant,
          start: t0 + i * MIN,
          seconds: i % 13 === 0 ? 30 : 60,
          requests,
          errors: requests === 0 ? 0 : i % 5,
          latencyP50Ms: 100 + (i % 9) * 1.37,
          latencyP95Ms: 250 + (i % 7) * 2.11,
          latencyP99Ms: 400 + ((i * 13) % 29) * 3.3,
          memoryMb: 500 + (i % 17) * 0.7,
          cpuPct: 30 + (i % 19) * 0.9,
        };
        if (i % 3 === 0) w.latencyAvgMs = 140 + (i % 4) * 1.9;
        ws.push(w);
      }
    }
    // a later, more complete flush of a few windows replaces them
    const again = ws.filter((w) => w.start % (10 * MIN) === 0).map((w) => ({ ...w, requests: w.requests + 50, latencyP99Ms: 900 }));
    h.advance(150 * MIN);
    for (const batch of [ws.slice(0, 150), ws.slice(150), again]) expect((await ingestWindows(h, batch)).status).toBe(200);

    // from and to cut through buckets; 20 points of 150 minutes: 10-minute buckets
    const from = t0 + 3 * MIN + 1234;
    const to = t0 + 147 * MIN + 5678;
    const m = MetricsResponse.parse((await h.call('GET', `/api/v1/rollouts/${RID}/metrics?from=${new Date(from).toISOString()}&to=${new Date(to).toISOString()}&points=20`)).json);
    const expected = downsampleWindows([...ws, ...again], from, to, 20);
    expect(m.bucketMs).toBe(expected.bucketMs);
    for (const variant of ['v1', 'v2'] as const) {
      expect(m[variant].map((b) => [b.t, b.windowCount, b.requests, b.errors])).toEqual(expected[variant].map((b) => [b.t, b.windowCount, b.requests, b.errors]));
      // Sums in SQL may round differently in the last bits.
      const close = (a: number | null, e: number | null) => a === e || (a !== null && e !== null && Math.abs(a - e) <= 1e-9 * Math.max(1, Math.abs(e)));
      const fields = ['errorRate', 'latencyAvgMs', 'latencyP50Ms', 'latencyP95Ms', 'latencyP99Ms', 'latencyP99MaxMs', 'memoryMb', 'cpuPct', 'throughput'] as const;
      const differ = m[variant].flatMap((b, i) => fields.filter((k) => !close(b[k], expected[variant][i]?.[k] ?? null)).map((k) => `${b.t} ${k}`));
      expect(differ).toEqual([]);
    }
  });

  it('refuses a bad range with the query parameter', async () => {
    const r = await h.call('GET', `/api/v1/rollouts/${RID}/metrics?from=2026-03-02T00:00:00Z&to=2026-03-01T00:00:00Z`);
    expect([r.status, r.json.error?.path]).toEqual([400, '/from']);
    const p = await h.call('GET', `/api/v1/rollouts/${RID}/metrics?points=0`);
    expect([p.status, p.json.error?.path]).toEqual([400, '/points']);
  });
});

describe('gate', () => {
  it('is the checklist for the next step from the latest report, with the accept streak and blockers', async () => {
    let g = GateResponse.parse((await h.call('GET', `/api/v1/rollouts/${RID}/gate`)).json);
    expect(g).toMatchObject({ stepIndex: 0, nextStep: { stage: 'canary', share: 1 }, gate: null, acceptStreak: 0, requiredStreak: 2, promotionAllowed: false, blockers: [] });
    h.advance(MIN);
    await ingestReport(h, report(h.now(), 1, false));
    g = GateResponse.parse((await h.call('GET', `/api/v1/rollouts/${RID}/gate`)).json);
    expect(g.gate?.status).toBe('hold');
    expect(g.gate?.reasons).toEqual(['insufficient_runtime_decisions', 'insufficient_parity_reports']);
    h.advance(MIN);
    await ingestReport(h, report(h.now(), 2));
    h.advance(MIN);
    await ingestReport(h, report(h.now(), 3));
    g = GateResponse.parse((await h.call('GET', `/api/v1/rollouts/${RID}/gate`)).json);
    expect(g.recent.map((x) => x.status)).toEqual(['hold', 'accept', 'accept']);
    expect([g.acceptStreak, g.promotionAllowed]).toEqual([2, true]);
    await act(h, 'pause', { reason: 'lunch' }, 1);
    g = GateResponse.parse((await h.call('GET', `/api/v1/rollouts/${RID}/gate`)).json);
    expect(g.promotionAllowed).toBe(false);
    expect(g.blockers[0]).toContain('paused: lunch');
  });
});

describe('counters', () => {
  it('gives rates from successive cumulative reports, detects reporter resets and lists manual resets', async () => {
    const at = (m: number) => new Date(t0 + m * MIN);
    for (const [m, n] of [[1, 1], [2, 3], [3, 1], [4, 2]] as const) {
      h.advance(MIN);
      await ingestReport(h, report(at(m), n));
    }
    await act(h, 'counters/reset', { reason: 'double counting fixed' }, 1);
    const c = CountersResponse.parse((await h.call('GET', `/api/v1/rollouts/${RID}/counters?from=${at(0).toISOString()}&to=${at(10).toISOString()}`)).json);
    expect(c.points.map((p) => [p.decisions.enqueue_runtime, p.reset])).toEqual([
      [200, false],
      [100, true],
      [100, false],
    ]);
    expect(c.points[0]?.perMinute.decisions.enqueue_runtime).toBe(200);
    expect(c.reasons).toEqual(['canary_filtered', 'enabled']);
    expect(c.resets.map((r) => r.kind)).toEqual(['detected', 'manual']);
    expect(c.resets[1]).toMatchObject({ actor: 'bootstrap-admin', reason: 'double counting fixed' });
    expect(c.latest?.decisionCounts.enqueue_runtime).toBe(0);
  });
});

describe('parity review', () => {
  const out = (type: string, data: Record<string, unknown>) => ({ type, subject: 's', data });
  async function ingest(subject: string, minute: number, v1: unknown[] | null, v2: unknown[]) {
    const body = { subject, comparedAt: new Date(t0 + minute * MIN).toISOString(), v1Outputs: v1, v2Outputs: v2, ...(v1 === null ? { reason: 'legacy_adapter_not_configured' } : {}) };
    const r = await h.call('POST', `/api/v1/rollouts/${RID}/ingest/parity`, { body });
    expect(r.status).toBe(200);
    return (r.json.report as { id: number }).id;
  }

  beforeEach(async () => {
    await ingest('conv-1', 1, [out('msg', { text: 'a', total: 1 })], [out('msg', { text: 'a', total: 2 })]);
    await ingest('conv-2', 2, [out('msg', { text: 'b', total: 1 })], [out('msg', { text: 'b', total: 3 })]);
    await ingest('conv-3', 3, [out('msg', { x: 1 })], [out('msg', { x: 1 }), out('tool', { name: 'lookup' })]);
    await ingest('conv-4', 4, [out('msg', { x: 1 })], [out('msg', { x: 1 })]);
    await ingest('conv-5', 5, null, [out('msg', { x: 1 })]);
  });

  it('lists reports filtered by status, pattern and triage, paged', async () => {
    const all = ParityReportPage.parse((await h.call('GET', `/api/v1/rollouts/${RID}/parity/reports?limit=2`)).json);
    expect([all.total, all.items.map((r) => r.subject), all.nextBefore]).toEqual([5, ['conv-5', 'conv-4'], all.items[1]?.id]);
    const next = ParityReportPage.parse((await h.call('GET', `/api/v1/rollouts/${RID}/parity/reports?limit=2&before=${all.nextBefore}`)).json);
    expect(next.items.map((r) => r.subject)).toEqual(['conv-3', 'conv-2']);
    const mism = ParityReportPage.parse((await h.call('GET', `/api/v1/rollouts/${RID}/parity/reports?status=mismatch`)).json);
    expect(mism.total).toBe(3);
    const pattern = encodeURIComponent('data differs: msg (fields: total)');
    const byPattern = ParityReportPage.parse((await h.call('GET', `/api/v1/rollouts/${RID}/parity/reports?pattern=${pattern}`)).json);
    expect(byPattern.items.map((r) => r.subject)).toEqual(['conv-2', 'conv-1']);
    const detail = ParityReportDetail.parse((await h.call('GET', `/api/v1/rollouts/${RID}/parity/reports/${byPattern.items[0]!.id}`)).json);
    expect(detail.v1Outputs).toEqual([out('msg', { text: 'b', total: 1 })]);
    expect(detail.v2Outputs).toEqual([out('msg', { text: 'b', total: 3 })]);
    expect((await h.call('GET', `/api/v1/rollouts/${RID}/parity/reports/9999`)).status).toBe(404);
    expect((await h.call('GET', `/api/v1/rollouts/${RID}/parity/reports?status=odd`)).json.error?.path).toBe('/status');
  });

  it('groups mismatches by pattern with counts, first and last seen, triage summary and an example', async () => {
    const p = ParityPatternsResponse.parse((await h.call('GET', `/api/v1/rollouts/${RID}/parity/patterns`)).json);
    expect(p.items.map((x) => [x.pattern, x.count, x.status])).toEqual([
      ['data differs: msg (fields: total)', 2, 'mismatch'],
      ['legacy unavailable', 1, 'legacy_unavailable'],
      ['v2 extra: tool', 1, 'mismatch'],
    ]);
    expect(p.items[0]).toMatchObject({ kept: 2, firstSeen: new Date(t0 + MIN).toISOString(), lastSeen: new Date(t0 + 2 * MIN).toISOString(), triage: { untriaged: 2 }, patternTriage: null });
    expect(p.totals).toEqual({ reports: 5, match: 1, mismatch: 3, legacy_unavailable: 1 });
  });

  it('triages a report (who and when recorded, audited) and a whole pattern (new reports inherit it)', async () => {
    const operator = await h.token('operator', 'olga');
    const viewer = await h.token('viewer');
    const [first] = ParityReportPage.parse((await h.call('GET', `/api/v1/rollouts/${RID}/parity/reports?subject=conv-3`)).json).items;
    expect((await h.call('PATCH', `/api/v1/rollouts/${RID}/parity/reports/${first!.id}`, { token: viewer, body: { triage: 'bug' } })).status).toBe(403);
    const t = TriageResponse.parse((await h.call('PATCH', `/api/v1/rollouts/${RID}/parity/reports/${first!.id}`, { token: operator, body: { triage: 'bug', note: 'V2 calls the tool twice' } })).json);
    expect(t.report.triage).toEqual({ status: 'bug', note: 'V2 calls the tool twice', by: 'olga', at: h.now().toISOString(), viaPattern: false });
    expect(t.event).toMatchObject({ action: 'parity.triage', actor: 'olga', reason: 'V2 calls the tool twice', details: { rolloutId: RID, reportId: first!.id, triage: 'bug' } });
    const bad = await h.call('PATCH', `/api/v1/rollouts/${RID}/parity/reports/${first!.id}`, { token: operator, body: { triage: 'maybe' } });
    expect([bad.status, bad.json.error?.path]).toEqual([400, '/triage']);

    const pattern = 'data differs: msg (fields: total)';
    const pt = PatternTriageResponse.parse((await h.call('PATCH', `/api/v1/rollouts/${RID}/parity/patterns`, { token: operator, body: { pattern, triage: 'expected', note: 'V2 rounds totals' } })).json);
    expect([pt.updated, pt.pattern.triage.expected, pt.pattern.patternTriage?.status]).toEqual([2, 2, 'expected']);
    await ingest('conv-9', 9, [out('msg', { text: 'c', total: 1 })], [out('msg', { text: 'c', total: 5 })]);
    const untriaged = ParityReportPage.parse((await h.call('GET', `/api/v1/rollouts/${RID}/parity/reports?triage=untriaged&status=mismatch`)).json);
    expect(untriaged.total).toBe(0);
    const expected = ParityReportPage.parse((await h.call('GET', `/api/v1/rollouts/${RID}/parity/reports?triage=expected`)).json);
    expect(expected.items[0]).toMatchObject({ subject: 'conv-9', triage: { status: 'expected', by: 'olga', viaPattern: true } });
    expect((await h.call('PATCH', `/api/v1/rollouts/${RID}/parity/patterns`, { token: operator, body: { pattern: 'nope', triage: 'bug' } })).status).toBe(404);
    expect(await eventsOf(h, 'parity.triage')).toHaveLength(2);
  });

  it('compares one subject on demand from its latest stored outputs (and stores nothing)', async () => {
    const c = CompareResponse.parse((await h.call('POST', `/api/v1/rollouts/${RID}/parity/compare`, { body: { subject: 'conv-3' } })).json);
    expect(c).toMatchObject({ subject: 'conv-3', status: 'mismatch', missingInLegacy: 1, missingInEvent: 0, pattern: 'v2 extra: tool', sameAsStored: true, onlyInV2: [out('tool', { name: 'lookup' })] });
    const viewer = await h.token('viewer');
    expect((await h.call('POST', `/api/v1/rollouts/${RID}/parity/compare`, { token: viewer, body: { subject: 'conv-4' } })).json.status).toBe('match');
    const missing = await h.call('POST', `/api/v1/rollouts/${RID}/parity/compare`, { body: { subject: 'conv-404' } });
    expect([missing.status, missing.json.error?.path]).toEqual([404, '/subject']);
    expect(ParityReportPage.parse((await h.call('GET', `/api/v1/rollouts/${RID}/parity/reports`)).json).total).toBe(5);
  });
});
