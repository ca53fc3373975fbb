import { Injectable } from '@nestjs/common';
import { GraphQLError } from 'graphql';

interface Record {
  failures: number;
  first: number;
  lockedUntil: number;
}

/**
 * Slows password guessing, per account and per client address, in memory (one API process).
 * After FREE failures in the window, each further failure locks the key for twice as long as the
 * last (1 s, 2 s, 4 s … up to 15 min). A success clears the account's record.
 */
@Injectable()
export class LoginThrottle {
  static readonly WINDOW_MS = 15 * 60_000;
  static readonly MAX_LOCK_MS = 15 * 60_000;
  static readonly FREE = { account: 5, address: 30 };

  private readonly records = new Map<string, Record>();

  constructor(private readonly now: () => number = Date.now) {}

  /** Throws while either key is locked. */
  check(email: string, address: string): void {
    const t = this.now();
    const wait = Math.max(this.lockedFor(`a:${email}`, t), this.lockedFor(`i:${address}`, t));
    if (wait > 0) {
      throw new GraphQLError(`Too many failed logins: try again in ${Math.ceil(wait / 1000)} s`, {
        extensions: { code: 'TOO_MANY_REQUESTS', retryAfterSeconds: Math.ceil(wait / 1000), http: { status: 429 } },
      });
    }
  }

  fail(email: string, address: string): void {
    this.bump(`a:${email}`, LoginThrottle.FREE.account);
    this.bump(`i:${address}`, LoginThrottle.FREE.address);
    if (this.records.size > 100_000) this.sweep();
  }

  succeed(email: string): void {
    this.records.delete(`a:${email}`);
  }

  private lockedFor(key: string, t: number): number {
    const r = this.records.get(key);
    return r ? Math.max(0, r.lockedUntil - t) : 0;
  }

  private bump(key: string, free: number): void {
    const t = this.now();
    let r = this.records.get(key);
    if (!r || t - r.first > LoginThrottle.WINDOW_MS) r = { failures: 0, first: t, lockedUntil: 0 };
    r.failures++;
    if (r.failures > free) r.lockedUntil = t + Math.min(LoginThrottle.MAX_LOCK_MS, 1000 * 2 ** (r.failures - free - 1));
    this.records.set(key, r);
  }

  private sweep(): void {
    const t = this.now();
    for (const [k, r] of this.records) if (t - r.first > LoginThrottle.WINDOW_MS && r.lockedUntil < t) this.records.delete(k);
  }
}
