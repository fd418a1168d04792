/**
 * Failed sign-ins per client address: after `max` failures within `windowMs`, further attempts
 * from that address are refused with 429 until the oldest failure leaves the window. Successful
 * sign-ins do not count. In memory and on the app's clock (tests move it); @fastify/rate-limit
 * was not used because it counts every request rather than failures and keeps its own time.
 * Tokens and login codes are 256-bit random secrets, but SWITCHYARD_ADMIN_TOKEN is chosen by a
 * person: this is what keeps a weak one from being guessed through the login form.
 */
import type { Clock } from '../clock';
import { ApiError } from '../errors';

export interface LimiterOptions {
  max: number;
  windowMs: number;
  /** Addresses remembered at most (oldest forgotten first), so a flood of addresses cannot exhaust memory. */
  maxAddresses?: number;
}

export class LoginLimiter {
  private readonly failures = new Map<string, number[]>();

  constructor(
    private readonly clock: Clock,
    private readonly options: LimiterOptions = { max: 10, windowMs: 60_000 },
  ) {}

  private recent(address: string, now: number): number[] {
    const kept = (this.failures.get(address) ?? []).filter((t) => t > now - this.options.windowMs);
    if (kept.length > 0) this.failures.set(address, kept);
    else this.failures.delete(address);
    return kept;
  }

  /** Throws 429 RateLimited (with the seconds to wait) when `address` has used up its failures. */
  check(address: string): void {
    const now = this.clock().getTime();
    const recent = this.recent(address, now);
    if (recent.length < this.options.max) return;
    const retryAfter = Math.max(1, Math.ceil(((recent[0] ?? now) + this.options.windowMs - now) / 1000));
    throw new ApiError(
      'RateLimited',
      `too many failed sign-ins from this address (${this.options.max} in ${this.options.windowMs / 1000} s); try again in ${retryAfter} s`,
      undefined,
      { retryAfterSeconds: retryAfter },
    );
  }

  fail(address: string): void {
    const now = this.clock().getTime();
    const recent = this.recent(address, now);
    this.failures.delete(address);
    this.failures.set(address, [...recent, now]);
    const cap = this.options.maxAddresses ?? 10_000;
    for (const oldest of this.failures.keys()) {
      if (this.failures.size <= cap) break;
      this.failures.delete(oldest);
    }
  }
}
