import type { MigrationInterface, QueryRunner } from 'typeorm';
import { APP_ROLE } from './1795435000000-row-level-security.js';

/**
 * Case documents (issue 11): letters, reports, statements attached to a case, their bytes sealed by
 * the application (CaseCipher, key id inside the sealed value) in `content`. The foreign key to the
 * case includes the organisation (so `case_file` gains a unique (organisation_id, id)).
 *
 * Row-level security exactly as for notes: a document is visible to the API's role when its case is
 * (case_file's policy: the case's team, or the secretary and admins of its branch, in the caller's
 * organisation); it is uploaded only by whoever it names as uploader; it is never changed in place
 * (no UPDATE for the API's role: key rotation runs as the owner), only deleted.
 */
export class CaseDocuments1796200000000 implements MigrationInterface {
  name = 'CaseDocuments1796200000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE "case_document" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "organisation_id" uuid NOT NULL, "case_id" uuid NOT NULL, "filename" character varying(200) NOT NULL, "media_type" character varying(100) NOT NULL, "size_bytes" integer NOT NULL, "sha256" character(64) NOT NULL, "content" bytea NOT NULL, "uploaded_by_id" uuid NOT NULL, CONSTRAINT "PK_ec7b8f5c5bbda47d84b23d6f944" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "ix_case_document_case_created" ON "case_document"  ("case_id", "created_at") `);
    await queryRunner.query(`ALTER TABLE "case_file" ADD CONSTRAINT "uq_case_file_org_id" UNIQUE ("organisation_id", "id")`);
    await queryRunner.query(`ALTER TABLE "case_document" ADD CONSTRAINT "FK_657fe83b4d1aae24705504991a8" FOREIGN KEY ("case_id", "organisation_id") REFERENCES "case_file"("id","organisation_id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "case_document" ADD CONSTRAINT "FK_371aa1529d48bea32815c5f1617" FOREIGN KEY ("uploaded_by_id") REFERENCES "app_user"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);

    const q = (sql: string) => queryRunner.query(sql);
    // Ciphertext does not compress: store it out of line without trying.
    await q('ALTER TABLE case_document ALTER COLUMN content SET STORAGE EXTERNAL');
    await q('ALTER TABLE case_document ENABLE ROW LEVEL SECURITY');
    await q(`CREATE POLICY case_document_content ON case_document TO ${APP_ROLE} USING (EXISTS (SELECT 1 FROM case_file k WHERE k.id = case_document.case_id))`);
    await q(`CREATE POLICY case_document_uploader ON case_document AS RESTRICTIVE FOR INSERT TO ${APP_ROLE} WITH CHECK (uploaded_by_id = (SELECT rollcall_user()))`);
    await q(`REVOKE UPDATE ON case_document FROM ${APP_ROLE}`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP POLICY case_document_uploader ON case_document');
    await queryRunner.query('DROP POLICY case_document_content ON case_document');
    await queryRunner.query(`ALTER TABLE "case_document" DROP CONSTRAINT "FK_371aa1529d48bea32815c5f1617"`);
    await queryRunner.query(`ALTER TABLE "case_document" DROP CONSTRAINT "FK_657fe83b4d1aae24705504991a8"`);
    await queryRunner.query(`ALTER TABLE "case_file" DROP CONSTRAINT "uq_case_file_org_id"`);
    await queryRunner.query(`DROP INDEX "public"."ix_case_document_case_created"`);
    await queryRunner.query(`DROP TABLE "case_document"`);
  }
}
