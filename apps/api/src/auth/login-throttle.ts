import { createHash } from 'node:crypto';
import { isIPv4, isIPv6 } from 'node:net';
import { Injectable } from '@nestjs/common';
import { GraphQLError } from 'graphql';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/** How one kind of key is throttled. Attempts are counted in a window that starts with the first one. */
export interface ThrottleRule {
  /** Attempts in the window before any wait. */
  free: number;
  /** The wait after the first attempt beyond `free`; it doubles with each further one, up to `maxWaitMs`. */
  firstWaitMs: number;
  maxWaitMs: number;
  /** At this many attempts the key is refused for a whole window (absent: never, it only slows down). */
  cap?: number;
  windowMs: number;
}

/**
 * The figures (see the README and NIST SP 800-63B §5.2.2, which allows at most 100 consecutive failed
 * attempts on one account and suggests waits that grow as an account nears that limit).
 */
export const LOGIN_LIMITS = {
  /** One account from one address (or IPv6 /64): the guesser's own pair. */
  pair: { free: 5, firstWaitMs: 30_000, maxWaitMs: 15 * MINUTE, cap: 100, windowMs: DAY },
  /** One account from every address that has never signed in to it. */
  account: { free: 10, firstWaitMs: 30_000, maxWaitMs: 15 * MINUTE, cap: 100, windowMs: DAY },
  /** One address, every account (password spraying); never applied to an address known to the account. */
  address: { free: 100, firstWaitMs: 1_000, maxWaitMs: MINUTE, windowMs: HOUR },
  /** An address that signed in to an account is known to it until this long after its last sign-in. */
  knownForMs: 90 * DAY,
} satisfies Record<string, ThrottleRule | number>;

/**
 * The wait that follows each attempt of a window, by its number (index n - 1 for the n-th attempt;
 * beyond the end, the last entry): none while free, then doubling, then a whole window at the cap.
 */
export function waitsFor(rule: ThrottleRule): number[] {
  const doublings = Math.ceil(Math.log2(rule.maxWaitMs / rule.firstWaitMs));
  const length = rule.cap ?? rule.free + doublings + 1;
  return Array.from({ length }, (_, i) => {
    const n = i + 1;
    if (n <= rule.free) return 0;
    if (rule.cap !== undefined && n >= rule.cap) return rule.windowMs;
    return Math.min(rule.maxWaitMs, rule.firstWaitMs * 2 ** Math.min(n - rule.free - 1, 40));
  });
}

/** Where attempt counts live: in the database in the app (shared by every API process, kept across restarts). */
export interface ThrottleStore {
  /** The latest lock end among these keys (ms since the epoch), 0 when none is locked. */
  lockedUntil(keys: string[]): Promise<number>;
  /**
   * Counts an attempt on `key` at `now` (in a fresh window if its began more than `windowMs` ago) and
   * locks the key for the wait `waits` gives that attempt, in one atomic step; returns the attempts in
   * the window. When the key is locked at `now`, counts nothing and returns null.
   */
  count(key: string, now: number, windowMs: number, waits: number[]): Promise<number | null>;
  clear(keys: string[]): Promise<void>;
  /** Whether this address has signed in to this account since `since`. */
  isKnown(account: string, address: string, since: number): Promise<boolean>;
  remember(account: string, address: string, now: number, forgetBefore: number): Promise<void>;
}

interface MemoryRecord {
  count: number;
  first: number;
  lockedUntil: number;
}

/** The store for one process (unit tests). */
export class MemoryThrottleStore implements ThrottleStore {
  private readonly records = new Map<string, MemoryRecord>();
  private readonly known = new Map<string, number>();

  async lockedUntil(keys: string[]): Promise<number> {
    return Math.max(0, ...keys.map((k) => this.records.get(k)?.lockedUntil ?? 0));
  }

  async count(key: string, now: number, windowMs: number, waits: number[]): Promise<number | null> {
    let r = this.records.get(key);
    if (r && r.lockedUntil > now) return null;
    if (!r || now - r.first > windowMs) r = { count: 0, first: now, lockedUntil: 0 };
    r.count++;
    r.lockedUntil = now + waits[Math.min(r.count, waits.length) - 1];
    this.records.set(key, r);
    return r.count;
  }

  async clear(keys: string[]): Promise<void> {
    for (const k of keys) this.records.delete(k);
  }

  async isKnown(account: string, address: string, since: number): Promise<boolean> {
    return (this.known.get(`${account}/${address}`) ?? -Infinity) > since;
  }

  async remember(account: string, address: string, now: number): Promise<void> {
    this.known.set(`${account}/${address}`, now);
  }
}

/**
 * The part of a client address that names one client: an IPv4 address (also when mapped into
 * IPv6), or the /64 network of an IPv6 address (one household or device, which rotates the rest).
 */
