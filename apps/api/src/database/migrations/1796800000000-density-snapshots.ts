import type { MigrationInterface, QueryRunner } from 'typeorm';
import { APP_ROLE } from './1795435000000-row-level-security.js';

/**
 * Dated density figures for the trend line: one row per day, ward and union (`union_id` null: any
 * union), taken daily by the `density-snapshot` job and on demand, and backfilled from memberships'
 * and postings' dates. Counts only, of the whole organisation's map; readers scope them by ward.
 * The figures besides headcount and members are of the ward as a whole and are kept on the
 * any-union row only (null on a union's row). Row-level security: an organisation sees only its own.
 */
export class DensitySnapshots1796800000000 implements MigrationInterface {
  name = 'DensitySnapshots1796800000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE "density_snapshot" (
      "organisation_id" uuid NOT NULL,
      "day" date NOT NULL,
      "ward_id" uuid NOT NULL,
      "union_id" uuid,
      "headcount" integer NOT NULL CHECK (headcount >= 0),
      "members" integer NOT NULL CHECK (members >= 0 AND members <= headcount),
      "assessed" integer CHECK (assessed >= 0),
      "ones_and_twos" integer CHECK (ones_and_twos >= 0),
      "leaders" integer CHECK (leaders >= 0),
      "reps" integer CHECK (reps >= 0),
      "spoken_to_30d" integer CHECK (spoken_to_30d >= 0),
      "taken_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
      CONSTRAINT "FK_density_snapshot_ward" FOREIGN KEY ("ward_id", "organisation_id") REFERENCES "ward"("id", "organisation_id") ON DELETE CASCADE,
      CONSTRAINT "FK_density_snapshot_union" FOREIGN KEY ("union_id", "organisation_id") REFERENCES "trade_union"("id", "organisation_id") ON DELETE CASCADE
    )`);
    // One row per (day, ward, union); NULLS NOT DISTINCT: one any-union row too.
    await q.query('CREATE UNIQUE INDEX "uq_density_snapshot" ON "density_snapshot" ("organisation_id", "day", "ward_id", "union_id") NULLS NOT DISTINCT');
    await q.query('CREATE INDEX "ix_density_snapshot_ward_day" ON "density_snapshot" ("ward_id", "day")');
    await q.query('ALTER TABLE density_snapshot ENABLE ROW LEVEL SECURITY');
    await q.query(`CREATE POLICY density_snapshot_org ON density_snapshot TO ${APP_ROLE} USING (organisation_id = (SELECT rollcall_organisation()))`);
    await q.query(`GRANT SELECT, INSERT, UPDATE, DELETE ON density_snapshot TO ${APP_ROLE}`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE "density_snapshot"');
  }
}
