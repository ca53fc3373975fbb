import type { MigrationInterface, QueryRunner } from 'typeorm';
import { APP_ROLE } from './1795435000000-row-level-security.js';

/** The case tables, each behind row-level security. */
const CASE_TABLES = ['case_file', 'case_team', 'case_link', 'case_meeting', 'case_custom_deadline', 'case_note'];
/** Content tables: visible exactly when their case is. */
const CONTENT_TABLES = ['case_meeting', 'case_custom_deadline', 'case_note'];

/**
 * Casework (issue 11): cases (`case_file`: CASE is an SQL keyword), their teams, links, meetings,
 * custom deadlines and notes; the summary, meeting notes and note text are bytea sealed by the
 * application (CaseCipher). Employers gain their nation's bank holidays and an appeal policy. The
 * audit log gains READ (case content read).
 *
 * Row-level security: a case, and everything of it, is visible to the API's role only inside the
 * caller's organisation, for a member the caller's branches cover (the contact policy), and only when
 * the caller is on the case's team or is secretary or admin of the case's branch. The request tells
 * the database who is asking (`rollcall.user_id`) and the branches whose cases it reads in full
 * (`rollcall.case_branch_ids`). The team is read by one narrow SECURITY DEFINER function
 * (`rollcall_my_cases`), so the case policy does not recurse through the team's own policy. A case
 * is also visible to whoever opened it in the transaction that opened it (its `created_at` is that
 * transaction's `now()`), so that its first team can be put on it. A new case must be of a member at
 * an employer its branch covers. Whether a person has an open case, without its content, comes from
 * one more narrow function (`rollcall_contacts_with_open_case`), limited to the caller's
 * organisation and branches.
 */
