import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Campaign participation lists (issue 14): a petition's sign-ups or a meeting's attendance, imported
 * onto one campaign action. `import_run.campaign_action_id` (made with the import tables, unused until
 * now) becomes a key to the action, in the run's organisation; only a participation list names one.
 * Deleting the action keeps the run (the record of who imported what) and forgets its action: such a
 * run can no longer be applied. Row-level security on `import_run` is unchanged (`employer_ids`: the
 * employers its uploader could import into, as for a membership list).
 */
export class ImportParticipation1797400000000 implements MigrationInterface {
  name = 'ImportParticipation1797400000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE "import_run" ADD CONSTRAINT "fk_import_run_campaign_action" FOREIGN KEY ("organisation_id", "campaign_action_id")
      REFERENCES "campaign_action"("organisation_id", "id") ON DELETE SET NULL ("campaign_action_id")`);
    await q.query(`ALTER TABLE "import_run" ADD CONSTRAINT "ck_import_run_action" CHECK (campaign_action_id IS NULL OR kind = 'PARTICIPATION')`);
    await q.query('CREATE INDEX "ix_import_run_campaign_action" ON "import_run" ("campaign_action_id") WHERE campaign_action_id IS NOT NULL');
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP INDEX "ix_import_run_campaign_action"');
    await q.query('ALTER TABLE "import_run" DROP CONSTRAINT "ck_import_run_action"');
    await q.query('ALTER TABLE "import_run" DROP CONSTRAINT "fk_import_run_campaign_action"');
  }
}
