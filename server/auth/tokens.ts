/** API token management (admins): create (the secret is shown once), list, revoke. */
import type { TokenDto } from '@contract/schemas';
import type { Clock } from '../clock';
import { ApiError, notFound } from '../errors';
import type { ChangeFeed } from '../live/change-feed';
import type { IdempotencyClaim, IdempotencyRecord, Store } from '../store/types';
import { toTokenDto } from '../registry/views';
import { idempotencyKeyReused } from '../registry/service';
import { hashSecret, newId, newSecret } from './secrets';
import type { Role } from '@contract/schemas';

export interface TokenActor {
  actor: string;
  idempotency?: IdempotencyClaim;
}

export interface Replied<T> {
  status: number;
  body: T;
  replayed: boolean;
}

export class TokenService {
  constructor(
    private readonly store: Store,
    private readonly clock: Clock,
    private readonly feed: ChangeFeed,
  ) {}

  async list(): Promise<TokenDto[]> {
    return (await this.store.listTokens()).map(toTokenDto);
  }

  /**
   * The secret is never stored, so a replay of the same request cannot return it again: it says
   * that the first request created the token, and how to recover if its response was lost.
   */
  async create(
    input: { name: string; role: Role; expiresAt?: string; reason: string },
    ctx: TokenActor,
  ): Promise<Replied<{ token: TokenDto; secret: string } | unknown>> {
    const now = this.clock();
    if (input.expiresAt !== undefined && new Date(input.expiresAt).getTime() <= now.getTime()) {
      throw new ApiError('BadRequest', 'expiresAt must be in the future', '/expiresAt');
    }
    const secret = newSecret('sy_');
    const at = now.toISOString();
    const outcome = await this.store.commitTokenChange(
      {
        kind: 'create',
        token: {
          id: newId('tok_'),
          name: input.name,
          role: input.role,
          secretHash: hashSecret(secret),
          createdAt: at,
          createdBy: ctx.actor,
          lastUsedAt: null,
          expiresAt: input.expiresAt === undefined ? null : new Date(input.expiresAt).toISOString(),
          revokedAt: null,
        },
      },
      (token) => ({
        at,
        namespace: null,
        actor: ctx.actor,
        action: 'token.create',
        reason: input.reason,
        fromVersion: null,
        toVersion: null,
        details: { tokenId: token.id, name: token.name, role: token.role, expiresAt: token.expiresAt },
      }),
      (token) => ({ status: 201, body: { token: toTokenDto(token), secret } }),
      ctx.idempotency && {
        claim: ctx.idempotency,
        remember: (r) => {
          const error = new ApiError(
            'Conflict',
            `token ${r.body.token.id} was created by the first request with this Idempotency-Key; its secret is shown only once. ` +
              'If that response was lost, revoke the token and create another.',
            undefined,
            { token: r.body.token },
          );
          return { status: error.status, body: error.toBody() };
        },
      },
    );
    switch (outcome.kind) {
      case 'committed':
        this.feed.publish({ event: outcome.event, state: null });
        return { ...outcome.response, replayed: false };
      case 'replay':
        return replay(outcome.record, ctx);
      default:
        throw new Error(`unexpected outcome ${outcome.kind} creating a token`);
    }
  }

  async revoke(id: string, reason: string, ctx: TokenActor): Promise<Replied<TokenDto | unknown>> {
    const at = this.clock().toISOString();
    const outcome = await this.store.commitTokenChange(
      { kind: 'revoke', id, at },
      (token) => ({
        at,
        namespace: null,
        actor: ctx.actor,
        action: 'token.revoke',
        reason,
        fromVersion: null,
        toVersion: null,
        details: { tokenId: token.id, name: token.name, role: token.role },
      }),
      (token) => ({ status: 200, body: toTokenDto(token) }),
      ctx.idempotency && { claim: ctx.idempotency, remember: (r) => r },
    );
    switch (outcome.kind) {
      case 'committed':
        this.feed.publish({ event: outcome.event, state: null });
        return { ...outcome.response, replayed: false };
      case 'replay':
        return replay(outcome.record, ctx);
      case 'missing':
        throw notFound(`token ${id}`);
      case 'already-revoked':
        throw new ApiError('Conflict', `token ${id} was already revoked at ${outcome.token.revokedAt ?? '?'}`, undefined, {
          token: toTokenDto(outcome.token),
        });
    }
  }
}

function replay(record: IdempotencyRecord, ctx: TokenActor): Replied<unknown> {
  if (ctx.idempotency && record.fingerprint !== ctx.idempotency.fingerprint) throw idempotencyKeyReused();
  return { status: record.status, body: record.body, replayed: true };
}
