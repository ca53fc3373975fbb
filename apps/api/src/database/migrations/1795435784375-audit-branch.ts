import type { MigrationInterface, QueryRunner } from 'typeorm';
import { APP_ROLE } from './1795435000000-row-level-security.js';

/**
 * Audit entries about a person carry that person's employer, so only their branch's admins read
 * them (in the API and in the row-level security policy). Existing entries are filled in once,
 * with the append-only trigger paused inside this migration's transaction.
 */
export class AuditBranch1795435784375 implements MigrationInterface {
  name = 'AuditBranch1795435784375';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE "audit_event" ADD "employer_id" uuid`);
    await q.query('ALTER TABLE audit_event DISABLE TRIGGER audit_event_no_update_delete');
    await q.query(`UPDATE audit_event a SET employer_id = c.employer_id FROM contact c
      WHERE c.id = CASE WHEN a.entity_type = 'Contact' THEN a.entity_id
                        ELSE nullif(coalesce(a.after ->> 'contactId', a.before ->> 'contactId'), '')::uuid END
        AND a.entity_type IN ('Contact', 'Membership', 'RepRole')`);
    await q.query('ALTER TABLE audit_event ENABLE TRIGGER audit_event_no_update_delete');
    await q.query('DROP POLICY audit_event_read ON audit_event');
    await q.query(`CREATE POLICY audit_event_read ON audit_event FOR SELECT TO ${APP_ROLE}
      USING (organisation_id = (SELECT rollcall_organisation())
        AND (employer_id IS NULL OR employer_id IN (SELECT unnest(rollcall_employers()))))`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP POLICY audit_event_read ON audit_event');
    await q.query(`CREATE POLICY audit_event_read ON audit_event FOR SELECT TO ${APP_ROLE}
      USING (organisation_id = (SELECT rollcall_organisation()))`);
    await q.query(`ALTER TABLE "audit_event" DROP COLUMN "employer_id"`);
  }
}
