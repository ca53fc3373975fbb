import type { MigrationInterface, QueryRunner } from 'typeorm';
import { APP_ROLE } from './1795435000000-row-level-security.js';

/**
 * CSV and workbook imports (issue 14). `import_run`: one uploaded file of an organisation, its kind
 * (STAFF, MEMBERSHIP, PARTICIPATION), its employer (staff lists) or union (membership lists), the
 * column mapping chosen, progress and counts, who ran it and when. `import_row`: the file's rows as
 * uploaded (COPY'd into a temporary table, then inserted here: COPY FROM cannot write a table under
 * row-level security), and after the dry run each row's normalised values, problems, outcome and the
 * contact it matched. `import_mapping`: the mapping last used per organisation, kind and header
 * signature; `location_ward`: an ESR Location's ward, remembered per organisation and employer.
 * `contact.field_sources`: each imported field's source (field → { importId, on }).
 * Row-level security: the organisation; a run of an employer (and its rows, and that employer's
 * location map) only for the employers of the caller's branches, as on `contact`.
 */
export class Imports1797100000000 implements MigrationInterface {
  name = 'Imports1797100000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE "contact" ADD "field_sources" jsonb NOT NULL DEFAULT '{}'`);
    await q.query(`CREATE TABLE "import_run" (
      "id" uuid NOT NULL DEFAULT gen_random_uuid() PRIMARY KEY,
      "organisation_id" uuid NOT NULL REFERENCES "organisation"("id") ON DELETE CASCADE,
      "kind" text NOT NULL CHECK (kind IN ('STAFF', 'MEMBERSHIP', 'PARTICIPATION')),
      "employer_id" uuid,
      "union_id" uuid,
      "campaign_action_id" uuid,
      "file_name" character varying(255) NOT NULL,
      "status" text NOT NULL DEFAULT 'UPLOADED'
        CHECK (status IN ('UPLOADED', 'DRY_RUN', 'QUEUED', 'APPLYING', 'APPLIED', 'FAILED', 'CANCELLED')),
      "headers" text[] NOT NULL,
      "mapping" jsonb,
      "defaults" jsonb NOT NULL DEFAULT '{}',
      "mark_leavers" boolean NOT NULL DEFAULT false,
      "cancel_requested" boolean NOT NULL DEFAULT false,
      "rows_total" integer NOT NULL DEFAULT 0,
      "rows_done" integer NOT NULL DEFAULT 0,
      "rate_per_second" real,
      "seconds_left" integer,
      "created" integer NOT NULL DEFAULT 0,
      "updated" integer NOT NULL DEFAULT 0,
      "unchanged" integer NOT NULL DEFAULT 0,
      "refused" integer NOT NULL DEFAULT 0,
      "review" integer NOT NULL DEFAULT 0,
      "leavers" integer NOT NULL DEFAULT 0,
      "error" text,
      "created_by_id" uuid REFERENCES "app_user"("id") ON DELETE SET NULL,
      "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
      "started_at" TIMESTAMP WITH TIME ZONE,
      "finished_at" TIMESTAMP WITH TIME ZONE,
      CONSTRAINT "fk_import_run_employer" FOREIGN KEY ("organisation_id", "employer_id") REFERENCES "employer"("organisation_id", "id") ON DELETE CASCADE,
      CONSTRAINT "ck_import_run_target" CHECK (kind <> 'STAFF' OR employer_id IS NOT NULL)
    )`);
    await q.query('CREATE INDEX "ix_import_run_org_created" ON "import_run" ("organisation_id", "created_at")');
    await q.query(`CREATE TABLE "import_row" (
      "import_id" uuid NOT NULL REFERENCES "import_run"("id") ON DELETE CASCADE,
      "organisation_id" uuid NOT NULL,
      "row_no" integer NOT NULL,
      "cells" text[] NOT NULL,
      "values" jsonb,
      "problems" jsonb,
      "outcome" text CHECK (outcome IN ('CREATE', 'UPDATE', 'UNCHANGED', 'REFUSED', 'REVIEW')),
      "reason" text,
      "contact_id" uuid,
      "candidates" uuid[],
      "ward_id" uuid,
      "resolved" boolean NOT NULL DEFAULT false,
      CONSTRAINT "pk_import_row" PRIMARY KEY ("import_id", "row_no")
    )`);
    await q.query('CREATE INDEX "ix_import_row_outcome" ON "import_row" ("import_id", "outcome", "row_no")');
    await q.query(`CREATE TABLE "import_mapping" (
      "organisation_id" uuid NOT NULL REFERENCES "organisation"("id") ON DELETE CASCADE,
      "kind" text NOT NULL,
      "signature" text NOT NULL,
      "mapping" jsonb NOT NULL,
      "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
      CONSTRAINT "pk_import_mapping" PRIMARY KEY ("organisation_id", "kind", "signature")
    )`);
    await q.query(`CREATE TABLE "location_ward" (
      "organisation_id" uuid NOT NULL,
      "employer_id" uuid NOT NULL,
      "location" text NOT NULL,
      "ward_id" uuid NOT NULL,
      "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
      CONSTRAINT "pk_location_ward" PRIMARY KEY ("organisation_id", "employer_id", "location"),
      CONSTRAINT "fk_location_ward_employer" FOREIGN KEY ("organisation_id", "employer_id") REFERENCES "employer"("organisation_id", "id") ON DELETE CASCADE,
      CONSTRAINT "fk_location_ward_ward" FOREIGN KEY ("organisation_id", "ward_id") REFERENCES "ward"("organisation_id", "id") ON DELETE CASCADE
    )`);
    const branch = `organisation_id = (SELECT rollcall_organisation())`;
    const employer = `(employer_id IS NULL OR employer_id = ANY ((SELECT rollcall_employers())::uuid[]))`;
    await q.query('ALTER TABLE import_run ENABLE ROW LEVEL SECURITY');
    await q.query(`CREATE POLICY import_run_branch ON import_run TO ${APP_ROLE} USING (${branch} AND ${employer})`);
    await q.query('ALTER TABLE import_row ENABLE ROW LEVEL SECURITY');
    await q.query(`CREATE POLICY import_row_branch ON import_row TO ${APP_ROLE}
      USING (${branch} AND EXISTS (SELECT 1 FROM import_run r WHERE r.id = import_id))`);
    await q.query('ALTER TABLE import_mapping ENABLE ROW LEVEL SECURITY');
    await q.query(`CREATE POLICY import_mapping_org ON import_mapping TO ${APP_ROLE} USING (${branch})`);
    await q.query('ALTER TABLE location_ward ENABLE ROW LEVEL SECURITY');
    await q.query(`CREATE POLICY location_ward_branch ON location_ward TO ${APP_ROLE} USING (${branch} AND ${employer})`);
    await q.query(`GRANT SELECT, INSERT, UPDATE, DELETE ON import_run, import_row, import_mapping, location_ward TO ${APP_ROLE}`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE "location_ward"');
    await q.query('DROP TABLE "import_mapping"');
    await q.query('DROP TABLE "import_row"');
    await q.query('DROP TABLE "import_run"');
    await q.query('ALTER TABLE "contact" DROP COLUMN "field_sources"');
  }
}
