import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Contacts of a branch in name order: the list page's path under row-level security. */
export class ContactBranchIndex1795436500000 implements MigrationInterface {
  name = 'ContactBranchIndex1795436500000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE INDEX "ix_contact_org_employer_name" ON "contact"  ("organisation_id", "employer_id", "last_name", "first_name") `);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."ix_contact_org_employer_name"`);
  }
}
