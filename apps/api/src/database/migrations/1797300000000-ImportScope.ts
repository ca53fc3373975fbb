import type { MigrationInterface, QueryRunner } from 'typeorm';
import { APP_ROLE } from './1795435000000-row-level-security.js';

/**
 * Whose an import run is. A staff list names its employer, but a union's membership list names
 * none, and `import_run_branch` showed such a run (its staged rows: names, membership numbers,
 * workplaces) to every secretary and admin of the organisation, other branches' too.
 * `import_run.employer_ids`: the employers its uploader could import into (a staff list: its employer);
 * a run, and its rows through it, is seen only by those who see every one of them.
 */
export class ImportScope1797300000000 implements MigrationInterface {
  name = 'ImportScope1797300000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE "import_run" ADD "employer_ids" uuid[] NOT NULL DEFAULT '{}'`);
    // runs made before: a staff list's employer; a membership list's, every employer of its organisation (the narrowest safe reading)
    await q.query(`UPDATE import_run r SET employer_ids = CASE WHEN r.employer_id IS NOT NULL THEN ARRAY[r.employer_id]
      ELSE ARRAY(SELECT e.id FROM employer e WHERE e.organisation_id = r.organisation_id) END`);
    await q.query(`ALTER TABLE "import_run" ADD CONSTRAINT "ck_import_run_employers"
      CHECK (cardinality(employer_ids) > 0 AND (employer_id IS NULL OR employer_ids = ARRAY[employer_id]))`);
    await q.query('DROP POLICY import_run_branch ON import_run');
    await q.query(`CREATE POLICY import_run_branch ON import_run TO ${APP_ROLE} USING (organisation_id = (SELECT rollcall_organisation())
      AND employer_ids <@ (SELECT rollcall_employers())::uuid[])`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP POLICY import_run_branch ON import_run');
    await q.query(`CREATE POLICY import_run_branch ON import_run TO ${APP_ROLE} USING (organisation_id = (SELECT rollcall_organisation())
      AND (employer_id IS NULL OR employer_id = ANY ((SELECT rollcall_employers())::uuid[])))`);
    await q.query('ALTER TABLE "import_run" DROP CONSTRAINT "ck_import_run_employers"');
    await q.query('ALTER TABLE "import_run" DROP COLUMN "employer_ids"');
  }
}
