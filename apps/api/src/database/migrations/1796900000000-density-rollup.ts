import type { MigrationInterface, QueryRunner } from 'typeorm';
import { APP_ROLE } from './1795435000000-row-level-security.js';

/**
 * The density rollup behind `densitySlice` at scale: current staff of an organisation counted once
 * per combination of employer, site, ward, ward type, staff group, grade, shift pattern, contract
 * type and union set (the sorted ids of their current memberships' unions, '{}' for none), every
 * figure a sum, so any slice of whole employers is a GROUP BY over these rows. The same counts are
 * kept at coarser levels too (`level`: 0 every dimension; 1 the staff group kept, grade, shift and
 * contract summed away; 2 only the workplace and union set), each several times smaller, for the
 * slices that need no more (by site, ward, employer; the coalition's tables). Refreshed per
 * organisation by the `density-rollup` job (all rows replaced in one transaction); `density_rollup_state`
 * says when (`as_of`), and no row there means never refreshed (slices are then counted live).
 * Row-level security as on `contact`: the organisation, and the employers of the caller's branches.
 */
export class DensityRollup1796900000000 implements MigrationInterface {
  name = 'DensityRollup1796900000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE "density_rollup" (
      "organisation_id" uuid NOT NULL,
      "level" smallint NOT NULL CHECK (level BETWEEN 0 AND 2),
      "employer_id" uuid NOT NULL,
      "site_id" uuid NOT NULL,
      "ward_id" uuid NOT NULL,
      "ward_type" text NOT NULL,
      "staff_group" text,
      "grade" text,
      "shift_pattern" text,
      "contract_type" text,
      "unions" uuid[] NOT NULL,
      "headcount" integer NOT NULL CHECK (headcount > 0),
      "members" integer NOT NULL CHECK (members >= 0 AND members <= headcount),
      "assessed" integer NOT NULL CHECK (assessed >= 0),
      "ones" integer NOT NULL CHECK (ones >= 0),
      "twos" integer NOT NULL CHECK (twos >= 0),
      "leaders" integer NOT NULL CHECK (leaders >= 0),
      "reps" integer NOT NULL CHECK (reps >= 0),
      "conversations_30d" integer NOT NULL CHECK (conversations_30d >= 0),
      "never_spoken_to" integer NOT NULL CHECK (never_spoken_to >= 0),
      CONSTRAINT "FK_density_rollup_employer" FOREIGN KEY ("organisation_id", "employer_id") REFERENCES "employer"("organisation_id", "id") ON DELETE CASCADE,
      CONSTRAINT "FK_density_rollup_ward" FOREIGN KEY ("ward_id", "organisation_id") REFERENCES "ward"("id", "organisation_id") ON DELETE CASCADE
    )`);
    // Every read is one organisation's employers (a trust's rows, or a branch's).
    await q.query('CREATE INDEX "ix_density_rollup_employer" ON "density_rollup" ("organisation_id", "level", "employer_id")');
    await q.query('CREATE INDEX "ix_density_rollup_ward" ON "density_rollup" ("ward_id")');
    await q.query(`CREATE TABLE "density_rollup_state" (
      "organisation_id" uuid PRIMARY KEY REFERENCES "organisation"("id") ON DELETE CASCADE,
      "as_of" TIMESTAMP WITH TIME ZONE NOT NULL,
      "rows" integer NOT NULL,
      "took_ms" integer NOT NULL
    )`);
    await q.query('ALTER TABLE density_rollup ENABLE ROW LEVEL SECURITY');
    await q.query(`CREATE POLICY density_rollup_branch ON density_rollup TO ${APP_ROLE}
      USING (organisation_id = (SELECT rollcall_organisation()) AND employer_id = ANY ((SELECT rollcall_employers())::uuid[]))`);
    await q.query('ALTER TABLE density_rollup_state ENABLE ROW LEVEL SECURITY');
    await q.query(`CREATE POLICY density_rollup_state_org ON density_rollup_state TO ${APP_ROLE} USING (organisation_id = (SELECT rollcall_organisation()))`);
    await q.query(`GRANT SELECT, INSERT, UPDATE, DELETE ON density_rollup, density_rollup_state TO ${APP_ROLE}`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE "density_rollup_state"');
    await q.query('DROP TABLE "density_rollup"');
  }
}