export function clientNetwork(address: string): string {
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
  if (mapped && isIPv4(mapped[1])) return mapped[1];
  if (!isIPv6(address)) return address;
  // No zone; an embedded IPv4 address (always at the end) as its two groups.
  const plain = address.replace(/%.*$/, '').toLowerCase().replace(/(\d+)\.(\d+)\.(\d+)\.(\d+)$/,
    (_, a: string, b: string, c: string, d: string) => `${((+a << 8) | +b).toString(16)}:${((+c << 8) | +d).toString(16)}`);
  const [head, tail] = plain.split('::');
  const groups = (s: string | undefined) => (s ? s.split(':') : []);
  const left = groups(head);
  const right = groups(tail);
  const all = tail === undefined ? left : [...left, ...Array(8 - left.length - right.length).fill('0'), ...right];
  return `${all.slice(0, 4).map((g) => parseInt(g, 16).toString(16)).join(':')}::/64`;
}

/** A fixed-length key for any input (the throttle's keys are hashes: no email or address is too long, none is stored). */
function hash(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

export interface ThrottleKeys {
  account: string;
  address: string;
  pair: string;
}

export function throttleKeys(account: string, address: string): ThrottleKeys {
  const network = clientNetwork(address);
  return { account: hash(`a:${account}`), address: hash(`i:${network}`), pair: hash(`p:${account}\n${network}`) };
}

function describeWait(ms: number): string {
  const s = Math.ceil(ms / 1000);
  if (s <= 90) return `${s} s`;
  if (s <= 90 * 60) return `${Math.ceil(s / 60)} min`;
  return `${Math.ceil(s / 3600)} h`;
}

function tooMany(waitMs: number): GraphQLError {
  const seconds = Math.ceil(waitMs / 1000);
  return new GraphQLError(`Too many failed logins: try again in ${describeWait(waitMs)}`, {
    extensions: { code: 'TOO_MANY_REQUESTS', retryAfterSeconds: seconds, http: { status: 429 } },
  });
}

/**
 * Slows password guessing without letting a guesser lock anyone out. Every attempt is counted before
 * the password is checked (so parallel guesses cannot slip past a limit), and a success clears the
 * counts of its account and pair. Three counts:
 * - the pair (account, address): after 5 attempts, waits of 30 s doubling to 15 minutes, and at 100
 *   a day's lock. It only stops the guesser's own address.
 * - the account: after 10 attempts from anywhere, waits of 30 s doubling to 15 minutes, and at 100 a
 *   day's lock; both apply only to addresses that have never signed in to the account, so a person
 *   signing in from a device they have used before is never held up by someone else's guesses.
 * - the address: after 100 attempts in an hour on any accounts, waits of 1 s doubling to a minute;
 *   never applied to an address known to the account (everyone behind a hospital's NAT keeps working).
 */
@Injectable()
export class LoginThrottle {
  private static readonly WAITS = {
    pair: waitsFor(LOGIN_LIMITS.pair),
    account: waitsFor(LOGIN_LIMITS.account),
    address: waitsFor(LOGIN_LIMITS.address),
  };

  constructor(private readonly store: ThrottleStore = new MemoryThrottleStore(), private readonly now: () => number = Date.now) {}

  /** Before the password is checked: throws while this attempt must wait, and counts it otherwise. */
  async attempt(account: string, address: string): Promise<void> {
    const keys = throttleKeys(account, address);
    const known = await this.store.isKnown(keys.account, keys.address, this.now() - LOGIN_LIMITS.knownForMs);
    const guarding = known ? [keys.pair] : [keys.pair, keys.account, keys.address];
    await this.refuseWhileLocked(guarding);
    const t = this.now();
    // Counted atomically: of parallel attempts, only those within the limit get through.
    if ((await this.store.count(keys.pair, t, LOGIN_LIMITS.pair.windowMs, LoginThrottle.WAITS.pair)) === null) {
      await this.refuseWhileLocked([keys.pair]);
    }
    const counted = await this.store.count(keys.account, t, LOGIN_LIMITS.account.windowMs, LoginThrottle.WAITS.account);
    if (counted === null && !known) await this.refuseWhileLocked([keys.account]);
  }

  /** After a wrong password: counts it against the address too. */
  async failed(account: string, address: string): Promise<void> {
    const keys = throttleKeys(account, address);
    await this.store.count(keys.address, this.now(), LOGIN_LIMITS.address.windowMs, LoginThrottle.WAITS.address);
  }

  /** After the right password: the account's and pair's counts end, and the address is known to the account. */
  async succeeded(account: string, address: string): Promise<void> {
    const keys = throttleKeys(account, address);
    await this.store.clear([keys.pair, keys.account]);
    const t = this.now();
    await this.store.remember(keys.account, keys.address, t, t - LOGIN_LIMITS.knownForMs);
  }

  private async refuseWhileLocked(keys: string[]): Promise<void> {
    const wait = (await this.store.lockedUntil(keys)) - this.now();
    if (wait > 0) throw tooMany(wait);
  }
}
