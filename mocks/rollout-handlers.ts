/** MSW handlers of the rollout API (typed by the contract), for component tests and the static demo. */
import { countersFor, detailOf, gateFor, makeReport, metricsFor, parityPatterns, parityReports, reportDetail, rolloutSummaries } from './rollout-data';
import { apiErrorReply, typedHandler } from './typed-handler';

const HOUR = 3_600_000;
const noRollout = (id: unknown) => apiErrorReply(404, 'NotFound', `rollout ${String(id)} does not exist`);
const find = (id: unknown) => rolloutSummaries.find((r) => r.id === id);
const range = (request: Request) => {
  const q = new URL(request.url).searchParams;
  const to = q.get('to') ? Date.parse(q.get('to') ?? '') : Date.now();
  const from = q.get('from') ? Date.parse(q.get('from') ?? '') : to - 6 * HOUR;
  return { from, to, points: Number(q.get('points') ?? 360) };
};

export const rolloutHandlers = [
  typedHandler('listRollouts', () => ({ items: rolloutSummaries })),
  typedHandler('getRollout', ({ params }) => {
    const r = find(params.id);
    return r ? detailOf(r) : noRollout(params.id);
  }),
  typedHandler('rolloutMetrics', ({ params, request }) => {
    const { from, to, points } = range(request);
    return find(params.id) ? metricsFor(String(params.id), from, to, points) : noRollout(params.id);
  }),
  typedHandler('rolloutGate', ({ params }) => {
    const r = find(params.id);
    return r ? gateFor(detailOf(r)) : noRollout(params.id);
  }),
  typedHandler('rolloutCounters', ({ params, request }) => {
    const { from, to } = range(request);
    return find(params.id) ? countersFor(String(params.id), from, to) : noRollout(params.id);
  }),
  typedHandler('parityPatterns', ({ params }) => (find(params.id) ? parityPatterns : noRollout(params.id))),
  typedHandler('parityReports', ({ params, request }) => {
    if (!find(params.id)) return noRollout(params.id);
    const q = new URL(request.url).searchParams;
    const items = parityReports.filter(
      (r) =>
        (!q.get('status') || r.status === q.get('status')) &&
        (!q.get('pattern') || r.pattern === q.get('pattern')) &&
        (!q.get('triage') || (q.get('triage') === 'untriaged' ? r.triage === null : r.triage?.status === q.get('triage'))),
    );
    return { items, total: items.length, nextBefore: null };
  }),
  typedHandler('parityReport', ({ params }) => {
    const r = parityReports.find((x) => x.id === Number(params.reportId));
    return r ? reportDetail(r) : apiErrorReply(404, 'NotFound', `parity report ${String(params.reportId)} does not exist`);
  }),
  typedHandler('parityCompare', async ({ request }) => {
    const { subject } = (await request.json()) as { subject: string };
    const source = parityReports.find((r) => r.subject === subject);
    if (!source) return apiErrorReply(404, 'NotFound', `no stored outputs for subject ${subject}`);
    const d = reportDetail(source);
    return {
      subject,
      comparedAt: new Date().toISOString(),
      source: { reportId: source.id, comparedAt: source.comparedAt, status: source.status },
      status: source.status,
      eventOutputCount: source.eventOutputCount,
      legacyOutputCount: source.legacyOutputCount,
      missingInLegacy: source.missingInLegacy,
      missingInEvent: source.missingInEvent,
      onlyInV1: source.onlyInV1,
      onlyInV2: source.onlyInV2,
      pattern: source.pattern,
      v1Outputs: d.v1Outputs,
      v2Outputs: d.v2Outputs ?? [],
      sameAsStored: true,
    };
  }),
  typedHandler('triageParityReport', async ({ params, request }) => {
    const body = (await request.json()) as { triage: 'expected' | 'bug' | 'ignored' | null; note?: string };
    const r = parityReports.find((x) => x.id === Number(params.reportId)) ?? makeReport();
    const triage = body.triage ? { status: body.triage, note: body.note ?? null, by: 'ada@switchyard.dev', at: new Date().toISOString(), viaPattern: false } : null;
    const report = { ...r, triage };
    return { report, event: { id: 999, at: new Date().toISOString(), namespace: 'checkout', actor: 'ada@switchyard.dev', action: 'parity.triage' as const, reason: body.note ?? '', fromVersion: null, toVersion: null, details: {} } };
  }),
];
