import type { MigrationInterface, QueryRunner } from 'typeorm';
import { APP_ROLE } from './1795435000000-row-level-security.js';

/**
 * Ballot readiness (issue 12): contacts gain a postal address and the date it was last confirmed
 * (out-of-date addresses cost votes); a branch's industrial-action ballots (union, questions, the
 * eligible group as a target group, cut-off, opening and closing dates, the official result); and
 * each entitled member's chase state as an append-only history (`ballot_member_state`: the latest
 * row per member is the current state, each row says who changed it and when). The ballot is the
 * organisation's (row-level security: its organisation only; its branch is checked by the API);
 * the chase states are about people and have the people policy (visible when the contact is).
 */
export class Ballots1796600000000 implements MigrationInterface {
  name = 'Ballots1796600000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TYPE "public"."ballot_question" AS ENUM('STRIKE', 'ACTION_SHORT_OF_STRIKE')`);
    await q.query(`CREATE TABLE "ballot" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "organisation_id" uuid NOT NULL, "name" character varying(200) NOT NULL, "branch_id" uuid NOT NULL, "union_id" uuid NOT NULL, "questions" "public"."ballot_question" array NOT NULL, "eligible_group_data" jsonb NOT NULL DEFAULT '{}', "cut_off_date" date NOT NULL, "opening_date" date NOT NULL, "closing_date" date NOT NULL, "important_public_service" boolean NOT NULL DEFAULT false, "result_entitled" integer, "result_votes_cast" integer, "result_yes" integer, "result_no" integer, "result_spoilt" integer, "created_by_id" uuid, CONSTRAINT "ck_ballot_questions" CHECK (cardinality(questions) BETWEEN 1 AND 2), CONSTRAINT "ck_ballot_dates" CHECK (cut_off_date <= opening_date AND opening_date <= closing_date), CONSTRAINT "PK_20adac0e902c60e62fcb6f4cf9c" PRIMARY KEY ("id"))`);
    await q.query(`CREATE INDEX "ix_ballot_org_branch" ON "ballot"  ("organisation_id", "branch_id", "opening_date") `);
    await q.query(`CREATE TYPE "public"."ballot_chase_state" AS ENUM('NOT_CONTACTED', 'PLEDGED_YES', 'PLEDGED_NO', 'WONT_VOTE', 'PAPER_RECEIVED', 'VOTED', 'NEEDS_REPLACEMENT_PAPER')`);
    await q.query(`CREATE TABLE "ballot_member_state" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "organisation_id" uuid NOT NULL, "ballot_id" uuid NOT NULL, "contact_id" uuid NOT NULL, "state" "public"."ballot_chase_state" NOT NULL, "changed_by_id" uuid, CONSTRAINT "PK_87ad22e34bb7e11a9222118f1e1" PRIMARY KEY ("id"))`);
    await q.query(`CREATE INDEX "ix_ballot_member_state_contact" ON "ballot_member_state"  ("contact_id") `);
    await q.query(`CREATE INDEX "ix_ballot_member_state_latest" ON "ballot_member_state"  ("ballot_id", "contact_id", "created_at") `);
    await q.query(`ALTER TABLE "contact" ADD "postal_address_lines" character varying(300)`);
    await q.query(`ALTER TABLE "contact" ADD "postal_town" character varying(100)`);
    await q.query(`ALTER TABLE "contact" ADD "postal_postcode" character varying(10)`);
    await q.query(`ALTER TABLE "contact" ADD "address_confirmed_on" date`);
    await q.query(`ALTER TABLE "ballot" ADD CONSTRAINT "FK_22aef1f60cc4495e5911e1ff1ab" FOREIGN KEY ("organisation_id") REFERENCES "organisation"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    await q.query(`ALTER TABLE "ballot" ADD CONSTRAINT "FK_795d5ae7f925e00ca07502371f9" FOREIGN KEY ("branch_id", "organisation_id") REFERENCES "branch"("id","organisation_id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    await q.query(`ALTER TABLE "ballot" ADD CONSTRAINT "FK_5cb9bb375836d148eac39df679e" FOREIGN KEY ("union_id", "organisation_id") REFERENCES "trade_union"("id","organisation_id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    await q.query(`ALTER TABLE "ballot" ADD CONSTRAINT "FK_6dd853b88f1d18e69dcc4ce021d" FOREIGN KEY ("created_by_id") REFERENCES "app_user"("id") ON DELETE SET NULL ON UPDATE NO ACTION`);
    await q.query(`ALTER TABLE "ballot_member_state" ADD CONSTRAINT "FK_9eac46ab2d8495722ce3e1b1e4e" FOREIGN KEY ("ballot_id") REFERENCES "ballot"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await q.query(`ALTER TABLE "ballot_member_state" ADD CONSTRAINT "FK_6694c772ea53406762fcfa8dfc0" FOREIGN KEY ("contact_id") REFERENCES "contact"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await q.query(`ALTER TABLE "ballot_member_state" ADD CONSTRAINT "FK_21218a90862c395bb34731a87a6" FOREIGN KEY ("changed_by_id") REFERENCES "app_user"("id") ON DELETE SET NULL ON UPDATE NO ACTION`);

    // Row-level security, as for the workplace map (ballot) and the other tables about people (chase states).
    await q.query('ALTER TABLE ballot ENABLE ROW LEVEL SECURITY');
    await q.query(`CREATE POLICY ballot_org ON ballot TO ${APP_ROLE} USING (organisation_id = (SELECT rollcall_organisation()))`);
    await q.query('ALTER TABLE ballot_member_state ENABLE ROW LEVEL SECURITY');
    await q.query(`CREATE POLICY ballot_member_state_branch ON ballot_member_state TO ${APP_ROLE}
      USING (organisation_id = (SELECT rollcall_organisation()) AND EXISTS (SELECT 1 FROM contact c WHERE c.id = contact_id)
        AND EXISTS (SELECT 1 FROM ballot b WHERE b.id = ballot_id))`);
    // The history is append-only for the API: a change is a new row.
    await q.query(`REVOKE UPDATE ON ballot_member_state FROM ${APP_ROLE}`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP POLICY ballot_member_state_branch ON ballot_member_state');
    await q.query('DROP POLICY ballot_org ON ballot');
    await q.query(`ALTER TABLE "ballot_member_state" DROP CONSTRAINT "FK_21218a90862c395bb34731a87a6"`);
    await q.query(`ALTER TABLE "ballot_member_state" DROP CONSTRAINT "FK_6694c772ea53406762fcfa8dfc0"`);
    await q.query(`ALTER TABLE "ballot_member_state" DROP CONSTRAINT "FK_9eac46ab2d8495722ce3e1b1e4e"`);
    await q.query(`ALTER TABLE "ballot" DROP CONSTRAINT "FK_6dd853b88f1d18e69dcc4ce021d"`);
    await q.query(`ALTER TABLE "ballot" DROP CONSTRAINT "FK_5cb9bb375836d148eac39df679e"`);
    await q.query(`ALTER TABLE "ballot" DROP CONSTRAINT "FK_795d5ae7f925e00ca07502371f9"`);
    await q.query(`ALTER TABLE "ballot" DROP CONSTRAINT "FK_22aef1f60cc4495e5911e1ff1ab"`);
    await q.query(`ALTER TABLE "contact" DROP COLUMN "address_confirmed_on"`);
    await q.query(`ALTER TABLE "contact" DROP COLUMN "postal_postcode"`);
    await q.query(`ALTER TABLE "contact" DROP COLUMN "postal_town"`);
    await q.query(`ALTER TABLE "contact" DROP COLUMN "postal_address_lines"`);
    await q.query(`DROP INDEX "public"."ix_ballot_member_state_latest"`);
    await q.query(`DROP INDEX "public"."ix_ballot_member_state_contact"`);
    await q.query(`DROP TABLE "ballot_member_state"`);
    await q.query(`DROP TYPE "public"."ballot_chase_state"`);
    await q.query(`DROP INDEX "public"."ix_ballot_org_branch"`);
    await q.query(`DROP TABLE "ballot"`);
    await q.query(`DROP TYPE "public"."ballot_question"`);
  }
}
