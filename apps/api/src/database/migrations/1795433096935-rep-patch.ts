import type { MigrationInterface, QueryRunner } from 'typeorm';

export class RepPatch1795433096935 implements MigrationInterface {
  name = 'RepPatch1795433096935';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE "rep_patch" ("user_id" uuid NOT NULL, "site_id" uuid NOT NULL, CONSTRAINT "PK_7f5c885760653c5e9f14f2f6824" PRIMARY KEY ("user_id", "site_id"))`);
    await queryRunner.query(`CREATE INDEX "IDX_22acaee29312d91c5f1304ab32" ON "rep_patch"  ("user_id") `);
    await queryRunner.query(`CREATE INDEX "IDX_ec919cd0dce82c5965545fb798" ON "rep_patch"  ("site_id") `);
    await queryRunner.query(`ALTER TABLE "rep_patch" ADD CONSTRAINT "FK_22acaee29312d91c5f1304ab32e" FOREIGN KEY ("user_id") REFERENCES "app_user"("id") ON DELETE CASCADE ON UPDATE CASCADE`);
    await queryRunner.query(`ALTER TABLE "rep_patch" ADD CONSTRAINT "FK_ec919cd0dce82c5965545fb7988" FOREIGN KEY ("site_id") REFERENCES "site"("id") ON DELETE CASCADE ON UPDATE CASCADE`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "rep_patch" DROP CONSTRAINT "FK_ec919cd0dce82c5965545fb7988"`);
    await queryRunner.query(`ALTER TABLE "rep_patch" DROP CONSTRAINT "FK_22acaee29312d91c5f1304ab32e"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_ec919cd0dce82c5965545fb798"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_22acaee29312d91c5f1304ab32"`);
    await queryRunner.query(`DROP TABLE "rep_patch"`);
  }
}
