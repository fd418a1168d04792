import { adminMe, detailFor, namespaceSummaries } from './data';
import { apiErrorReply, typedHandler } from './typed-handler';

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
];
