import type { MigrationInterface, QueryRunner } from 'typeorm';
import { APP_ROLE } from './1795435000000-row-level-security.js';

/**
 * The coalition line-up across organisations. `organisation.share_coalition_aggregates` (off by
 * default) is an organisation's opt-in; `coalition_published` holds what a sharing organisation
 * publishes: the EMPLOYER and SITE tables of its aggregate-only slice family (already suppressed:
 * a withheld cell is stored withheld, with no figures), keyed by ODS code. Never a person.
 *
 * Row-level security: an organisation reads its own rows, and another organisation's only while both
 * share (reciprocal); it inserts, changes and deletes only its own. Who shares is read through a
 * narrow SECURITY DEFINER function (the ids of sharing organisations, nothing else).
 */
export class CoalitionPublished1797000000000 implements MigrationInterface {
  name = 'CoalitionPublished1797000000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query('ALTER TABLE "organisation" ADD "share_coalition_aggregates" boolean NOT NULL DEFAULT false');
    await q.query(`CREATE TABLE "coalition_published" (
      "organisation_id" uuid NOT NULL REFERENCES "organisation"("id") ON DELETE CASCADE,
      "level" text NOT NULL CHECK (level IN ('EMPLOYER', 'SITE')),
      "ods_code" character varying(10) NOT NULL,
      "name" character varying NOT NULL,
      "headcount" integer CHECK (headcount >= 0),
      "members" integer CHECK (members >= 0),
      "suppression" text CHECK (suppression IN ('SMALL_CELL', 'COMPLEMENTARY')),
      "published_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
      CONSTRAINT "pk_coalition_published" PRIMARY KEY ("organisation_id", "level", "ods_code"),
      CONSTRAINT "ck_coalition_published_withheld" CHECK ((suppression IS NULL) = (headcount IS NOT NULL AND members IS NOT NULL) AND (suppression IS NULL OR (headcount IS NULL AND members IS NULL)))
    )`);
    await q.query('CREATE INDEX "ix_coalition_published_level_ods" ON "coalition_published" ("level", "ods_code")');
    await q.query(`CREATE FUNCTION rollcall_coalition_sharers() RETURNS uuid[] LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public AS
      $$ SELECT coalesce(array_agg(id), '{}') FROM organisation WHERE share_coalition_aggregates $$`);
    await q.query(`REVOKE ALL ON FUNCTION rollcall_coalition_sharers() FROM PUBLIC`);
    await q.query(`GRANT EXECUTE ON FUNCTION rollcall_coalition_sharers() TO ${APP_ROLE}`);
    await q.query('ALTER TABLE coalition_published ENABLE ROW LEVEL SECURITY');
    await q.query(`CREATE POLICY coalition_published_read ON coalition_published FOR SELECT TO ${APP_ROLE} USING (
      organisation_id = (SELECT rollcall_organisation())
      OR (SELECT rollcall_coalition_sharers()) @> ARRAY[(SELECT rollcall_organisation()), organisation_id])`);
    await q.query(`CREATE POLICY coalition_published_insert ON coalition_published FOR INSERT TO ${APP_ROLE} WITH CHECK (organisation_id = (SELECT rollcall_organisation()))`);
    await q.query(`CREATE POLICY coalition_published_update ON coalition_published FOR UPDATE TO ${APP_ROLE}
      USING (organisation_id = (SELECT rollcall_organisation())) WITH CHECK (organisation_id = (SELECT rollcall_organisation()))`);
    await q.query(`CREATE POLICY coalition_published_delete ON coalition_published FOR DELETE TO ${APP_ROLE} USING (organisation_id = (SELECT rollcall_organisation()))`);
    await q.query(`GRANT SELECT, INSERT, UPDATE, DELETE ON coalition_published TO ${APP_ROLE}`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE "coalition_published"');
    await q.query('DROP FUNCTION rollcall_coalition_sharers()');
    await q.query('ALTER TABLE "organisation" DROP COLUMN "share_coalition_aggregates"');
  }
}