export class Casework1796100000000 implements MigrationInterface {
  name = 'Casework1796100000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TYPE "public"."case_type" AS ENUM('DISCIPLINARY', 'GRIEVANCE', 'CAPABILITY', 'SICKNESS_ABSENCE', 'BULLYING_HARASSMENT', 'WHISTLEBLOWING', 'APPEAL', 'EMPLOYMENT_TRIBUNAL', 'OTHER')`);
    await queryRunner.query(`CREATE TYPE "public"."case_status" AS ENUM('OPEN', 'AWAITING_MEETING', 'AWAITING_OUTCOME', 'APPEALED', 'CLOSED')`);
    await queryRunner.query(`CREATE TYPE "public"."case_outcome" AS ENUM('NO_CASE_TO_ANSWER', 'INFORMAL_ACTION', 'FIRST_WRITTEN_WARNING', 'FINAL_WRITTEN_WARNING', 'DISMISSAL', 'REDEPLOYMENT', 'UPHELD', 'PARTLY_UPHELD', 'NOT_UPHELD', 'SETTLED', 'WITHDRAWN')`);
    await queryRunner.query(`CREATE TABLE "case_file" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "organisation_id" uuid NOT NULL, "contact_id" uuid NOT NULL, "branch_id" uuid NOT NULL, "employer_id" uuid NOT NULL, "type" "public"."case_type" NOT NULL, "status" "public"."case_status" NOT NULL DEFAULT 'OPEN', "opened_on" date NOT NULL, "closed_on" date, "summary" bytea, "outcome" "public"."case_outcome", "consent_to_representation" boolean NOT NULL DEFAULT false, "consent_recorded_on" date, "act_date" date, "early_conciliation_start" date, "early_conciliation_certificate" date, "outcome_letter_date" date, "created_by_id" uuid, "deleted_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "ck_case_file_closed_after_opened" CHECK (closed_on IS NULL OR closed_on >= opened_on), CONSTRAINT "PK_911fb1b39fb664d0e88843036b9" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "ix_case_file_contact" ON "case_file"  ("contact_id") `);
    await queryRunner.query(`CREATE INDEX "ix_case_file_org_branch" ON "case_file"  ("organisation_id", "branch_id", "status") `);
    await queryRunner.query(`CREATE TABLE "case_link" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "case_id" uuid NOT NULL, "linked_case_id" uuid NOT NULL, "created_by_id" uuid, CONSTRAINT "uq_case_link" UNIQUE ("case_id", "linked_case_id"), CONSTRAINT "ck_case_link_not_self" CHECK (case_id <> linked_case_id), CONSTRAINT "PK_e80e18102707048fbbd0bdbc7f7" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "ix_case_link_linked" ON "case_link"  ("linked_case_id") `);
    await queryRunner.query(`CREATE TYPE "public"."case_team_role" AS ENUM('CASEWORKER', 'SECOND_CASEWORKER', 'REP')`);
    await queryRunner.query(`CREATE TABLE "case_team" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "case_id" uuid NOT NULL, "user_id" uuid NOT NULL, "role" "public"."case_team_role" NOT NULL, CONSTRAINT "uq_case_team_role" UNIQUE ("case_id", "role"), CONSTRAINT "uq_case_team_user" UNIQUE ("case_id", "user_id"), CONSTRAINT "PK_a2245725360f7d127d2cc802890" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "ix_case_team_user" ON "case_team"  ("user_id") `);
    await queryRunner.query(`CREATE TABLE "case_custom_deadline" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "case_id" uuid NOT NULL, "label" character varying(200) NOT NULL, "due" date NOT NULL, "done" boolean NOT NULL DEFAULT false, "created_by_id" uuid, CONSTRAINT "PK_2a7b7e965b62236e7544ec19efc" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "ix_case_custom_deadline_case_due" ON "case_custom_deadline"  ("case_id", "due") `);
    await queryRunner.query(`CREATE TYPE "public"."meeting_kind" AS ENUM('INVESTIGATION', 'DISCIPLINARY_HEARING', 'GRIEVANCE_HEARING', 'APPEAL_HEARING', 'OTHER')`);
    await queryRunner.query(`CREATE TABLE "case_meeting" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "case_id" uuid NOT NULL, "kind" "public"."meeting_kind" NOT NULL, "date" date NOT NULL, "time" TIME, "place" character varying(200), "panel" character varying(1000), "accompanied" boolean NOT NULL DEFAULT false, "accompanied_by" character varying(200), "outcome" character varying(1000), "notes" bytea, "created_by_id" uuid, CONSTRAINT "PK_cbf031a1c388c17ef7bab00867b" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "ix_case_meeting_case_date" ON "case_meeting"  ("case_id", "date") `);
    await queryRunner.query(`CREATE TABLE "case_note" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "case_id" uuid NOT NULL, "author_id" uuid NOT NULL, "written_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "body" bytea NOT NULL, CONSTRAINT "PK_7b0442af3f3d9273fb63d2799a2" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "ix_case_note_case_written" ON "case_note"  ("case_id", "written_at") `);
    await queryRunner.query(`CREATE TYPE "public"."bank_holiday_region" AS ENUM('ENGLAND_AND_WALES', 'SCOTLAND', 'NORTHERN_IRELAND')`);
    await queryRunner.query(`ALTER TABLE "employer" ADD "bank_holiday_region" "public"."bank_holiday_region" NOT NULL DEFAULT 'ENGLAND_AND_WALES'`);
    await queryRunner.query(`ALTER TABLE "employer" ADD "appeal_days" smallint`);
    await queryRunner.query(`CREATE TYPE "public"."day_counting" AS ENUM('WORKING', 'CALENDAR')`);
    await queryRunner.query(`ALTER TABLE "employer" ADD "appeal_counting" "public"."day_counting"`);
    await queryRunner.query(`ALTER TYPE "public"."audit_action" ADD VALUE 'READ'`);
    await queryRunner.query(`ALTER TABLE "employer" ADD CONSTRAINT "ck_employer_appeal_policy" CHECK ((appeal_days IS NULL) = (appeal_counting IS NULL))`);
    await queryRunner.query(`ALTER TABLE "contact" ADD CONSTRAINT "uq_contact_org_id" UNIQUE ("organisation_id", "id")`);
    await queryRunner.query(`ALTER TABLE "branch" ADD CONSTRAINT "uq_branch_org_id" UNIQUE ("organisation_id", "id")`);
    await queryRunner.query(`ALTER TABLE "case_file" ADD CONSTRAINT "FK_c4df12084ff1606f4d872901982" FOREIGN KEY ("organisation_id") REFERENCES "organisation"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "case_file" ADD CONSTRAINT "FK_ecc2c4bde35840c2598611668b9" FOREIGN KEY ("contact_id", "organisation_id") REFERENCES "contact"("id","organisation_id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "case_file" ADD CONSTRAINT "FK_6677eecbb15cf6cb487be3f9d03" FOREIGN KEY ("branch_id", "organisation_id") REFERENCES "branch"("id","organisation_id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "case_file" ADD CONSTRAINT "FK_1f9640980ce84c975498c1479a0" FOREIGN KEY ("employer_id", "organisation_id") REFERENCES "employer"("id","organisation_id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "case_file" ADD CONSTRAINT "FK_aded9865b93948af2d5fb9b9d65" FOREIGN KEY ("created_by_id") REFERENCES "app_user"("id") ON DELETE SET NULL ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "case_link" ADD CONSTRAINT "FK_343c283904435f8650298f633a4" FOREIGN KEY ("case_id") REFERENCES "case_file"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "case_link" ADD CONSTRAINT "FK_c1db669e5de26f024f7688c55c3" FOREIGN KEY ("linked_case_id") REFERENCES "case_file"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "case_link" ADD CONSTRAINT "FK_798d112be290d135ee94beee74c" FOREIGN KEY ("created_by_id") REFERENCES "app_user"("id") ON DELETE SET NULL ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "case_team" ADD CONSTRAINT "FK_288b952a1627353ed5b7e56a2dd" FOREIGN KEY ("case_id") REFERENCES "case_file"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "case_team" ADD CONSTRAINT "FK_51c8765017765211d830aa6ad56" FOREIGN KEY ("user_id") REFERENCES "app_user"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "case_custom_deadline" ADD CONSTRAINT "FK_e7f6b775861fe24f83f7a19cfe5" FOREIGN KEY ("case_id") REFERENCES "case_file"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "case_custom_deadline" ADD CONSTRAINT "FK_805c1ada05a74b1df196e323af2" FOREIGN KEY ("created_by_id") REFERENCES "app_user"("id") ON DELETE SET NULL ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "case_meeting" ADD CONSTRAINT "FK_4144d793374c7036d80d92a4d30" FOREIGN KEY ("case_id") REFERENCES "case_file"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "case_meeting" ADD CONSTRAINT "FK_ba4a1a52eadeae0d6e80d459b36" FOREIGN KEY ("created_by_id") REFERENCES "app_user"("id") ON DELETE SET NULL ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "case_note" ADD CONSTRAINT "FK_e9997cf60eeebccc538b273d76e" FOREIGN KEY ("case_id") REFERENCES "case_file"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "case_note" ADD CONSTRAINT "FK_0d34d6c06378d0316a0f583aab0" FOREIGN KEY ("author_id") REFERENCES "app_user"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);

    const q = (sql: string) => queryRunner.query(sql);
    await q(`CREATE FUNCTION rollcall_user() RETURNS uuid LANGUAGE sql STABLE PARALLEL SAFE AS
      $$ SELECT nullif(current_setting('rollcall.user_id', true), '')::uuid $$`);
    await q(`CREATE FUNCTION rollcall_case_branches() RETURNS uuid[] LANGUAGE sql STABLE PARALLEL SAFE AS
      $$ SELECT coalesce(string_to_array(nullif(current_setting('rollcall.case_branch_ids', true), ''), ',')::uuid[], '{}') $$`);
    await q(`CREATE FUNCTION rollcall_my_cases() RETURNS uuid[] LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS
      $$ SELECT coalesce(array_agg(t.case_id), '{}') FROM case_team t WHERE t.user_id = rollcall_user() $$`);
    await q(`CREATE FUNCTION rollcall_contacts_with_open_case(p_contacts uuid[]) RETURNS SETOF uuid LANGUAGE sql STABLE SECURITY DEFINER
      SET search_path = public, pg_temp AS
      $$ SELECT DISTINCT k.contact_id FROM case_file k JOIN contact c ON c.id = k.contact_id
         WHERE k.contact_id = ANY (p_contacts) AND k.deleted_at IS NULL AND k.status <> 'CLOSED'
           AND k.organisation_id = rollcall_organisation() AND c.organisation_id = rollcall_organisation()
           AND c.deleted_at IS NULL AND c.employer_id = ANY (rollcall_employers()) $$`);
    for (const f of ['rollcall_my_cases()', 'rollcall_contacts_with_open_case(uuid[])']) {
      await q(`REVOKE ALL ON FUNCTION ${f} FROM PUBLIC`);
      await q(`GRANT EXECUTE ON FUNCTION ${f} TO ${APP_ROLE}`);
    }

    for (const t of CASE_TABLES) await q(`ALTER TABLE ${t} ENABLE ROW LEVEL SECURITY`);
    // The identity is read once per statement ((SELECT f()): an init plan), as the people policies read it (PolicyIdentityOnce).
    await q(`CREATE POLICY case_file_content ON case_file TO ${APP_ROLE}
      USING (organisation_id = (SELECT rollcall_organisation()) AND EXISTS (SELECT 1 FROM contact c WHERE c.id = case_file.contact_id)
        AND (branch_id = ANY ((SELECT rollcall_case_branches())::uuid[]) OR id IN (SELECT unnest(rollcall_my_cases()))
          OR (created_by_id = (SELECT rollcall_user()) AND created_at = now())))`);
    await q(`CREATE POLICY case_file_open ON case_file AS RESTRICTIVE FOR INSERT TO ${APP_ROLE}
      WITH CHECK (EXISTS (SELECT 1 FROM contact c WHERE c.id = case_file.contact_id AND c.employer_id = case_file.employer_id)
        AND EXISTS (SELECT 1 FROM branch_employer be WHERE be.branch_id = case_file.branch_id AND be.employer_id = case_file.employer_id))`);
    await q(`CREATE POLICY case_team_content ON case_team TO ${APP_ROLE}
      USING (EXISTS (SELECT 1 FROM case_file k WHERE k.id = case_team.case_id))`);
    await q(`CREATE POLICY case_link_content ON case_link TO ${APP_ROLE}
      USING (EXISTS (SELECT 1 FROM case_file k WHERE k.id = case_link.case_id) AND EXISTS (SELECT 1 FROM case_file k WHERE k.id = case_link.linked_case_id))`);
    for (const t of CONTENT_TABLES) {
      await q(`CREATE POLICY ${t}_content ON ${t} TO ${APP_ROLE} USING (EXISTS (SELECT 1 FROM case_file k WHERE k.id = ${t}.case_id))`);
    }
    // A note is written by whoever signs it, and kept as written; a case is never deleted by the API, only marked deleted.
    await q(`CREATE POLICY case_note_author ON case_note AS RESTRICTIVE FOR INSERT TO ${APP_ROLE} WITH CHECK (author_id = (SELECT rollcall_user()))`);
    await q(`REVOKE UPDATE ON case_note FROM ${APP_ROLE}`);
    await q(`REVOKE DELETE ON case_file FROM ${APP_ROLE}`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    const q = (sql: string) => queryRunner.query(sql);
    await q('DROP POLICY case_note_author ON case_note');
    for (const t of CONTENT_TABLES) await q(`DROP POLICY ${t}_content ON ${t}`);
    await q('DROP POLICY case_link_content ON case_link');
    await q('DROP POLICY case_team_content ON case_team');
    await q('DROP POLICY case_file_open ON case_file');
    await q('DROP POLICY case_file_content ON case_file');
    await q('DROP FUNCTION rollcall_contacts_with_open_case(uuid[])');
    await q('DROP FUNCTION rollcall_my_cases()');
    await q('DROP FUNCTION rollcall_case_branches()');
    await q('DROP FUNCTION rollcall_user()');
    // The audit action READ stays (PostgreSQL cannot drop an enum value, and the log may hold READ entries).
    await queryRunner.query(`ALTER TABLE "case_note" DROP CONSTRAINT "FK_0d34d6c06378d0316a0f583aab0"`);
    await queryRunner.query(`ALTER TABLE "case_note" DROP CONSTRAINT "FK_e9997cf60eeebccc538b273d76e"`);
    await queryRunner.query(`ALTER TABLE "case_meeting" DROP CONSTRAINT "FK_ba4a1a52eadeae0d6e80d459b36"`);
    await queryRunner.query(`ALTER TABLE "case_meeting" DROP CONSTRAINT "FK_4144d793374c7036d80d92a4d30"`);
    await queryRunner.query(`ALTER TABLE "case_custom_deadline" DROP CONSTRAINT "FK_805c1ada05a74b1df196e323af2"`);
    await queryRunner.query(`ALTER TABLE "case_custom_deadline" DROP CONSTRAINT "FK_e7f6b775861fe24f83f7a19cfe5"`);
    await queryRunner.query(`ALTER TABLE "case_team" DROP CONSTRAINT "FK_51c8765017765211d830aa6ad56"`);
    await queryRunner.query(`ALTER TABLE "case_team" DROP CONSTRAINT "FK_288b952a1627353ed5b7e56a2dd"`);
    await queryRunner.query(`ALTER TABLE "case_link" DROP CONSTRAINT "FK_798d112be290d135ee94beee74c"`);
    await queryRunner.query(`ALTER TABLE "case_link" DROP CONSTRAINT "FK_c1db669e5de26f024f7688c55c3"`);
    await queryRunner.query(`ALTER TABLE "case_link" DROP CONSTRAINT "FK_343c283904435f8650298f633a4"`);
    await queryRunner.query(`ALTER TABLE "case_file" DROP CONSTRAINT "FK_aded9865b93948af2d5fb9b9d65"`);
    await queryRunner.query(`ALTER TABLE "case_file" DROP CONSTRAINT "FK_1f9640980ce84c975498c1479a0"`);
    await queryRunner.query(`ALTER TABLE "case_file" DROP CONSTRAINT "FK_6677eecbb15cf6cb487be3f9d03"`);
    await queryRunner.query(`ALTER TABLE "case_file" DROP CONSTRAINT "FK_ecc2c4bde35840c2598611668b9"`);
    await queryRunner.query(`ALTER TABLE "case_file" DROP CONSTRAINT "FK_c4df12084ff1606f4d872901982"`);
    await queryRunner.query(`ALTER TABLE "branch" DROP CONSTRAINT "uq_branch_org_id"`);
    await queryRunner.query(`ALTER TABLE "contact" DROP CONSTRAINT "uq_contact_org_id"`);
    await queryRunner.query(`ALTER TABLE "employer" DROP CONSTRAINT "ck_employer_appeal_policy"`);
    await queryRunner.query(`ALTER TABLE "employer" DROP COLUMN "appeal_counting"`);
    await queryRunner.query(`DROP TYPE "public"."day_counting"`);
    await queryRunner.query(`ALTER TABLE "employer" DROP COLUMN "appeal_days"`);
    await queryRunner.query(`ALTER TABLE "employer" DROP COLUMN "bank_holiday_region"`);
    await queryRunner.query(`DROP TYPE "public"."bank_holiday_region"`);
    await queryRunner.query(`DROP INDEX "public"."ix_case_note_case_written"`);
    await queryRunner.query(`DROP TABLE "case_note"`);
    await queryRunner.query(`DROP INDEX "public"."ix_case_meeting_case_date"`);
    await queryRunner.query(`DROP TABLE "case_meeting"`);
    await queryRunner.query(`DROP TYPE "public"."meeting_kind"`);
    await queryRunner.query(`DROP INDEX "public"."ix_case_custom_deadline_case_due"`);
    await queryRunner.query(`DROP TABLE "case_custom_deadline"`);
    await queryRunner.query(`DROP INDEX "public"."ix_case_team_user"`);
    await queryRunner.query(`DROP TABLE "case_team"`);
    await queryRunner.query(`DROP TYPE "public"."case_team_role"`);
    await queryRunner.query(`DROP INDEX "public"."ix_case_link_linked"`);
    await queryRunner.query(`DROP TABLE "case_link"`);
    await queryRunner.query(`DROP INDEX "public"."ix_case_file_org_branch"`);
    await queryRunner.query(`DROP INDEX "public"."ix_case_file_contact"`);
    await queryRunner.query(`DROP TABLE "case_file"`);
    await queryRunner.query(`DROP TYPE "public"."case_outcome"`);
    await queryRunner.query(`DROP TYPE "public"."case_status"`);
    await queryRunner.query(`DROP TYPE "public"."case_type"`);
  }
}
