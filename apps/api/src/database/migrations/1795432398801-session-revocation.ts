import type { MigrationInterface, QueryRunner } from 'typeorm';

export class SessionRevocation1795432398801 implements MigrationInterface {
  name = 'SessionRevocation1795432398801';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "app_user" ADD "token_version" integer NOT NULL DEFAULT '0'`);
    await queryRunner.query(`ALTER TYPE "public"."audit_action" ADD VALUE 'LOGOUT'`);
    await queryRunner.query(`ALTER TYPE "public"."audit_action" ADD VALUE 'PASSWORD_CHANGED'`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TYPE "public"."audit_action_old" AS ENUM('LOGIN_SUCCEEDED', 'LOGIN_FAILED', 'CREATE', 'UPDATE', 'DELETE', 'REFUSED')`);
    await queryRunner.query(`ALTER TABLE "audit_event" ALTER COLUMN "action" TYPE "public"."audit_action_old" USING "action"::"text"::"public"."audit_action_old"`);
    await queryRunner.query(`DROP TYPE "public"."audit_action"`);
    await queryRunner.query(`ALTER TYPE "public"."audit_action_old" RENAME TO "audit_action"`);
    await queryRunner.query(`ALTER TABLE "app_user" DROP COLUMN "token_version"`);
  }
}
