import pg from 'pg';
import { APP_ROLE } from './migrations/1795435000000-row-level-security.js';

/**
 * Gives the API's run-time role (created by the RowLevelSecurity migration, owning no table) a
 * login with this password, and returns the URL to connect as it: the owner's URL with the role's
 * name and password in place of the owner's. Needs an owner that may alter roles (CREATEROLE).
 */
export async function appRoleUrl(ownerUrl: string, password: string): Promise<string> {
  const client = new pg.Client({ connectionString: ownerUrl });
  await client.connect();
  try {
    const { rows } = await client.query<{ sql: string }>(
      `SELECT format('ALTER ROLE %I LOGIN NOSUPERUSER NOBYPASSRLS NOCREATEDB NOCREATEROLE PASSWORD %L', $1::text, $2::text) AS sql`,
      [APP_ROLE, password],
    );
    await client.query(rows[0].sql);
  } finally {
    await client.end();
  }
  const url = new URL(ownerUrl);
  url.username = APP_ROLE;
  url.password = password;
  return url.toString();
}
