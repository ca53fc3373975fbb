import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The role the API connects as at run time: it owns nothing, so row-level security binds it. */
export const APP_ROLE = 'rollcall_app';

/** Tables holding people (and, through before/after, the audit log): each row is visible only inside its branch. */
const PEOPLE_TABLES = ['contact', 'posting', 'membership', 'rep_role', 'rep_role_ward', 'audit_event'];

/**
 * Defence in depth. The API sets, per transaction, who is asking (`set_config(..., true)`):
 * `rollcall.organisation_id` and `rollcall.employer_ids` (the employers of the user's branches).
 * PostgreSQL then shows and accepts only rows of that organisation and those employers, whatever
 * SQL the API sends. With nothing set, nothing about people is visible. Migrations and the seed
 * run as the tables' owner, which row-level security does not bind.
 */
export class RowLevelSecurity1795435000000 implements MigrationInterface {
  name = 'RowLevelSecurity1795435000000';

  async up(q: QueryRunner): Promise<void> {
    // Roles belong to the whole server: create once, grant per database.
    await q.query(`DO $$ BEGIN CREATE ROLE ${APP_ROLE} NOLOGIN; EXCEPTION WHEN duplicate_object THEN NULL; END $$`);
    await q.query(`GRANT USAGE ON SCHEMA public TO ${APP_ROLE}`);
    await q.query(`GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO ${APP_ROLE}`);
    await q.query(`REVOKE INSERT, UPDATE, DELETE ON migrations FROM ${APP_ROLE}`);
    await q.query(`REVOKE UPDATE, DELETE ON audit_event FROM ${APP_ROLE}`);
    await q.query(`ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO ${APP_ROLE}`);
    await q.query(`ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT USAGE, SELECT ON SEQUENCES TO ${APP_ROLE}`);

    await q.query(`CREATE FUNCTION rollcall_organisation() RETURNS uuid LANGUAGE sql STABLE PARALLEL SAFE AS
      $$ SELECT nullif(current_setting('rollcall.organisation_id', true), '')::uuid $$`);
    await q.query(`CREATE FUNCTION rollcall_employers() RETURNS uuid[] LANGUAGE sql STABLE PARALLEL SAFE AS
      $$ SELECT coalesce(string_to_array(nullif(current_setting('rollcall.employer_ids', true), ''), ',')::uuid[], '{}') $$`);

    for (const t of PEOPLE_TABLES) await q.query(`ALTER TABLE ${t} ENABLE ROW LEVEL SECURITY`);
    // (SELECT f()) is evaluated once per statement, not once per row.
    await q.query(`CREATE POLICY contact_branch ON contact TO ${APP_ROLE}
      USING (organisation_id = (SELECT rollcall_organisation()) AND employer_id IN (SELECT unnest(rollcall_employers())))`);
    // A posting, membership or rep role is visible when its person is (the subquery is itself filtered).
    for (const t of ['posting', 'membership', 'rep_role']) {
      await q.query(`CREATE POLICY ${t}_branch ON ${t} TO ${APP_ROLE}
        USING (organisation_id = (SELECT rollcall_organisation()) AND EXISTS (SELECT 1 FROM contact c WHERE c.id = contact_id))`);
    }
    await q.query(`CREATE POLICY rep_role_ward_branch ON rep_role_ward TO ${APP_ROLE}
      USING (EXISTS (SELECT 1 FROM rep_role r WHERE r.id = rep_role_id))`);
    // The audit log: read within one's organisation; anyone may append (failed logins have no organisation yet).
    await q.query(`CREATE POLICY audit_event_read ON audit_event FOR SELECT TO ${APP_ROLE}
      USING (organisation_id = (SELECT rollcall_organisation()))`);
    await q.query(`CREATE POLICY audit_event_append ON audit_event FOR INSERT TO ${APP_ROLE} WITH CHECK (true)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP POLICY audit_event_append ON audit_event');
    await q.query('DROP POLICY audit_event_read ON audit_event');
    await q.query('DROP POLICY rep_role_ward_branch ON rep_role_ward');
    for (const t of ['posting', 'membership', 'rep_role', 'contact']) await q.query(`DROP POLICY ${t}_branch ON ${t}`);
    for (const t of PEOPLE_TABLES) await q.query(`ALTER TABLE ${t} DISABLE ROW LEVEL SECURITY`);
    await q.query('DROP FUNCTION rollcall_employers()');
    await q.query('DROP FUNCTION rollcall_organisation()');
    await q.query(`ALTER DEFAULT PRIVILEGES IN SCHEMA public REVOKE USAGE, SELECT ON SEQUENCES FROM ${APP_ROLE}`);
    await q.query(`ALTER DEFAULT PRIVILEGES IN SCHEMA public REVOKE SELECT, INSERT, UPDATE, DELETE ON TABLES FROM ${APP_ROLE}`);
    await q.query(`REVOKE ALL ON ALL TABLES IN SCHEMA public FROM ${APP_ROLE}`);
    await q.query(`REVOKE USAGE ON SCHEMA public FROM ${APP_ROLE}`);
  }
}
