/**
 * One-time login codes printed at start (`/login?code=…`): single use, short-lived, held only in
 * memory and only as hashes, so a restart invalidates every code that was printed before.
 */
import { hashSecret, newSecret } from './secrets';
import type { Clock } from '../clock';

const TTL_MS = 15 * 60 * 1000;

export class LoginCodes {
  private readonly codes = new Map<string, { tokenId: string; expiresAt: number }>();

  constructor(private readonly clock: Clock) {}

  issue(tokenId: string): string {
    const code = newSecret('');
    this.codes.set(hashSecret(code), { tokenId, expiresAt: this.clock().getTime() + TTL_MS });
    return code;
  }

  /** The token the code logs in as, once; null when unknown, used or expired. */
  consume(code: string): string | null {
    const key = hashSecret(code);
    const entry = this.codes.get(key);
    this.codes.delete(key);
    const now = this.clock().getTime();
    for (const [k, v] of this.codes) if (v.expiresAt <= now) this.codes.delete(k);
    return entry && entry.expiresAt > now ? entry.tokenId : null;
  }
}
