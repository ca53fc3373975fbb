import type { MigrationInterface, QueryRunner } from 'typeorm';
import { APP_ROLE } from './1795435000000-row-level-security.js';

/**
 * Duplicates and reversible merging of contacts (issue 14).
 *
 * - `pg_trgm` (a trusted extension: the database's owner may create it) gives `similarity()`, for
 *   similar names on the same ward; the pairs are found set-based per ward, so no trigram index is
 *   needed. Lower-cased email and employee-number indexes serve the other reasons at scale.
 * - `contact_merge`: one merge, with exactly what moved (row ids per table and column), what was
 *   absorbed on a collision (whole rows, so undo can put them back), the postings it ended and the
 *   kept contact's fields it overwrote; `undone_at` once undone. It names two contacts, the merged
 *   one soft-deleted, so it is not a PERSON_OWNED table (the door's id conditions skip deleted
 *   contacts): the API reads it through the door's contact-alias condition on both, and row-level
 *   security admits a row when both contacts are visible.
 * - `duplicate_dismissal`: a pair judged "not the same person" (`low_id` < `high_id`), not shown again.
 * - Assessments and ballot chase states stay append-only for the API in what they say; the app role
 *   may change their `contact_id` alone (a merge moves them, an undo moves them back).
 * - `rollcall_case_count(contact)`: how many live cases a contact of the caller's organisation has,
 *   seen or not (a SECURITY DEFINER count, nothing else): a merge refuses a contact with a case the
 *   caller may not see, rather than move it unseen or say anything about it.
 */
export class ContactMerges1797200000000 implements MigrationInterface {
  name = 'ContactMerges1797200000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query('CREATE EXTENSION IF NOT EXISTS pg_trgm');
    await q.query(`CREATE INDEX "ix_contact_org_work_email" ON "contact" ("organisation_id", lower(work_email)) WHERE work_email IS NOT NULL AND deleted_at IS NULL`);
    await q.query(`CREATE INDEX "ix_contact_org_personal_email" ON "contact" ("organisation_id", lower(personal_email)) WHERE personal_email IS NOT NULL AND deleted_at IS NULL`);
    await q.query(`CREATE INDEX "ix_contact_org_employee_number" ON "contact" ("organisation_id", "employee_number") WHERE employee_number IS NOT NULL AND deleted_at IS NULL`);

    await q.query(`CREATE TABLE "contact_merge" (
      "id" uuid NOT NULL DEFAULT gen_random_uuid() PRIMARY KEY,
      "organisation_id" uuid NOT NULL,
      "kept_id" uuid NOT NULL,
      "merged_id" uuid NOT NULL,
      "employer_id" uuid NOT NULL,
      "merged_by_id" uuid REFERENCES "app_user"("id") ON DELETE SET NULL,
      "merged_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
      "fields" jsonb NOT NULL DEFAULT '{}',
      "moved" jsonb NOT NULL DEFAULT '{}',
      "absorbed" jsonb NOT NULL DEFAULT '[]',
      "ended" jsonb NOT NULL DEFAULT '[]',
      "undone_at" TIMESTAMP WITH TIME ZONE,
      "undone_by_id" uuid REFERENCES "app_user"("id") ON DELETE SET NULL,
      CONSTRAINT "ck_contact_merge_two" CHECK (kept_id <> merged_id),
      CONSTRAINT "fk_contact_merge_kept" FOREIGN KEY ("organisation_id", "kept_id") REFERENCES "contact"("organisation_id", "id") ON DELETE CASCADE,
      CONSTRAINT "fk_contact_merge_merged" FOREIGN KEY ("organisation_id", "merged_id") REFERENCES "contact"("organisation_id", "id") ON DELETE CASCADE
    )`);
    await q.query('CREATE INDEX "ix_contact_merge_kept" ON "contact_merge" ("kept_id", "merged_at")');
    await q.query('CREATE INDEX "ix_contact_merge_merged" ON "contact_merge" ("merged_id")');

    await q.query(`CREATE TABLE "duplicate_dismissal" (
      "organisation_id" uuid NOT NULL,
      "low_id" uuid NOT NULL,
      "high_id" uuid NOT NULL,
      "dismissed_by_id" uuid REFERENCES "app_user"("id") ON DELETE SET NULL,
      "dismissed_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
      CONSTRAINT "pk_duplicate_dismissal" PRIMARY KEY ("low_id", "high_id"),
      CONSTRAINT "ck_duplicate_dismissal_order" CHECK (low_id < high_id),
      CONSTRAINT "fk_duplicate_dismissal_low" FOREIGN KEY ("organisation_id", "low_id") REFERENCES "contact"("organisation_id", "id") ON DELETE CASCADE,
      CONSTRAINT "fk_duplicate_dismissal_high" FOREIGN KEY ("organisation_id", "high_id") REFERENCES "contact"("organisation_id", "id") ON DELETE CASCADE
    )`);

    // Assessments and ballot chase states are append-only for the API (what they say never changes);
    // whose they are may change, by a merge and its undo: that one column alone.
    await q.query(`GRANT UPDATE (contact_id) ON assessment, ballot_member_state TO ${APP_ROLE}`);
    await q.query(`CREATE FUNCTION rollcall_case_count(p_contact uuid) RETURNS integer LANGUAGE sql STABLE SECURITY DEFINER
      SET search_path = public, pg_temp AS
      $$ SELECT count(*)::int FROM case_file k WHERE k.contact_id = p_contact AND k.deleted_at IS NULL
           AND k.organisation_id = rollcall_organisation()
           AND EXISTS (SELECT 1 FROM contact c WHERE c.id = p_contact AND c.organisation_id = rollcall_organisation()
             AND c.employer_id = ANY (rollcall_employers())) $$`);
    await q.query('REVOKE ALL ON FUNCTION rollcall_case_count(uuid) FROM PUBLIC');
    await q.query(`GRANT EXECUTE ON FUNCTION rollcall_case_count(uuid) TO ${APP_ROLE}`);

    for (const [t, a, b] of [['contact_merge', 'kept_id', 'merged_id'], ['duplicate_dismissal', 'low_id', 'high_id']]) {
      await q.query(`ALTER TABLE ${t} ENABLE ROW LEVEL SECURITY`);
      await q.query(`CREATE POLICY ${t}_branch ON ${t} TO ${APP_ROLE}
        USING (organisation_id = (SELECT rollcall_organisation()) AND EXISTS (SELECT 1 FROM contact c WHERE c.id = ${a})
          AND EXISTS (SELECT 1 FROM contact c WHERE c.id = ${b}))`);
      await q.query(`GRANT SELECT, INSERT, UPDATE, DELETE ON ${t} TO ${APP_ROLE}`);
    }
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE "duplicate_dismissal"');
    await q.query('DROP TABLE "contact_merge"');
    await q.query('DROP FUNCTION rollcall_case_count(uuid)');
    await q.query(`REVOKE UPDATE (contact_id) ON assessment, ballot_member_state FROM ${APP_ROLE}`);
    await q.query('DROP INDEX "public"."ix_contact_org_employee_number"');
    await q.query('DROP INDEX "public"."ix_contact_org_personal_email"');
    await q.query('DROP INDEX "public"."ix_contact_org_work_email"');
    // pg_trgm stays: other features (the import's matching) may use it.
  }
}
