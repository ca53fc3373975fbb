import type { MigrationInterface, QueryRunner } from 'typeorm';
import { APP_ROLE } from './1795435000000-row-level-security.js';

/**
 * Calendar feeds (issue 11): one per user, holding the SHA-256 of the feed URL's token (never the
 * token). Row-level security: a feed row is seen, made, replaced and deleted only by its own user,
 * inside their organisation (`rollcall.user_id`, `rollcall.organisation_id`, as the case tables read
 * them). The feed route is reached with the token alone, before any identity is set, so one narrow
 * SECURITY DEFINER function answers exactly one question, as `rollcall_user_grants` does for a login:
 * whose feed a token hash opens (an active user's only), and nothing else.
 */
export class CalendarFeed1796300000000 implements MigrationInterface {
  name = 'CalendarFeed1796300000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE "calendar_feed" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "user_id" uuid NOT NULL, "organisation_id" uuid NOT NULL, "token_hash" character varying(64) NOT NULL, CONSTRAINT "PK_24c0b9c80e4a4ac8752d854bc2e" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE UNIQUE INDEX "uq_calendar_feed_user" ON "calendar_feed"  ("user_id") `);
    await queryRunner.query(`CREATE UNIQUE INDEX "uq_calendar_feed_token" ON "calendar_feed"  ("token_hash") `);
    await queryRunner.query(`ALTER TABLE "calendar_feed" ADD CONSTRAINT "FK_29b8f216ae4f5fdd5bcc8de8112" FOREIGN KEY ("user_id") REFERENCES "app_user"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "calendar_feed" ADD CONSTRAINT "FK_801d4d7a71b4c5fbdca18c8fd28" FOREIGN KEY ("organisation_id") REFERENCES "organisation"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);

    const q = (sql: string) => queryRunner.query(sql);
    await q('ALTER TABLE calendar_feed ENABLE ROW LEVEL SECURITY');
    await q(`CREATE POLICY calendar_feed_own ON calendar_feed TO ${APP_ROLE}
      USING (organisation_id = (SELECT rollcall_organisation()) AND user_id = (SELECT rollcall_user()))`);
    await q(`CREATE FUNCTION rollcall_calendar_feed_user(p_token_hash text) RETURNS uuid
      LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
      SELECT f.user_id FROM calendar_feed f JOIN app_user u ON u.id = f.user_id AND u.organisation_id = f.organisation_id
      WHERE f.token_hash = p_token_hash AND u.active
      $$`);
    await q('REVOKE ALL ON FUNCTION rollcall_calendar_feed_user(text) FROM PUBLIC');
    await q(`GRANT EXECUTE ON FUNCTION rollcall_calendar_feed_user(text) TO ${APP_ROLE}`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP FUNCTION rollcall_calendar_feed_user(text)');
    await queryRunner.query('DROP POLICY calendar_feed_own ON calendar_feed');
    await queryRunner.query(`ALTER TABLE "calendar_feed" DROP CONSTRAINT "FK_801d4d7a71b4c5fbdca18c8fd28"`);
    await queryRunner.query(`ALTER TABLE "calendar_feed" DROP CONSTRAINT "FK_29b8f216ae4f5fdd5bcc8de8112"`);
    await queryRunner.query(`DROP INDEX "public"."uq_calendar_feed_token"`);
    await queryRunner.query(`DROP INDEX "public"."uq_calendar_feed_user"`);
    await queryRunner.query(`DROP TABLE "calendar_feed"`);
  }
}
