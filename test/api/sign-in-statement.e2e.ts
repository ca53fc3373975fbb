import { DataSource } from 'typeorm';
import { settingsOf, signedInUser, signInStatement, type SignInRow } from '../../apps/api/src/auth/active-user.js';
import { identityOf, identityParams } from '../../apps/api/src/database/request-transaction.js';
import { startTestApp, type TestApp } from '../fixtures/app.js';

/**
 * A signed-in request's transaction begins with one statement that finds the user its token names and sets their
 * identity (auth/active-user.ts, signInStatement), worked out in SQL from the user's grants. The rule is identityOf's:
 * here, for every user of the demo data (every role, several branches and organisations), the statement sets exactly
 * what identityOf works out from the user it found; a revoked or unknown token finds nobody and sets the anonymous
 * identity. (Should the two ever differ in production, the request sets identityOf's over it: the unit test of
 * RequestTransactions.)
 */

let t: TestApp;

beforeAll(async () => {
  t = await startTestApp();
});

afterAll(async () => {
  await t?.close();
});

/** The statement as a request runs it: as the app's role, first in a transaction; what it set, read back in it. */
async function signIn(sub: string, ver: number): Promise<{ row: SignInRow; set: string[] }> {
  return t.app.get(DataSource).transaction(async (m) => {
    const [row] = (await m.query(signInStatement({ sub, ver }))) as SignInRow[];
    const [set] = (await m.query(`SELECT current_setting('rollcall.organisation_id') AS o, current_setting('rollcall.employer_ids') AS e,
      current_setting('rollcall.user_id') AS u, current_setting('rollcall.case_branch_ids') AS c`)) as { o: string; e: string; u: string; c: string }[];
    return { row, set: [set.o, set.e, set.u, set.c] };
  });
}

it("sets, for every active user, the identity identityOf works out from the user it finds", async () => {
  const users = await t.sql<{ id: string; ver: number; roles: string[] }>(`SELECT u.id, u.token_version AS ver,
    array(SELECT r.role::text FROM user_branch_role r WHERE r.user_id = u.id) AS roles FROM app_user u WHERE u.active ORDER BY u.email`);
  expect(users.length).toBeGreaterThanOrEqual(7);
  expect(new Set(users.flatMap((u) => u.roles))).toEqual(new Set(['ADMIN', 'BRANCH_SECRETARY', 'CASEWORKER', 'REP', 'COALITION_VIEWER']));
  for (const u of users) {
    const { row, set } = await signIn(u.id, u.ver);
    const user = signedInUser(row);
    expect(user?.id).toBe(u.id);
    const expected = identityParams(identityOf(user));
    expect({ user: u.id, set: settingsOf(row) }).toEqual({ user: u.id, set: expected });
    expect(set).toEqual(expected);
  }
  // someone whose identity has every part: employers, and branches whose cases they all read
  const secretary = users.find((u) => u.roles.includes('BRANCH_SECRETARY'))!;
  expect(settingsOf((await signIn(secretary.id, secretary.ver)).row).every((v) => v !== '')).toBe(true);
});

it('finds nobody, and sets the anonymous identity, for a revoked session, an unknown user or an inactive one', async () => {
  const [u] = await t.sql<{ id: string; ver: number }>('SELECT id, token_version AS ver FROM app_user WHERE active ORDER BY email LIMIT 1');
  const anonymous = identityParams(identityOf(undefined));
  for (const [sub, ver] of [[u.id, u.ver + 1], [u.id, u.ver - 1], ['00000000-0000-4000-8000-000000000000', 0]] as const) {
    const { row, set } = await signIn(sub, ver);
    expect(signedInUser(row)).toBeUndefined();
    expect(row.pid).toEqual(expect.any(Number));
    expect(settingsOf(row)).toEqual(anonymous);
    expect(set).toEqual(anonymous);
  }
  await t.sql('UPDATE app_user SET active = false WHERE id = $1', [u.id]);
  try {
    expect(signedInUser((await signIn(u.id, u.ver)).row)).toBeUndefined();
  } finally {
    await t.sql('UPDATE app_user SET active = true WHERE id = $1', [u.id]);
  }
});
