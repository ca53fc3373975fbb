import { Injectable } from '@nestjs/common';
import { GraphQLError } from 'graphql';

/** Where failed-login counts live: in the database in the app (shared by every API process, kept across restarts). */
export interface ThrottleStore {
  /** The latest lock end among these keys (ms since the epoch), 0 when none is locked. */
  lockedUntil(keys: string[]): Promise<number>;
  /** Counts one failure at `now` (a fresh window if the key's began more than `windowMs` ago); returns the failures in the window. */
  fail(key: string, now: number, windowMs: number): Promise<number>;
  lock(key: string, until: number): Promise<void>;
  clear(key: string): Promise<void>;
}

interface MemoryRecord {
  failures: number;
  first: number;
  lockedUntil: number;
}

/** The store for one process (unit tests). */
export class MemoryThrottleStore implements ThrottleStore {
  private readonly records = new Map<string, MemoryRecord>();

  async lockedUntil(keys: string[]): Promise<number> {
    return Math.max(0, ...keys.map((k) => this.records.get(k)?.lockedUntil ?? 0));
  }

  async fail(key: string, now: number, windowMs: number): Promise<number> {
    let r = this.records.get(key);
    if (!r || now - r.first > windowMs) r = { failures: 0, first: now, lockedUntil: 0 };
    r.failures++;
    this.records.set(key, r);
    if (this.records.size > 100_000) {
      for (const [k, x] of this.records) if (now - x.first > windowMs && x.lockedUntil < now) this.records.delete(k);
    }
    return r.failures;
  }

  async lock(key: string, until: number): Promise<void> {
    const r = this.records.get(key);
    if (r) r.lockedUntil = until;
  }

  async clear(key: string): Promise<void> {
    this.records.delete(key);
  }
}

/**
 * Slows password guessing, per account and per client address. After FREE failures in the window,
 * each further failure locks the key for twice as long as the last (1 s, 2 s, 4 s … up to 15 min),
 * even for the right password. A success clears the account's count.
 */
@Injectable()
export class LoginThrottle {
  static readonly WINDOW_MS = 15 * 60_000;
  static readonly MAX_LOCK_MS = 15 * 60_000;
  static readonly FREE = { account: 5, address: 30 };

  constructor(private readonly store: ThrottleStore = new MemoryThrottleStore(), private readonly now: () => number = Date.now) {}

  /** Throws while either key is locked. */
  async check(email: string, address: string): Promise<void> {
    const wait = (await this.store.lockedUntil([`a:${email}`, `i:${address}`])) - this.now();
    if (wait > 0) {
      throw new GraphQLError(`Too many failed logins: try again in ${Math.ceil(wait / 1000)} s`, {
        extensions: { code: 'TOO_MANY_REQUESTS', retryAfterSeconds: Math.ceil(wait / 1000), http: { status: 429 } },
      });
    }
  }

  async fail(email: string, address: string): Promise<void> {
    await this.bump(`a:${email}`, LoginThrottle.FREE.account);
    await this.bump(`i:${address}`, LoginThrottle.FREE.address);
  }

  async succeed(email: string): Promise<void> {
    await this.store.clear(`a:${email}`);
  }

  private async bump(key: string, free: number): Promise<void> {
    const t = this.now();
    const failures = await this.store.fail(key, t, LoginThrottle.WINDOW_MS);
    if (failures > free) await this.store.lock(key, t + Math.min(LoginThrottle.MAX_LOCK_MS, 1000 * 2 ** (failures - free - 1)));
  }
}
