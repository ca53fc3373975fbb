import type { MigrationInterface, QueryRunner } from 'typeorm';
import { APP_ROLE } from './1795435000000-row-level-security.js';

/** The policies this migration rewrites: each reads the identity once per statement instead of once per row. */
const PEOPLE_POLICIES = ['contact_branch ON contact', 'conversation_branch ON conversation', 'assessment_branch ON assessment',
  'contact_link_branch ON contact_link'];

/**
 * The contact policy, and the conversation, assessment and contact-link policies, read the caller's
 * identity through `(SELECT rollcall_...())`, as the posting, membership and rep-role policies
 * already do: an init plan, evaluated once per statement. Called bare, the functions are inlined
 * and run for every row: `current_setting` twice and the employer list parsed from text into a
 * uuid[] again for each contact a query touches, and for each row of the other tables, whose policy
 * probes `contact` (and so runs its policy) once per row. The rows each policy admits are the same.
 * The employer comparison stays an `= ANY(array)`, which an index can still take as its condition
 * (see ContactPolicyArray).
 */
export class PolicyIdentityOnce1796050000000 implements MigrationInterface {
  name = 'PolicyIdentityOnce1796050000000';

  async up(q: QueryRunner): Promise<void> {
    for (const p of PEOPLE_POLICIES) await q.query(`DROP POLICY ${p}`);
    await q.query(`CREATE POLICY contact_branch ON contact TO ${APP_ROLE}
      USING (organisation_id = (SELECT rollcall_organisation()) AND employer_id = ANY ((SELECT rollcall_employers())::uuid[]))`);
    for (const t of ['conversation', 'assessment']) {
      await q.query(`CREATE POLICY ${t}_branch ON ${t} TO ${APP_ROLE}
        USING (organisation_id = (SELECT rollcall_organisation()) AND EXISTS (SELECT 1 FROM contact c WHERE c.id = contact_id))`);
    }
    await q.query(`CREATE POLICY contact_link_branch ON contact_link TO ${APP_ROLE}
      USING (organisation_id = (SELECT rollcall_organisation()) AND EXISTS (SELECT 1 FROM contact c WHERE c.id = leader_id)
        AND EXISTS (SELECT 1 FROM contact c WHERE c.id = follower_id))`);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const p of PEOPLE_POLICIES) await q.query(`DROP POLICY ${p}`);
    await q.query(`CREATE POLICY contact_branch ON contact TO ${APP_ROLE}
      USING (organisation_id = rollcall_organisation() AND employer_id = ANY (rollcall_employers()))`);
    for (const t of ['conversation', 'assessment']) {
      await q.query(`CREATE POLICY ${t}_branch ON ${t} TO ${APP_ROLE}
        USING (organisation_id = rollcall_organisation() AND EXISTS (SELECT 1 FROM contact c WHERE c.id = contact_id))`);
    }
    await q.query(`CREATE POLICY contact_link_branch ON contact_link TO ${APP_ROLE}
      USING (organisation_id = rollcall_organisation() AND EXISTS (SELECT 1 FROM contact c WHERE c.id = leader_id)
        AND EXISTS (SELECT 1 FROM contact c WHERE c.id = follower_id))`);
  }
}
