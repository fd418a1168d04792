/** Who is calling: bearer tokens, browser sessions (cookie) and the login that creates them. */
import type { Me } from '@contract/schemas';
import type { Clock } from '../clock';
import { ApiError } from '../errors';
import type { Store, TokenRow } from '../store/types';
import type { LoginCodes } from './login-codes';
import type { Principal } from './principal';
import { hashSecret, newSecret } from './secrets';

export const SESSION_COOKIE = 'sy_session';
export const SESSION_TTL_MS = 12 * 60 * 60 * 1000;
/** last_used_at is a write; once a minute per token is precise enough. */
const TOUCH_EVERY_MS = 60_000;

const unauthorized = (message: string) => new ApiError('Unauthorized', message);

export class AuthService {
  private readonly touched = new Map<string, number>();

  constructor(
    private readonly store: Store,
    private readonly clock: Clock,
    private readonly codes: LoginCodes,
  ) {}

  private async usable(token: TokenRow | null, via: Principal['via']): Promise<Principal> {
    if (!token) throw unauthorized('this token is not valid; check it, or ask an admin for a new one');
    if (token.revokedAt !== null) throw unauthorized(`this token was revoked at ${token.revokedAt}; ask an admin for a new one`);
    const now = this.clock();
    if (token.expiresAt !== null && token.expiresAt <= now.toISOString()) {
      throw unauthorized(`this token expired at ${token.expiresAt}; ask an admin for a new one`);
    }
    const last = this.touched.get(token.id) ?? 0;
    if (now.getTime() - last >= TOUCH_EVERY_MS) {
      this.touched.set(token.id, now.getTime());
      await this.store.touchToken(token.id, now.toISOString());
    }
    return { tokenId: token.id, actor: token.name, role: token.role, via };
  }

  async fromBearer(secret: string): Promise<Principal> {
    return this.usable(await this.store.getTokenByHash(hashSecret(secret)), 'bearer');
  }

  async fromSession(sessionId: string): Promise<Principal> {
    const session = await this.store.getSession(hashSecret(sessionId));
    if (!session) throw unauthorized('your session is not valid (signed out or replaced); sign in again');
    if (session.expiresAt <= this.clock().toISOString()) throw unauthorized('your session expired; sign in again');
    return this.usable(await this.store.getToken(session.tokenId), 'cookie');
  }

  /** Exchanges a token or a one-time code for a session; returns the session id (the cookie value). */
  async login(body: { token?: string; code?: string }): Promise<{ me: Me; sessionId: string; expiresAt: Date }> {
    if ((body.token === undefined) === (body.code === undefined)) {
      throw new ApiError('BadRequest', 'send either "token" or "code"', body.token === undefined ? '/token' : '/code');
    }
    let principal: Principal;
    if (body.token !== undefined) {
      principal = await this.fromBearer(body.token);
    } else {
      const tokenId = this.codes.consume(body.code ?? '');
      if (tokenId === null) {
        throw unauthorized('this login code is not valid: codes work once and for 15 minutes; restart the server for a new one');
      }
      principal = await this.usable(await this.store.getToken(tokenId), 'bearer');
    }
    if (principal.role === 'reporter') {
      throw new ApiError('Forbidden', 'reporter tokens are for pushing reports, not for signing in to the dashboard');
    }
    const sessionId = newSecret('');
    const now = this.clock();
    const expiresAt = new Date(now.getTime() + SESSION_TTL_MS);
    await this.store.createSession({
      idHash: hashSecret(sessionId),
      tokenId: principal.tokenId,
      createdAt: now.toISOString(),
      expiresAt: expiresAt.toISOString(),
    });
    return { me: { actor: principal.actor, role: principal.role, tokenId: principal.tokenId }, sessionId, expiresAt };
  }

  async logout(sessionId: string): Promise<void> {
    await this.store.deleteSession(hashSecret(sessionId));
  }
}
