import type { MigrationInterface, QueryRunner } from 'typeorm';
import { APP_ROLE } from './1795435000000-row-level-security.js';

/** Tables about people that the organising module adds, each behind row-level security like the rest. */
const ORGANISING_TABLES = ['issue_tag', 'conversation', 'conversation_issue_tag', 'assessment', 'contact_link'];

/**
 * Conversations, issue tags, the assessment history, organic leaders and who follows whom.
 */
export class Organising1795437353066 implements MigrationInterface {
  name = 'Organising1795437353066';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE "issue_tag" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "organisation_id" uuid NOT NULL, "name" character varying NOT NULL, "active" boolean NOT NULL DEFAULT true, CONSTRAINT "PK_e140fc0bd65e074bab60060b695" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE UNIQUE INDEX "uq_issue_tag_org_name" ON "issue_tag"  ("organisation_id", "name") `);
    await queryRunner.query(`CREATE TYPE "public"."conversation_channel" AS ENUM('IN_PERSON', 'PHONE', 'VIDEO', 'MESSAGE')`);
    await queryRunner.query(`CREATE TYPE "public"."conversation_type" AS ENUM('ONE_TO_ONE', 'GROUP', 'HOME_VISIT', 'PHONE_BANK')`);
    await queryRunner.query(`CREATE TYPE "public"."aeiou_step" AS ENUM('AGITATE', 'EDUCATE', 'INOCULATE', 'ORGANISE', 'UP')`);
    await queryRunner.query(`CREATE TYPE "public"."ask_answer" AS ENUM('YES', 'NO', 'MAYBE')`);
    await queryRunner.query(`CREATE TABLE "conversation" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "organisation_id" uuid NOT NULL, "contact_id" uuid NOT NULL, "rep_user_id" uuid NOT NULL, "occurred_at" TIMESTAMP WITH TIME ZONE NOT NULL, "channel" "public"."conversation_channel" NOT NULL, "type" "public"."conversation_type" NOT NULL, "aeiou_steps" "public"."aeiou_step" array NOT NULL DEFAULT '{}', "ask" character varying(500), "answer" "public"."ask_answer", "assessment" smallint, "notes" text, "next_step" character varying(500), "follow_up_date" date, CONSTRAINT "PK_864528ec4274360a40f66c29845" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "ix_conversation_rep_follow_up" ON "conversation"  ("rep_user_id", "follow_up_date") `);
    await queryRunner.query(`CREATE INDEX "ix_conversation_contact_time" ON "conversation"  ("contact_id", "occurred_at") `);
    await queryRunner.query(`CREATE TABLE "assessment" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "organisation_id" uuid NOT NULL, "contact_id" uuid NOT NULL, "value" smallint NOT NULL, "assessed_at" TIMESTAMP WITH TIME ZONE NOT NULL, "assessed_by_id" uuid, "conversation_id" uuid, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_c511a7dc128256876b6b1719401" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "ix_assessment_contact_time" ON "assessment"  ("contact_id", "assessed_at") `);
    await queryRunner.query(`CREATE TABLE "contact_link" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "organisation_id" uuid NOT NULL, "leader_id" uuid NOT NULL, "follower_id" uuid NOT NULL, "created_by_id" uuid, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "ck_contact_link_not_self" CHECK ("leader_id" <> "follower_id"), CONSTRAINT "PK_1ad354d4b6200f651eaf98c97e9" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "ix_contact_link_follower" ON "contact_link"  ("follower_id") `);
    await queryRunner.query(`CREATE UNIQUE INDEX "uq_contact_link" ON "contact_link"  ("leader_id", "follower_id") `);
    await queryRunner.query(`CREATE TABLE "conversation_issue_tag" ("conversation_id" uuid NOT NULL, "issue_tag_id" uuid NOT NULL, CONSTRAINT "PK_dddc469a2b08bafe666e99d7932" PRIMARY KEY ("conversation_id", "issue_tag_id"))`);
    await queryRunner.query(`CREATE INDEX "IDX_003559a1b3da7873d05a240d93" ON "conversation_issue_tag"  ("conversation_id") `);
    await queryRunner.query(`CREATE INDEX "IDX_0206163b469754c39f6e2330ca" ON "conversation_issue_tag"  ("issue_tag_id") `);
    await queryRunner.query(`ALTER TABLE "contact" ADD "leader" boolean NOT NULL DEFAULT false`);
    await queryRunner.query(`ALTER TABLE "contact" ADD "leader_reason" character varying(500)`);
    await queryRunner.query(`ALTER TABLE "contact" ADD "leader_marked_by_id" uuid`);
    await queryRunner.query(`ALTER TABLE "contact" ADD "leader_marked_at" TIMESTAMP WITH TIME ZONE`);
    await queryRunner.query(`ALTER TABLE "conversation" ADD CONSTRAINT "FK_497e6b0cfc02cd94483f194b8bc" FOREIGN KEY ("contact_id") REFERENCES "contact"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "conversation" ADD CONSTRAINT "FK_5480fac703006ac6d162906db96" FOREIGN KEY ("rep_user_id") REFERENCES "app_user"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "assessment" ADD CONSTRAINT "FK_74fa1dfd68b5a1bafe67f125658" FOREIGN KEY ("contact_id") REFERENCES "contact"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "assessment" ADD CONSTRAINT "FK_9d7bf17c297f02dda57f6f87ec2" FOREIGN KEY ("assessed_by_id") REFERENCES "app_user"("id") ON DELETE SET NULL ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "assessment" ADD CONSTRAINT "FK_bba0d8cd517f5251463b3ed9d83" FOREIGN KEY ("conversation_id") REFERENCES "conversation"("id") ON DELETE SET NULL ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "contact_link" ADD CONSTRAINT "FK_793b0f90570845c6a314218621b" FOREIGN KEY ("leader_id") REFERENCES "contact"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "contact_link" ADD CONSTRAINT "FK_17f9c127c1f5b580ef53e0b29b2" FOREIGN KEY ("follower_id") REFERENCES "contact"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "conversation_issue_tag" ADD CONSTRAINT "FK_003559a1b3da7873d05a240d93d" FOREIGN KEY ("conversation_id") REFERENCES "conversation"("id") ON DELETE CASCADE ON UPDATE CASCADE`);
    await queryRunner.query(`ALTER TABLE "conversation_issue_tag" ADD CONSTRAINT "FK_0206163b469754c39f6e2330ca0" FOREIGN KEY ("issue_tag_id") REFERENCES "issue_tag"("id") ON DELETE CASCADE ON UPDATE CASCADE`);
    // Row-level security, as for the other tables about people (see RowLevelSecurity).
    for (const t of ORGANISING_TABLES) await queryRunner.query(`ALTER TABLE ${t} ENABLE ROW LEVEL SECURITY`);
    await queryRunner.query(`CREATE POLICY issue_tag_org ON issue_tag TO ${APP_ROLE} USING (organisation_id = rollcall_organisation())`);
    for (const t of ['conversation', 'assessment']) {
      await queryRunner.query(`CREATE POLICY ${t}_branch ON ${t} TO ${APP_ROLE}
        USING (organisation_id = rollcall_organisation() AND EXISTS (SELECT 1 FROM contact c WHERE c.id = contact_id))`);
    }
    await queryRunner.query(`CREATE POLICY conversation_issue_tag_branch ON conversation_issue_tag TO ${APP_ROLE}
      USING (EXISTS (SELECT 1 FROM conversation c WHERE c.id = conversation_id))`);
    await queryRunner.query(`CREATE POLICY contact_link_branch ON contact_link TO ${APP_ROLE}
      USING (organisation_id = rollcall_organisation() AND EXISTS (SELECT 1 FROM contact c WHERE c.id = leader_id)
        AND EXISTS (SELECT 1 FROM contact c WHERE c.id = follower_id))`);
    // The assessment history is kept: the API may add to it (and remove a mistaken conversation's), never rewrite it.
    await queryRunner.query(`REVOKE UPDATE ON assessment FROM ${APP_ROLE}`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const p of ['issue_tag_org ON issue_tag', 'conversation_branch ON conversation', 'assessment_branch ON assessment',
      'conversation_issue_tag_branch ON conversation_issue_tag', 'contact_link_branch ON contact_link']) {
      await queryRunner.query(`DROP POLICY ${p}`);
    }
    await queryRunner.query(`ALTER TABLE "conversation_issue_tag" DROP CONSTRAINT "FK_0206163b469754c39f6e2330ca0"`);
    await queryRunner.query(`ALTER TABLE "conversation_issue_tag" DROP CONSTRAINT "FK_003559a1b3da7873d05a240d93d"`);
    await queryRunner.query(`ALTER TABLE "contact_link" DROP CONSTRAINT "FK_17f9c127c1f5b580ef53e0b29b2"`);
    await queryRunner.query(`ALTER TABLE "contact_link" DROP CONSTRAINT "FK_793b0f90570845c6a314218621b"`);
    await queryRunner.query(`ALTER TABLE "assessment" DROP CONSTRAINT "FK_bba0d8cd517f5251463b3ed9d83"`);
    await queryRunner.query(`ALTER TABLE "assessment" DROP CONSTRAINT "FK_9d7bf17c297f02dda57f6f87ec2"`);
    await queryRunner.query(`ALTER TABLE "assessment" DROP CONSTRAINT "FK_74fa1dfd68b5a1bafe67f125658"`);
    await queryRunner.query(`ALTER TABLE "conversation" DROP CONSTRAINT "FK_5480fac703006ac6d162906db96"`);
    await queryRunner.query(`ALTER TABLE "conversation" DROP CONSTRAINT "FK_497e6b0cfc02cd94483f194b8bc"`);
    await queryRunner.query(`ALTER TABLE "contact" DROP COLUMN "leader_marked_at"`);
    await queryRunner.query(`ALTER TABLE "contact" DROP COLUMN "leader_marked_by_id"`);
    await queryRunner.query(`ALTER TABLE "contact" DROP COLUMN "leader_reason"`);
    await queryRunner.query(`ALTER TABLE "contact" DROP COLUMN "leader"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_0206163b469754c39f6e2330ca"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_003559a1b3da7873d05a240d93"`);
    await queryRunner.query(`DROP TABLE "conversation_issue_tag"`);
    await queryRunner.query(`DROP INDEX "public"."uq_contact_link"`);
    await queryRunner.query(`DROP INDEX "public"."ix_contact_link_follower"`);
    await queryRunner.query(`DROP TABLE "contact_link"`);
    await queryRunner.query(`DROP INDEX "public"."ix_assessment_contact_time"`);
    await queryRunner.query(`DROP TABLE "assessment"`);
    await queryRunner.query(`DROP INDEX "public"."ix_conversation_contact_time"`);
    await queryRunner.query(`DROP INDEX "public"."ix_conversation_rep_follow_up"`);
    await queryRunner.query(`DROP TABLE "conversation"`);
    await queryRunner.query(`DROP TYPE "public"."ask_answer"`);
    await queryRunner.query(`DROP TYPE "public"."aeiou_step"`);
    await queryRunner.query(`DROP TYPE "public"."conversation_type"`);
    await queryRunner.query(`DROP TYPE "public"."conversation_channel"`);
    await queryRunner.query(`DROP INDEX "public"."uq_issue_tag_org_name"`);
    await queryRunner.query(`DROP TABLE "issue_tag"`);
  }
}
