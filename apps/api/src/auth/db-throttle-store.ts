import type { DataSource } from 'typeorm';
import { outsideRequest } from '../database/request-transaction.js';
import type { ThrottleStore } from './login-throttle.js';

/**
 * Failed-login counts in the `login_throttle` table: every API process sees the same counts, and a
 * restart does not reset them. Written outside the request's transaction (a failed login rolls it
 * back). The count is one atomic upsert, so parallel guesses cannot undercount.
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

  fail(key: string, now: number, windowMs: number): Promise<number> {
    return outsideRequest(async () => {
      const [row] = await this.db.query(
        `INSERT INTO login_throttle AS t (key, failures, first_at, locked_until) VALUES ($1, 1, to_timestamp($2::float8 / 1000), NULL)
         ON CONFLICT (key) DO UPDATE SET
           failures = CASE WHEN EXCLUDED.first_at - t.first_at > $3 * interval '1 millisecond' THEN 1 ELSE t.failures + 1 END,
           locked_until = CASE WHEN EXCLUDED.first_at - t.first_at > $3 * interval '1 millisecond' THEN NULL ELSE t.locked_until END,
           first_at = CASE WHEN EXCLUDED.first_at - t.first_at > $3 * interval '1 millisecond' THEN EXCLUDED.first_at ELSE t.first_at END
         RETURNING failures`,
        [key, now, windowMs],
      ) as { failures: number }[];
      // Now and then, forget windows that have ended (the keys are emails and addresses).
      if (++this.writes % 100 === 0) {
        await this.db.query(
          `DELETE FROM login_throttle WHERE first_at < to_timestamp($1::float8 / 1000) - $2 * interval '1 millisecond'
             AND (locked_until IS NULL OR locked_until < to_timestamp($1::float8 / 1000))`, [now, windowMs],
        );
      }
      return row.failures;
    });
  }

  lock(key: string, until: number): Promise<void> {
    return outsideRequest(async () => {
      await this.db.query('UPDATE login_throttle SET locked_until = to_timestamp($2::float8 / 1000) WHERE key = $1', [key, until]);
    });
  }

  clear(key: string): Promise<void> {
    return outsideRequest(async () => {
      await this.db.query('DELETE FROM login_throttle WHERE key = $1', [key]);
    });
  }
}
