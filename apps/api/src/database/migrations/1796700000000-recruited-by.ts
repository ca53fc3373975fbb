import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Recruited by (issue 12): a membership records who recruited the member when known, a contact (a
 * colleague) or a user (a rep), never both. The contact's foreign key includes the organisation, as
 * every key to a person does, and on the contact's erasure clears only `recruited_by_contact_id`
 * (`SET NULL (column)`, PostgreSQL 15+): a plain SET NULL would null `organisation_id` too and fail.
 * The membership policy is unchanged: the row is the member's, and who recruited them is shown by
 * name only to those who may see the recruiter (the API's check, through the PeopleDoor).
 */
export class RecruitedBy1796700000000 implements MigrationInterface {
  name = 'RecruitedBy1796700000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE "membership" ADD "recruited_by_contact_id" uuid`);
    await q.query(`ALTER TABLE "membership" ADD "recruited_by_user_id" uuid`);
    await q.query(`CREATE INDEX "ix_membership_recruited_by_contact" ON "membership"  ("recruited_by_contact_id") WHERE recruited_by_contact_id IS NOT NULL`);
    await q.query(`ALTER TABLE "membership" ADD CONSTRAINT "ck_membership_one_recruiter" CHECK (num_nonnulls(recruited_by_contact_id, recruited_by_user_id) <= 1)`);
    await q.query(`ALTER TABLE "membership" ADD CONSTRAINT "FK_4908ed8835c9e9bc39f7a5eb58c" FOREIGN KEY ("recruited_by_contact_id", "organisation_id") REFERENCES "contact"("id","organisation_id") ON DELETE SET NULL ("recruited_by_contact_id") ON UPDATE NO ACTION`);
    await q.query(`ALTER TABLE "membership" ADD CONSTRAINT "FK_de593f4bb05e78bef953ae29760" FOREIGN KEY ("recruited_by_user_id") REFERENCES "app_user"("id") ON DELETE SET NULL ON UPDATE NO ACTION`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE "membership" DROP CONSTRAINT "FK_de593f4bb05e78bef953ae29760"`);
    await q.query(`ALTER TABLE "membership" DROP CONSTRAINT "FK_4908ed8835c9e9bc39f7a5eb58c"`);
    await q.query(`ALTER TABLE "membership" DROP CONSTRAINT "ck_membership_one_recruiter"`);
    await q.query(`DROP INDEX "public"."ix_membership_recruited_by_contact"`);
    await q.query(`ALTER TABLE "membership" DROP COLUMN "recruited_by_user_id"`);
    await q.query(`ALTER TABLE "membership" DROP COLUMN "recruited_by_contact_id"`);
  }
}
