import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Branches (each covering some employers) and roles per branch. Existing users keep their one role,
 * in one branch per organisation covering every employer that organisation holds people at.
 */
export class Branches1795434891706 implements MigrationInterface {
  name = 'Branches1795434891706';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE "branch" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "organisation_id" uuid NOT NULL, "name" character varying NOT NULL, CONSTRAINT "PK_2e39f426e2faefdaa93c5961976" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE UNIQUE INDEX "uq_branch_org_name" ON "branch"  ("organisation_id", "name") `);
    await queryRunner.query(`CREATE TABLE "user_branch_role" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "user_id" uuid NOT NULL, "branch_id" uuid NOT NULL, "role" "public"."user_role" NOT NULL, CONSTRAINT "PK_f4897cb18c3b9960d32aa2ff788" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "ix_user_branch_role_branch" ON "user_branch_role"  ("branch_id") `);
    await queryRunner.query(`CREATE UNIQUE INDEX "uq_user_branch_role" ON "user_branch_role"  ("user_id", "branch_id", "role") `);
    await queryRunner.query(`CREATE TABLE "branch_employer" ("branch_id" uuid NOT NULL, "employer_id" uuid NOT NULL, CONSTRAINT "PK_a0cf1dfb6451ad64cbbd3b6bda9" PRIMARY KEY ("branch_id", "employer_id"))`);
    await queryRunner.query(`CREATE INDEX "IDX_37ff533c69c3a084cbfa635cf1" ON "branch_employer"  ("branch_id") `);
    await queryRunner.query(`CREATE INDEX "IDX_e999fa83a996ba71d583ee3d63" ON "branch_employer"  ("employer_id") `);
    await queryRunner.query(`ALTER TABLE "branch" ADD CONSTRAINT "FK_b94595334cb0abfe27bb69d9cd2" FOREIGN KEY ("organisation_id") REFERENCES "organisation"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "user_branch_role" ADD CONSTRAINT "FK_9299ceee72d378406e82683cb1a" FOREIGN KEY ("user_id") REFERENCES "app_user"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "user_branch_role" ADD CONSTRAINT "FK_9114d793ff1233f42554a2d2150" FOREIGN KEY ("branch_id") REFERENCES "branch"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "branch_employer" ADD CONSTRAINT "FK_37ff533c69c3a084cbfa635cf17" FOREIGN KEY ("branch_id") REFERENCES "branch"("id") ON DELETE CASCADE ON UPDATE CASCADE`);
    await queryRunner.query(`ALTER TABLE "branch_employer" ADD CONSTRAINT "FK_e999fa83a996ba71d583ee3d636" FOREIGN KEY ("employer_id") REFERENCES "employer"("id") ON DELETE CASCADE ON UPDATE CASCADE`);
    // Existing data: one branch per organisation, every user keeps their role in it.
    await queryRunner.query(`INSERT INTO branch (organisation_id, name) SELECT id, name || ' branch' FROM organisation`);
    await queryRunner.query(`INSERT INTO branch_employer (branch_id, employer_id)
      SELECT DISTINCT b.id, c.employer_id FROM branch b JOIN contact c ON c.organisation_id = b.organisation_id`);
    await queryRunner.query(`INSERT INTO user_branch_role (user_id, branch_id, role)
      SELECT u.id, b.id, u.role FROM app_user u JOIN branch b ON b.organisation_id = u.organisation_id`);
    await queryRunner.query(`ALTER TABLE "app_user" DROP COLUMN "role"`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "app_user" ADD "role" "public"."user_role"`);
    await queryRunner.query(`UPDATE app_user u SET role = (SELECT r.role FROM user_branch_role r WHERE r.user_id = u.id ORDER BY r.role LIMIT 1)`);
    await queryRunner.query(`UPDATE app_user SET role = 'COALITION_VIEWER' WHERE role IS NULL`);
    await queryRunner.query(`ALTER TABLE "app_user" ALTER COLUMN "role" SET NOT NULL`);
    await queryRunner.query(`DROP TABLE "branch_employer"`);
    await queryRunner.query(`DROP TABLE "user_branch_role"`);
    await queryRunner.query(`DROP TABLE "branch"`);
  }
}
