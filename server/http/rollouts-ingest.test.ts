/** Reporter ingest: who may push, validation with a JSON pointer and no state change, idempotent repeats, the jido fixture as is. */
import { readFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { MetricsIngestResponse, ParityIngestResponse, ReporterIngestResponse } from '@contract/rollouts';
import { harness, type Harness } from '../test/harness';
import { act, createRollout, createRolloutNamespace, dumpAll, ingestReport, ingestWindows, MIN, report, RID, windows } from '../test/rollouts';

const JIDO = new URL('../../../shared/fixtures/jido/', import.meta.url);
const jido = (name: string): unknown => JSON.parse(readFileSync(new URL(name, JIDO), 'utf8'));

let h: Harness;
let reporter: string;
beforeEach(async () => {
  h = await harness();
  await createRolloutNamespace(h);
  await createRollout(h);
  reporter = await h.token('reporter');
  h.advance(10 * MIN);
});
afterEach(async () => h.close());

const t0 = () => Date.parse('2026-03-01T12:01:00.000Z');
const parity = (extra: Record<string, unknown> = {}) => ({
  subject: 'conv-1',
  comparedAt: '2026-03-01T12:05:00.000Z',
  adapter: 'Legacy',
  v1Outputs: [{ type: 'conv.out.message', subject: 'conv-1', data: { text: 'hi', n: 1 } }],
  v2Outputs: [{ type: 'conv.out.message', subject: 'conv-1', data: { text: 'hi', n: 2 } }],
  ...extra,
});

describe('who may ingest', () => {
  it('a reporter (and an admin) may ingest; a reporter may not act or read; viewers and operators may not ingest', async () => {
    const viewer = await h.token('viewer');
    const operator = await h.token('operator');
    expect((await ingestWindows(h, windows(t0(), 2), reporter)).status).toBe(200);
    expect((await ingestWindows(h, windows(t0() + 2 * MIN, 1))).status).toBe(200);
    expect((await ingestReport(h, report(h.now(), 1), reporter)).status).toBe(200);
    expect((await h.call('POST', `/api/v1/rollouts/${RID}/ingest/parity`, { token: reporter, body: parity() })).status).toBe(200);
    for (const token of [viewer, operator]) {
      expect((await ingestWindows(h, windows(t0(), 1), token)).status).toBe(403);
      expect((await ingestReport(h, report(h.now(), 1), token)).status).toBe(403);
    }
    expect((await act(h, 'promote', { reason: 'x', override: true }, '*', { token: reporter })).status).toBe(403);
    expect((await act(h, 'pause', { reason: 'x' }, '*', { token: viewer })).status).toBe(403);
    expect((await h.call('GET', `/api/v1/rollouts/${RID}/metrics`, { token: reporter })).status).toBe(403);
    expect((await h.call('POST', '/api/v1/rollouts/nope/ingest/metrics', { token: reporter, body: { windows: windows(t0(), 1) } })).status).toBe(404);
  });
});

describe('metric windows', () => {
  it('upserts by (variant, start): a repeat is idempotent, a more complete flush replaces, old windows are dropped', async () => {
    const ws = windows(t0(), 3);
    const first = MetricsIngestResponse.parse((await ingestWindows(h, ws, reporter)).json);
    expect(first).toMatchObject({ accepted: 6, inserted: 6, updated: 0, dropped: 0, latestStart: { v1: t0() + 2 * MIN, v2: t0() + 2 * MIN } });
    const before = await dumpAll(h);
    const again = MetricsIngestResponse.parse((await ingestWindows(h, ws, reporter)).json);
    expect(again).toMatchObject({ inserted: 0, updated: 0 });
    expect((await dumpAll(h)).rollout_windows).toEqual(before.rollout_windows);
    const fuller = MetricsIngestResponse.parse((await ingestWindows(h, windows(t0(), 1, { requests: 400 }), reporter)).json);
    expect(fuller).toMatchObject({ inserted: 0, updated: 1 });
    const partial = MetricsIngestResponse.parse((await ingestWindows(h, windows(t0(), 1, { requests: 100 }), reporter)).json);
    expect(partial).toMatchObject({ inserted: 0, updated: 0 });
    const old = MetricsIngestResponse.parse((await ingestWindows(h, windows(t0() - 15 * 24 * 60 * MIN, 1), reporter)).json);
    expect(old).toMatchObject({ accepted: 2, inserted: 0, dropped: 2 });
  });

  it('rejects bad batches with 400, the JSON pointer of the first problem, and no state change', async () => {
    const w = windows(t0(), 1)[1]!;
    const cases: [unknown, string][] = [
      [{}, '/windows'],
      [{ windows: [] }, '/windows'],
      [{ windows: [{ ...w, errors: 500 }] }, '/windows/0/errors'],
      [{ windows: [{ ...w, requests: -1 }] }, '/windows/0/requests'],
      [{ windows: [{ ...w, variant: 'v3' }] }, '/windows/0/variant'],
      [{ windows: [{ ...w, extra: 1 }] }, '/windows/0/extra'],
      [{ windows: [w, w] }, '/windows/1/start'],
      [{ windows: [{ ...w, latencyP95Ms: 'slow' }] }, '/windows/0/latencyP95Ms'],
      [{ windows: [{ ...w, start: h.now().getTime() + 60 * MIN }] }, '/windows/0/start'],
      [{ windows: [{ ...w, seconds: 0 }] }, '/windows/0/seconds'],
    ];
    const before = await dumpAll(h);
    for (const [body, path] of cases) {
      const r = await h.call('POST', `/api/v1/rollouts/${RID}/ingest/metrics`, { token: reporter, body });
      expect([path, r.status, r.json.error?.code, r.json.error?.path]).toEqual([path, 400, 'BadRequest', path]);
    }
    const raw = await h.call('POST', `/api/v1/rollouts/${RID}/ingest/metrics`, { token: reporter, raw: '{"windows": [' });
    expect(raw.status).toBe(400);
    expect(await dumpAll(h)).toEqual(before);
  });
});

describe('cumulative reports', () => {
  it('accepts the jido rollout-snapshot fixture as it is, and replaces a report with the same capturedAt', async () => {
    const fixture = jido('rollout-snapshot.json');
    const r = ReporterIngestResponse.parse((await ingestReport(h, fixture, reporter)).json);
    expect(r).toMatchObject({ capturedAt: '2026-02-19T18:10:00.000Z', replaced: false, gate: { status: 'accept', reasons: [] } });
    const again = ReporterIngestResponse.parse((await ingestReport(h, fixture, reporter)).json);
    expect(again).toMatchObject({ id: r.id, replaced: true });
    const gate = (await h.call('GET', `/api/v1/rollouts/${RID}/gate`)).json as { gate: { status: string; checks: { id: string; ok: boolean }[] } };
    expect(gate.gate.status).toBe('accept');
    expect(gate.gate.checks.map((c) => c.id)).toEqual(['runtime_decisions', 'parity_reports', 'mismatch_rate', 'legacy_unavailable_rate', 'drop_rate']);
  });

  it('rejects a malformed report with its path and stores nothing', async () => {
    const before = await dumpAll(h);
    const base = report(h.now(), 1);
    for (const [body, path] of [
      [{ ...base, capturedAt: 'yesterday' }, '/capturedAt'],
      [{ ...base, decisionCounts: { enqueue_runtime: -1 } }, '/decisionCounts/enqueue_runtime'],
      [{ ...base, recentParityReports: [{ conversationId: 'c', comparedAt: base.capturedAt, status: 'odd' }] }, '/recentParityReports/0/status'],
      [{ ...base, recentParitySamples: 'none' }, '/recentParitySamples'],
    ] as const) {
      const r = await ingestReport(h, body, reporter);
      expect([path, r.status, r.json.error?.path]).toEqual([path, 400, path]);
    }
    expect(await dumpAll(h)).toEqual(before);
  });
});

describe('parity reports', () => {
  it('compares on the server, keeps the differing outputs and the pattern; a repeat of (subject, comparedAt) is a duplicate', async () => {
    const r = ParityIngestResponse.parse((await h.call('POST', `/api/v1/rollouts/${RID}/ingest/parity`, { token: reporter, body: parity() })).json);
    expect(r.duplicate).toBe(false);
    expect(r.report).toMatchObject({
      subject: 'conv-1',
      status: 'mismatch',
      missingInLegacy: 1,
      missingInEvent: 1,
      onlyInV1: [{ data: { n: 1 } }],
      onlyInV2: [{ data: { n: 2 } }],
      pattern: 'data differs: conv.out.message (fields: n)',
      outputsKept: true,
    });
    const dup = ParityIngestResponse.parse((await h.call('POST', `/api/v1/rollouts/${RID}/ingest/parity`, { token: reporter, body: parity() })).json);
    expect([dup.duplicate, dup.report.id]).toEqual([true, r.report.id]);
    const unavailable = ParityIngestResponse.parse(
      (await h.call('POST', `/api/v1/rollouts/${RID}/ingest/parity`, { token: reporter, body: parity({ conversationId: 'conv-17', subject: undefined, v1Outputs: null, reason: 'legacy_adapter_not_configured' }) })).json,
    );
    expect(unavailable.report).toMatchObject({ subject: 'conv-17', status: 'legacy_unavailable', reason: 'legacy_adapter_not_configured', pattern: 'legacy unavailable' });
  });

  it('rejects bad parity bodies with their path and stores nothing', async () => {
    const before = await dumpAll(h);
    for (const [body, path] of [
      [parity({ v1Outputs: null }), '/reason'],
      [parity({ subject: undefined }), '/subject'],
      [parity({ conversationId: 'other' }), '/conversationId'],
      [parity({ v2Outputs: [{ type: '', data: {} }] }), '/v2Outputs/0/type'],
      [parity({ comparedAt: 5 }), '/comparedAt'],
      [parity({ v2Outputs: [{ type: 't', data: JSON.parse('{"a":'.repeat(40) + '1' + '}'.repeat(40)) }] }), '/v2Outputs/0/data'],
    ] as const) {
      const r = await h.call('POST', `/api/v1/rollouts/${RID}/ingest/parity`, { token: reporter, body });
      expect([path, r.status, r.json.error?.path]).toEqual([path, 400, path]);
    }
    expect(await dumpAll(h)).toEqual(before);
  });
});
