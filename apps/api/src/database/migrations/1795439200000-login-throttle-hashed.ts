import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Login throttle keys become sha256 hashes (64 hex digits), so no email or address can overflow the
 * column or be read back from it; and addresses that have signed in to an account are remembered
 * (also as hashes), so a guesser elsewhere cannot hold up their owner.
 */
export class LoginThrottleHashed1795439200000 implements MigrationInterface {
  name = 'LoginThrottleHashed1795439200000';

  async up(q: QueryRunner): Promise<void> {
    // Address counts follow new rules (per IPv6 /64, slowing instead of locking): they start afresh.
    // Account counts carry over, so a deployment hands a guesser no fresh allowance.
    await q.query("DELETE FROM login_throttle WHERE key NOT LIKE 'a:%'");
    await q.query("UPDATE login_throttle SET key = encode(sha256(convert_to(key, 'UTF8')), 'hex')");
    await q.query('ALTER TABLE login_throttle ALTER COLUMN key TYPE varchar(64)');
    await q.query("ALTER TABLE login_throttle ADD CONSTRAINT ck_login_throttle_key CHECK (key ~ '^[0-9a-f]{64}$')");
    await q.query(`CREATE TABLE login_known_address (
      account_key varchar(64) NOT NULL CHECK (account_key ~ '^[0-9a-f]{64}$'),
      address_key varchar(64) NOT NULL CHECK (address_key ~ '^[0-9a-f]{64}$'),
      last_at timestamptz NOT NULL,
      PRIMARY KEY (account_key, address_key)
    )`);
    await q.query('CREATE INDEX ix_login_known_address_last_at ON login_known_address (last_at)');
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE login_known_address');
    // Hashes cannot be turned back into emails: the counts start afresh.
    await q.query('DELETE FROM login_throttle');
    await q.query('ALTER TABLE login_throttle DROP CONSTRAINT ck_login_throttle_key');
    await q.query('ALTER TABLE login_throttle ALTER COLUMN key TYPE varchar(400)');
  }
}
