import { adminMe, detailFor, namespaceSummaries } from './data';
import { auditEvents, emptyDiff, eventPage, histories, sampleDiff, versionDetail, versionPage } from './registry-data';
import { apiErrorReply, typedHandler } from './typed-handler';
import { insightHandlers } from './insight-handlers';
import { rolloutHandlers } from './rollout-handlers';

const noNamespace = (ns: unknown) => apiErrorReply(404, 'NotFound', `namespace '${String(ns)}' does not exist`);
const int = (raw: string | null) => (raw === null || raw === '' ? null : Number(raw));

/** The happy path: a signed-in admin and the fixture namespaces. Tests override with server.use(). */
export const handlers = [
  typedHandler('me', () => adminMe),
  typedHandler('createSession', () => adminMe),
  typedHandler('deleteSession', () => ({ ok: true as const })),
  typedHandler('listNamespaces', () => ({ items: namespaceSummaries })),
  typedHandler('getNamespace', ({ params }) => {
    const summary = namespaceSummaries.find((n) => n.name === params.ns);
    return summary ? detailFor(summary) : apiErrorReply(404, 'NotFound', `namespace '${String(params.ns)}' does not exist`);
  }),
  typedHandler('listVersions', ({ params, request }) => {
    const items = histories[String(params.ns)];
    if (!items) return noNamespace(params.ns);
    const q = new URL(request.url).searchParams;
    return versionPage(items, int(q.get('before')), int(q.get('limit')) ?? 100);
  }),
  typedHandler('getVersion', ({ params }) => {
    const found = histories[String(params.ns)]?.find((v) => v.version === Number(params.version));
    return found ? versionDetail(String(params.ns), found) : apiErrorReply(404, 'NotFound', `version ${String(params.version)} of ${String(params.ns)} does not exist`);
  }),
  typedHandler('diff', ({ params, request }) => {
    const q = new URL(request.url).searchParams;
    const [from, to] = [Number(q.get('from')), Number(q.get('to'))];
    if (!histories[String(params.ns)]) return noNamespace(params.ns);
    return { namespace: String(params.ns), from, to, diff: from === to ? emptyDiff : sampleDiff };
  }),
  typedHandler('listEvents', ({ request }) => {
    const q = new URL(request.url).searchParams;
    const filter = { namespace: q.get('namespace'), actor: q.get('actor'), action: q.get('action'), from: q.get('from'), to: q.get('to'), before: int(q.get('before')) };
    return eventPage(auditEvents, { ...filter, limit: int(q.get('limit')) ?? 100 });
  }),
  ...rolloutHandlers,
  ...insightHandlers,
];
