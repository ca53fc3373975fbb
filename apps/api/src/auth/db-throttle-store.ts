import type { DataSource } from 'typeorm';
import { outsideRequest } from '../database/request-transaction.js';
import { LOGIN_LIMITS, type ThrottleStore } from './login-throttle.js';

/** Counts older than every rule's window are forgotten. */
const KEEP_MS = Math.max(LOGIN_LIMITS.pair.windowMs, LOGIN_LIMITS.account.windowMs, LOGIN_LIMITS.address.windowMs);

/**
 * Login attempt counts in the `login_throttle` table, and the addresses known to each account in
 * `login_known_address` (keys are hashes): every API process sees the same counts, and a restart does
 * not reset them. Written outside the request's transaction (a failed login rolls it back). Counting
 * is one atomic upsert that also sets the lock and skips a locked key, so parallel guesses cannot
 * slip past a limit.
 */
export class DbThrottleStore implements ThrottleStore {
  private writes = 0;

  constructor(private readonly db: DataSource) {}

  lockedUntil(keys: string[]): Promise<number> {
    return outsideRequest(async () => {
      const [row] = await this.db.query(
        'SELECT coalesce(max(extract(epoch FROM locked_until) * 1000), 0)::float8 AS until FROM login_throttle WHERE key = ANY($1)', [keys],
      ) as { until: number }[];
      return Number(row.until);
    });
  }

  count(key: string, now: number, windowMs: number, waits: number[]): Promise<number | null> {
    return outsideRequest(async () => {
      // $4[n] is the wait after the n-th attempt (the last entry beyond the end); 0 is no lock.
      const fresh = "EXCLUDED.first_at - t.first_at > $3::float8 * interval '1 millisecond'";
      const rows = await this.db.query(
        `INSERT INTO login_throttle AS t (key, failures, first_at, locked_until)
         VALUES ($1, 1, to_timestamp($2::float8 / 1000), to_timestamp($2::float8 / 1000) + nullif(($4::float8[])[1], 0) * interval '1 millisecond')
         ON CONFLICT (key) DO UPDATE SET
           failures = CASE WHEN ${fresh} THEN 1 ELSE t.failures + 1 END,
           first_at = CASE WHEN ${fresh} THEN EXCLUDED.first_at ELSE t.first_at END,
           locked_until = EXCLUDED.first_at + nullif(($4::float8[])[least(
             CASE WHEN ${fresh} THEN 1 ELSE t.failures + 1 END, cardinality($4::float8[]))], 0) * interval '1 millisecond'
         WHERE t.locked_until IS NULL OR t.locked_until <= EXCLUDED.first_at
         RETURNING failures`,
        [key, now, windowMs, waits],
      ) as { failures: number }[];
      // Now and then, forget windows that have ended and addresses long unused.
      if (++this.writes % 100 === 0) await this.forgetOld(now);
      return rows.length ? rows[0].failures : null;
    });
  }

  clear(keys: string[]): Promise<void> {
    return outsideRequest(async () => {
      await this.db.query('DELETE FROM login_throttle WHERE key = ANY($1)', [keys]);
    });
  }

  isKnown(account: string, address: string, since: number): Promise<boolean> {
    return outsideRequest(async () => {
      const rows = await this.db.query(
        'SELECT 1 FROM login_known_address WHERE account_key = $1 AND address_key = $2 AND last_at > to_timestamp($3::float8 / 1000)',
        [account, address, since],
      ) as unknown[];
      return rows.length > 0;
    });
  }

  remember(account: string, address: string, now: number, forgetBefore: number): Promise<void> {
    return outsideRequest(async () => {
      await this.db.query(
        `INSERT INTO login_known_address (account_key, address_key, last_at) VALUES ($1, $2, to_timestamp($3::float8 / 1000))
         ON CONFLICT (account_key, address_key) DO UPDATE SET last_at = EXCLUDED.last_at`,
        [account, address, now],
      );
      if (++this.writes % 100 === 0) {
        await this.db.query('DELETE FROM login_known_address WHERE last_at < to_timestamp($1::float8 / 1000)', [forgetBefore]);
      }
    });
  }

  private async forgetOld(now: number): Promise<void> {
    await this.db.query(
      `DELETE FROM login_throttle WHERE first_at < to_timestamp($1::float8 / 1000) - $2::float8 * interval '1 millisecond'
         AND (locked_until IS NULL OR locked_until < to_timestamp($1::float8 / 1000))`, [now, KEEP_MS],
    );
  }
}
