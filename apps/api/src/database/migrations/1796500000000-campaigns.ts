import type { MigrationInterface, QueryRunner } from 'typeorm';
import { APP_ROLE } from './1795435000000-row-level-security.js';

/**
 * Campaigns, their actions and who took part (issue 12). A campaign belongs to a branch of an
 * organisation and names the organisation's unions involved (`campaign_union`); an action belongs to
 * a campaign; participation is one row per action and contact (the latest state recorded wins). An
 * action with participation recorded on it cannot be deleted (nor, so, its campaign). Branches gain a
 * structure-test threshold (percent, 50 by default).
 *
 * Row-level security: campaigns, their unions and actions are the organisation's own (as its
 * workplace map is); a participation row is about a person, so it is visible exactly when its
 * contact is (as a conversation is), inside the caller's organisation.
 */
/** The new tables, each behind row-level security. */
export const CAMPAIGN_TABLES = ['campaign', 'campaign_union', 'campaign_action', 'participation'];
const TABLES = CAMPAIGN_TABLES;

export class Campaigns1796500000000 implements MigrationInterface {
  name = 'Campaigns1796500000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE "campaign" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "organisation_id" uuid NOT NULL, "branch_id" uuid NOT NULL, "name" character varying(200) NOT NULL, "goal" text, "target_participants" integer, "start_date" date NOT NULL, "end_date" date, "join_by_date" date, "recruitment_target" integer, "target_group" jsonb NOT NULL, "created_by_id" uuid, CONSTRAINT "uq_campaign_org_id" UNIQUE ("organisation_id", "id"), CONSTRAINT "ck_campaign_targets" CHECK ((target_participants IS NULL OR target_participants > 0) AND (recruitment_target IS NULL OR recruitment_target > 0)), CONSTRAINT "ck_campaign_ends_after_start" CHECK (end_date IS NULL OR end_date >= start_date), CONSTRAINT "PK_0ce34d26e7f2eb316a3a592cdc4" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "ix_campaign_org_branch" ON "campaign"  ("organisation_id", "branch_id", "start_date") `);
    await queryRunner.query(`CREATE TYPE "public"."action_kind" AS ENUM('MEETING', 'PETITION', 'RALLY', 'PICKET', 'BADGE_OR_PHOTO_DAY', 'SURVEY', 'OTHER')`);
    await queryRunner.query(`CREATE TABLE "campaign_action" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "organisation_id" uuid NOT NULL, "campaign_id" uuid NOT NULL, "kind" "public"."action_kind" NOT NULL, "title" character varying(200) NOT NULL, "date" date NOT NULL, "ward_id" uuid, "site_id" uuid, "online" boolean NOT NULL DEFAULT false, "is_structure_test" boolean NOT NULL DEFAULT false, "notes" text, "created_by_id" uuid, CONSTRAINT "uq_campaign_action_org_id" UNIQUE ("organisation_id", "id"), CONSTRAINT "ck_campaign_action_one_place" CHECK (num_nonnulls(ward_id, site_id) + (CASE WHEN online THEN 1 ELSE 0 END) <= 1), CONSTRAINT "PK_d6a83688be3b0546cce681907f3" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "ix_campaign_action_campaign_date" ON "campaign_action"  ("campaign_id", "date") `);
    await queryRunner.query(`CREATE TYPE "public"."participation_state" AS ENUM('INVITED', 'PLEDGED', 'ATTENDED_OR_SIGNED')`);
    await queryRunner.query(`CREATE TABLE "participation" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "organisation_id" uuid NOT NULL, "contact_id" uuid NOT NULL, "action_id" uuid NOT NULL, "state" "public"."participation_state" NOT NULL, "recorded_by_id" uuid, "recorded_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "uq_participation_action_contact" UNIQUE ("action_id", "contact_id"), CONSTRAINT "PK_ba5442bab90fc96ddde456c69e1" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "ix_participation_contact" ON "participation"  ("contact_id") `);
    await queryRunner.query(`ALTER TABLE "branch" ADD "structure_test_threshold" smallint NOT NULL DEFAULT '50'`);
    await queryRunner.query(`ALTER TABLE "campaign" ADD CONSTRAINT "FK_fb4956b237b662c346a41fff173" FOREIGN KEY ("organisation_id") REFERENCES "organisation"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "campaign" ADD CONSTRAINT "FK_7d516c813caa179b813773433dd" FOREIGN KEY ("branch_id", "organisation_id") REFERENCES "branch"("id","organisation_id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "campaign" ADD CONSTRAINT "FK_64a40b9e433948738c2162d4fec" FOREIGN KEY ("created_by_id") REFERENCES "app_user"("id") ON DELETE SET NULL ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "campaign_action" ADD CONSTRAINT "FK_e1de672d0bada1e95db96c43f3a" FOREIGN KEY ("organisation_id") REFERENCES "organisation"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "campaign_action" ADD CONSTRAINT "FK_75b894f7e26de79c10d22f8cf64" FOREIGN KEY ("campaign_id", "organisation_id") REFERENCES "campaign"("id","organisation_id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "campaign_action" ADD CONSTRAINT "FK_c6c710b61c21207e49880d212ac" FOREIGN KEY ("ward_id", "organisation_id") REFERENCES "ward"("id","organisation_id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "campaign_action" ADD CONSTRAINT "FK_09dbd6447c6be4460282c89dfe8" FOREIGN KEY ("site_id", "organisation_id") REFERENCES "site"("id","organisation_id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "campaign_action" ADD CONSTRAINT "FK_95e224632f18c08ba73b7f1d39c" FOREIGN KEY ("created_by_id") REFERENCES "app_user"("id") ON DELETE SET NULL ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "participation" ADD CONSTRAINT "FK_8875ef74c17b8b4a8b4a546dab0" FOREIGN KEY ("contact_id") REFERENCES "contact"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "participation" ADD CONSTRAINT "FK_afbbbae1cb9bf460b4211ab06a8" FOREIGN KEY ("action_id", "organisation_id") REFERENCES "campaign_action"("id","organisation_id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "participation" ADD CONSTRAINT "FK_d72d4bdea11f9c09f20826123e3" FOREIGN KEY ("recorded_by_id") REFERENCES "app_user"("id") ON DELETE SET NULL ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "branch" ADD CONSTRAINT "ck_branch_structure_test_threshold" CHECK (structure_test_threshold BETWEEN 1 AND 100)`);
    await queryRunner.query(`CREATE TABLE "campaign_union" ("campaign_id" uuid NOT NULL, "union_id" uuid NOT NULL, CONSTRAINT "PK_campaign_union" PRIMARY KEY ("campaign_id", "union_id"))`);
    await queryRunner.query(`CREATE INDEX "ix_campaign_union_union" ON "campaign_union" ("union_id")`);
    await queryRunner.query(`ALTER TABLE "campaign_union" ADD CONSTRAINT "FK_campaign_union_campaign" FOREIGN KEY ("campaign_id") REFERENCES "campaign"("id") ON DELETE CASCADE`);
    await queryRunner.query(`ALTER TABLE "campaign_union" ADD CONSTRAINT "FK_campaign_union_union" FOREIGN KEY ("union_id") REFERENCES "trade_union"("id") ON DELETE RESTRICT`);

