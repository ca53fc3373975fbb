import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Failed-login counts per account and per address, shared by every API process (see DbThrottleStore). */
export class LoginThrottle1795438100000 implements MigrationInterface {
  name = 'LoginThrottle1795438100000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE login_throttle (
      key varchar(400) PRIMARY KEY,
      failures int NOT NULL,
      first_at timestamptz NOT NULL,
      locked_until timestamptz
    )`);
    await q.query('CREATE INDEX ix_login_throttle_first_at ON login_throttle (first_at)');
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE login_throttle');
  }
}
