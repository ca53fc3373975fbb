import pg from 'pg';
import { CASE_OFFICER_ROLES } from '../access/case-rules.js';
import { branchEmployers, type Grant, type PatchSite, scopesFor } from '../access/scopes.js';
import type { AuthUser } from './auth-user.js';

/** What a bearer token says, once its signature and expiry are checked: whose, and which of their sessions. */
export interface TokenPayload {
  sub: string;
  /** The user's tokenVersion when issued. */
  ver: number;
}

/**
 * The user a token names, only if still active and the token's version current, with their grants (roles with their
 * branches' employers, patch sites with theirs), read through one narrow SECURITY DEFINER function
 * (rollcall_user_grants, StructureOwned migration): this runs before the request has an identity.
 */
const ACTIVE_USER = `SELECT u.id, u.email, u.display_name AS "displayName", u.organisation_id AS "organisationId", g.grants, g.patch
  FROM app_user u CROSS JOIN LATERAL rollcall_user_grants(u.id, u.organisation_id) g
  WHERE u.id = $1 AND u.active AND u.token_version = $2`;

/** What rollcall_user_grants answers for a user: roles with their branches' employers, patch sites with theirs. */
export interface Grants {
  grants: Grant[];
  patch: PatchSite[];
}

export type ActiveUserRow = Pick<AuthUser, 'id' | 'email' | 'displayName' | 'organisationId'> & Grants;

/** The user a token names, on a connection outside any request transaction (a file upload's, before its body is in). */
export async function findActiveUser(db: { query(sql: string, params: unknown[]): Promise<unknown> }, claims: TokenPayload): Promise<AuthUser | null> {
  const [row] = (await db.query(ACTIVE_USER, [claims.sub, claims.ver])) as ActiveUserRow[];
  return row ? authUser(row) : null;
}

/** CASE_OFFICER_ROLES as an SQL array, written once. */
const CASE_OFFICERS = `ARRAY[${CASE_OFFICER_ROLES.map((r) => pg.escapeLiteral(r)).join(', ')}]`;

/**
 * A signed-in request's first statement, after START TRANSACTION (which travels with it, see SerialClient): the user
 * the token names (ACTIVE_USER), and the request's database identity set from it, in one round trip. The identity is
 * worked out here as identityOf (request-transaction.ts) works it out from the user: the organisation, the user, the
 * employers of every branch the user holds a role in, and the branches where the role is a case officer's
 * (CASE_OFFICER_ROLES); each comes back as set, and the request checks it against identityOf before it goes on
 * (RequestTransactions.begin). No user (gone, inactive, or the token revoked): one row, every value empty, which is the
 * anonymous identity; the server process's id either way, to cancel a statement of a request its client dropped.
 * Values are written in as literals (no parameters, so START TRANSACTION can travel with it).
 */
export function signInStatement(claims: TokenPayload): string {
  const values = [`${pg.escapeLiteral(claims.sub)}::uuid`, String(Math.trunc(claims.ver))];
  const active = ACTIVE_USER.replace(/\$([12])/g, (_, i: string) => values[Number(i) - 1]); // one pass: never inside a value
  return `WITH me AS (${active}),
  roles AS (SELECT r->>'branchId' AS branch, r->>'role' AS role, r->'employerIds' AS employers FROM me, json_array_elements(me.grants) r)
SELECT pg_backend_pid() AS pid, me.*,
  set_config('rollcall.organisation_id', coalesce(me."organisationId"::text, ''), true) AS "organisationSetting",
  set_config('rollcall.employer_ids', coalesce((SELECT string_agg(DISTINCT e COLLATE "C", ',' ORDER BY e COLLATE "C")
    FROM roles, json_array_elements_text(roles.employers) e), ''), true) AS "employersSetting",
  set_config('rollcall.user_id', coalesce(me.id::text, ''), true) AS "userSetting",
  set_config('rollcall.case_branch_ids', coalesce((SELECT string_agg(DISTINCT branch COLLATE "C", ',' ORDER BY branch COLLATE "C")
    FROM roles WHERE role = ANY(${CASE_OFFICERS})), ''), true) AS "caseBranchesSetting"
FROM (SELECT) one LEFT JOIN me ON true`;
}

/** What signInStatement answers. */
export interface SignInRow extends Partial<ActiveUserRow> {
  pid: number;
  organisationSetting: string;
  employersSetting: string;
  userSetting: string;
  caseBranchesSetting: string;
}

/** The user signInStatement found (none when the token's user is gone or inactive, or the token revoked). */
export function signedInUser(row: SignInRow): AuthUser | undefined {
  return row.id ? authUser(row as ActiveUserRow) : undefined;
}

/** The identity signInStatement set, in identityParams' order. */
export function settingsOf(row: SignInRow): string[] {
  return [row.organisationSetting, row.employersSetting, row.userSetting, row.caseBranchesSetting];
}

export function authUser(u: Pick<AuthUser, 'id' | 'email' | 'displayName' | 'organisationId'>, { grants, patch }: Grants = u as ActiveUserRow): AuthUser {
  return {
    id: u.id, email: u.email, displayName: u.displayName, organisationId: u.organisationId,
    roles: grants.map((g) => ({ branchId: g.branchId, role: g.role })),
    employerIds: branchEmployers(grants),
    scopes: scopesFor(grants, patch),
  };
}