    const q = (sql: string) => queryRunner.query(sql);
    for (const t of TABLES) await q(`ALTER TABLE ${t} ENABLE ROW LEVEL SECURITY`);
    // The identity is read once per statement ((SELECT f()): an init plan), as the other policies read it.
    for (const t of ['campaign', 'campaign_action']) {
      await q(`CREATE POLICY ${t}_org ON ${t} TO ${APP_ROLE} USING (organisation_id = (SELECT rollcall_organisation()))`);
    }
    await q(`CREATE POLICY campaign_union_org ON campaign_union TO ${APP_ROLE} USING (EXISTS (SELECT 1 FROM campaign k WHERE k.id = campaign_id))`);
    await q(`CREATE POLICY participation_branch ON participation TO ${APP_ROLE}
      USING (organisation_id = (SELECT rollcall_organisation()) AND EXISTS (SELECT 1 FROM contact c WHERE c.id = contact_id))`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    const q = (sql: string) => queryRunner.query(sql);
    await q('DROP POLICY participation_branch ON participation');
    await q('DROP POLICY campaign_union_org ON campaign_union');
    for (const t of ['campaign', 'campaign_action']) await q(`DROP POLICY ${t}_org ON ${t}`);
    await q('DROP TABLE "campaign_union"');
    await q('ALTER TABLE "branch" DROP CONSTRAINT "ck_branch_structure_test_threshold"');
    await queryRunner.query(`ALTER TABLE "participation" DROP CONSTRAINT "FK_d72d4bdea11f9c09f20826123e3"`);
    await queryRunner.query(`ALTER TABLE "participation" DROP CONSTRAINT "FK_afbbbae1cb9bf460b4211ab06a8"`);
    await queryRunner.query(`ALTER TABLE "participation" DROP CONSTRAINT "FK_8875ef74c17b8b4a8b4a546dab0"`);
    await queryRunner.query(`ALTER TABLE "campaign_action" DROP CONSTRAINT "FK_95e224632f18c08ba73b7f1d39c"`);
    await queryRunner.query(`ALTER TABLE "campaign_action" DROP CONSTRAINT "FK_09dbd6447c6be4460282c89dfe8"`);
    await queryRunner.query(`ALTER TABLE "campaign_action" DROP CONSTRAINT "FK_c6c710b61c21207e49880d212ac"`);
    await queryRunner.query(`ALTER TABLE "campaign_action" DROP CONSTRAINT "FK_75b894f7e26de79c10d22f8cf64"`);
    await queryRunner.query(`ALTER TABLE "campaign_action" DROP CONSTRAINT "FK_e1de672d0bada1e95db96c43f3a"`);
    await queryRunner.query(`ALTER TABLE "campaign" DROP CONSTRAINT "FK_64a40b9e433948738c2162d4fec"`);
    await queryRunner.query(`ALTER TABLE "campaign" DROP CONSTRAINT "FK_7d516c813caa179b813773433dd"`);
    await queryRunner.query(`ALTER TABLE "campaign" DROP CONSTRAINT "FK_fb4956b237b662c346a41fff173"`);
    await queryRunner.query(`ALTER TABLE "branch" DROP COLUMN "structure_test_threshold"`);
    await queryRunner.query(`DROP INDEX "public"."ix_participation_contact"`);
    await queryRunner.query(`DROP TABLE "participation"`);
    await queryRunner.query(`DROP TYPE "public"."participation_state"`);
    await queryRunner.query(`DROP INDEX "public"."ix_campaign_action_campaign_date"`);
    await queryRunner.query(`DROP TABLE "campaign_action"`);
    await queryRunner.query(`DROP TYPE "public"."action_kind"`);
    await queryRunner.query(`DROP INDEX "public"."ix_campaign_org_branch"`);
    await queryRunner.query(`DROP TABLE "campaign"`);
  }
}
