import { describe, expect, it } from 'vitest';
import parityFixture from '../../../shared/fixtures/jido/parity-report.json';
import snapshotFixture from '../../../shared/fixtures/jido/rollout-snapshot.json';
import type { ParityOutput } from './model';
import { canonicalJson, compareOutputs, outputKey, summarizeParity } from './parity';
import { CumulativeReportSchema, ParityReportSummarySchema } from './schemas';

const out = (type: string, data: ParityOutput['data'] = {}, subject: string | null = 'conv-42'): ParityOutput => ({ type, subject, data });
const started = out('conv.out.message.started', { messageId: 'm1' });
const delta = out('conv.out.message.delta', { text: 'Hello' });
const completed = out('conv.out.message.completed', { messageId: 'm1', tokens: 12 });

describe('canonicalJson', () => {
  it('sorts object keys at every level and keeps array order', () => {
    expect(canonicalJson({ b: 1, a: { d: [3, { z: 1, y: 2 }], c: null } })).toBe('{"a":{"c":null,"d":[3,{"y":2,"z":1}]},"b":1}');
    expect(canonicalJson({ x: 1, y: 2 })).toBe(canonicalJson({ y: 2, x: 1 }));
    expect(canonicalJson([1, 2])).not.toBe(canonicalJson([2, 1]));
    expect(canonicalJson('a"b')).toBe('"a\\"b"');
  });
});

describe('compareOutputs', () => {
  it('matches the same outputs in another order and with another key order', () => {
    const v1 = [started, delta, completed];
    const v2 = [completed, { subject: 'conv-42', data: { text: 'Hello' }, type: 'conv.out.message.delta' }, started];
    expect(compareOutputs(v1, v2)).toEqual({
      status: 'match',
      eventOutputCount: 3,
      legacyOutputCount: 3,
      missingInLegacy: 0,
      missingInEvent: 0,
      onlyInV1: [],
      onlyInV2: [],
    });
  });

  it('counts V2 surplus as missingInLegacy (the fixture report: 3 event, 2 legacy, 1 missing in legacy)', () => {
    const r = compareOutputs([started, delta], [started, delta, completed]);
    expect(r).toEqual({
      status: 'mismatch',
      eventOutputCount: 3,
      legacyOutputCount: 2,
      missingInLegacy: 1,
      missingInEvent: 0,
      onlyInV1: [],
      onlyInV2: [completed],
    });
    const jido = CumulativeReportSchema.parse(snapshotFixture).recentParityReports[0];
    expect(jido).toMatchObject({ status: r.status, eventOutputCount: 3, legacyOutputCount: 2, missingInLegacy: 1, missingInEvent: 0 });
  });

  it('counts V1 surplus as missingInEvent', () => {
    expect(compareOutputs([started, delta, completed], [started])).toMatchObject({ status: 'mismatch', missingInLegacy: 0, missingInEvent: 2, onlyInV1: [delta, completed], onlyInV2: [] });
  });

  it('compares multisets: multiplicity matters', () => {
    const r = compareOutputs([delta], [delta, delta]);
    expect(r).toMatchObject({ status: 'mismatch', missingInLegacy: 1, onlyInV2: [delta] });
  });

  it('counts a changed output on both sides', () => {
    const changed = out('conv.out.message.completed', { messageId: 'm1', tokens: 13 });
    expect(compareOutputs([completed], [changed])).toMatchObject({ missingInLegacy: 1, missingInEvent: 1, onlyInV1: [completed], onlyInV2: [changed] });
  });

  it('treats subject as part of the output', () => {
    expect(compareOutputs([out('t', {}, 'a')], [out('t', {}, 'b')]).status).toBe('mismatch');
  });

  it('normalises null data to {} as jido did', () => {
    expect(outputKey(out('t', null))).toBe(outputKey(out('t', {})));
    expect(compareOutputs([out('t', null)], [out('t', {})]).status).toBe('match');
  });

  it('matches two empty sides', () => {
    expect(compareOutputs([], []).status).toBe('match');
  });

  it('reports legacy_unavailable with the event count and no surplus when V1 is null', () => {
    expect(compareOutputs(null, [started, delta, completed, delta])).toEqual({
      status: 'legacy_unavailable',
      eventOutputCount: 4,
      legacyOutputCount: 0,
      missingInLegacy: 0,
      missingInEvent: 0,
      onlyInV1: [],
      onlyInV2: [],
    });
  });
});

describe('summarizeParity', () => {
  it('reproduces the jido legacy-unavailable fixture report', () => {
    const summary = summarizeParity({
      conversationId: 'conv-17',
      comparedAt: '2026-02-19T18:06:31.907Z',
      adapter: 'JidoConversation.Rollout.Parity.NoopLegacyAdapter',
      v1Outputs: null,
      v2Outputs: [started, delta, delta, completed],
      reason: 'legacy_adapter_not_configured',
    });
    expect(summary).toEqual(ParityReportSummarySchema.parse(parityFixture));
    expect(summary).toEqual(parityFixture);
  });

  it('uses the subject and clears the reason when both sides answered', () => {
    expect(summarizeParity({ subject: 'conv-42', comparedAt: '2026-02-19T18:05:00.120Z', v1Outputs: [started], v2Outputs: [started], reason: 'ignored' })).toEqual({
      conversationId: 'conv-42',
      comparedAt: '2026-02-19T18:05:00.120Z',
      status: 'match',
      adapter: null,
      eventOutputCount: 1,
      legacyOutputCount: 1,
      missingInLegacy: 0,
      missingInEvent: 0,
      reason: null,
    });
  });
});
