import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Exports (a list downloaded as CSV) are audited: a new audit action. */
export class AuditExport1795439500000 implements MigrationInterface {
  name = 'AuditExport1795439500000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TYPE "public"."audit_action" ADD VALUE IF NOT EXISTS 'EXPORT'`);
  }

  async down(): Promise<void> {
    // PostgreSQL cannot drop an enum value, and the append-only audit log may already hold EXPORT
    // entries that must stay: the value is left in place (unused by older code, harmless).
  }
}
