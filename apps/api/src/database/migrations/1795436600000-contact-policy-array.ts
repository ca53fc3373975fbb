import type { MigrationInterface, QueryRunner } from 'typeorm';
import { APP_ROLE } from './1795435000000-row-level-security.js';

/**
 * The contact policy compares employer_id with the identity's array directly (`= ANY(...)`), so the
 * planner can use it as an index condition instead of a hashed subplan it cannot estimate.
 */
export class ContactPolicyArray1795436600000 implements MigrationInterface {
  name = 'ContactPolicyArray1795436600000';

  async up(q: QueryRunner): Promise<void> {
    await q.query('DROP POLICY contact_branch ON contact');
    await q.query(`CREATE POLICY contact_branch ON contact TO ${APP_ROLE}
      USING (organisation_id = rollcall_organisation() AND employer_id = ANY (rollcall_employers()))`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP POLICY contact_branch ON contact');
    await q.query(`CREATE POLICY contact_branch ON contact TO ${APP_ROLE}
      USING (organisation_id = (SELECT rollcall_organisation()) AND employer_id IN (SELECT unnest(rollcall_employers())))`);
  }
}
