import type { MigrationInterface, QueryRunner } from 'typeorm';

const TABLES = ['contact', 'membership', 'rep_role'];

/**
 * Who created each contact, membership and rep role (conversations have their rep already): a
 * create retried with the same client-made id returns the row only to whoever made it. Rows from
 * before are nobody's: their ids are not reused.
 */
export class CreatedBy1795439300000 implements MigrationInterface {
  name = 'CreatedBy1795439300000';

  async up(q: QueryRunner): Promise<void> {
    for (const t of TABLES) await q.query(`ALTER TABLE "${t}" ADD "created_by_id" uuid`);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const t of TABLES) await q.query(`ALTER TABLE "${t}" DROP COLUMN "created_by_id"`);
  }
}
