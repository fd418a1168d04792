/** Replies of the registry's mutations for component tests, typed by the contract. */
import type { AuditEvent, MutationResponse, NamespaceDetail, NamespaceSummary } from '@contract/schemas';
import { makeEvent } from './data';
import { apiErrorReply, type ErrorReply } from './typed-handler';

export function summaryOf(detail: NamespaceDetail): NamespaceSummary {
  const { features: _f, snapshot: _s, recentEvents: _r, ...summary } = detail;
  return summary;
}

export function mutationReply(detail: NamespaceDetail, change: Partial<NamespaceSummary>, event: Partial<AuditEvent>): MutationResponse {
  const e = makeEvent({ namespace: detail.name, at: new Date().toISOString(), ...event });
  return { namespace: { ...summaryOf(detail), ...change, lastChange: e }, event: e, version: null };
}

/** 412: someone else changed the namespace since the version the caller saw. */
export function preconditionFailedReply(current: NamespaceSummary, changesSince: AuditEvent[], seen: number): ErrorReply {
  return apiErrorReply(
    412,
    'PreconditionFailed',
    `${current.name} changed since you looked: you saw v${seen}, the active version is now v${current.activeVersion}. Review what changed and try again.`,
    { details: { current, changesSince } },
  );
}
