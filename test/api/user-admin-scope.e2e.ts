import { JwtService } from '@nestjs/jwt';
import { DEMO_PASSWORD, errorOf, type GqlResult, LOGINS, startTestApp, type TestApp } from '../fixtures/app.js';

/**
 * The account dimension of the authorisation matrix. An admin changes an account's password, active
 * flag or name only when every role it holds is in branches the admin administers ("wholly theirs");
 * an account that also holds a role elsewhere ("shared") lets them change only its roles and patch
 * inside their own branches; accounts with no role in their branches are hidden. Every cell is one
 * acting login × one account × one change, on a fresh account, and must come out exactly as the table
 * says. A refused or hidden cell must leave the account's row, roles and patch as they were, and a
 * session of that account still working; an allowed one must make exactly its change.
 */

type Actor = 'admin' | 'admin1' | 'admin2' | 'secretary' | 'rep';
type Target = 'onlyB1' | 'adminB2repB1' | 'b1b3' | 'onlyB2' | 'noRole' | 'otherOrg';
type Op = 'read' | 'list' | 'password' | 'deactivate' | 'displayName' | 'sameValues' | 'rolesInside' | 'rolesNone' | 'rolesOutside'
  | 'repWithPatch' | 'samePatch' | 'patchOutside';
/** ok: done (or seen); forbidden: FORBIDDEN; input: BAD_USER_INPUT on the field; hidden: NOT_FOUND (or not listed). */
type Outcome = 'ok' | 'forbidden' | 'input' | 'hidden';

const OPS: Op[] = ['read', 'list', 'password', 'deactivate', 'displayName', 'sameValues', 'rolesInside', 'rolesNone', 'rolesOutside',
  'repWithPatch', 'samePatch', 'patchOutside'];
const TARGETS: Target[] = ['onlyB1', 'adminB2repB1', 'b1b3', 'onlyB2', 'noRole', 'otherOrg'];
const ACTORS: Actor[] = ['admin', 'admin1', 'admin2', 'secretary', 'rep'];

/** Every role in the caller's branches: anything may change; roles and patch elsewhere are refused field by field. */
const WHOLE: Record<Op, Outcome> = {
  read: 'ok', list: 'ok', password: 'ok', deactivate: 'ok', displayName: 'ok', sameValues: 'ok', rolesInside: 'ok', rolesNone: 'ok',
  rolesOutside: 'input', repWithPatch: 'ok', samePatch: 'ok', patchOutside: 'input',
};
/** A role elsewhere too: the account itself is not the caller's to change, only its roles and patch in their branches. */
const SHARED: Record<Op, Outcome> = { ...WHOLE, password: 'forbidden', deactivate: 'forbidden', displayName: 'forbidden' };
const HIDDEN = Object.fromEntries(OPS.map((o) => [o, 'hidden'])) as Record<Op, Outcome>;
const REFUSED = Object.fromEntries(OPS.map((o) => [o, 'forbidden'])) as Record<Op, Outcome>;

/**
 * Branches: B1 the demo trust's (admin@ administers it), B2 the second trust's, B3 a third one that
 * admin@ also administers (set up below). admin1@ administers B1 only, admin2@ B2 only.
 * Accounts: onlyB1 a rep in B1; adminB2repB1 an admin of B2 who is also a rep in B1; b1b3 a
 * caseworker in B1 and a rep in B3; onlyB2 a secretary in B2; noRole an account waiting for a role;
 * otherOrg a BMA secretary.
 */
const EXPECT: Record<Actor, Record<Target, Record<Op, Outcome>>> = {
  admin: { onlyB1: WHOLE, adminB2repB1: SHARED, b1b3: WHOLE, onlyB2: HIDDEN, noRole: WHOLE, otherOrg: HIDDEN },
  admin1: { onlyB1: WHOLE, adminB2repB1: SHARED, b1b3: SHARED, onlyB2: HIDDEN, noRole: WHOLE, otherOrg: HIDDEN },
  admin2: { onlyB1: HIDDEN, adminB2repB1: SHARED, b1b3: HIDDEN, onlyB2: WHOLE, noRole: WHOLE, otherOrg: HIDDEN },
  secretary: Object.fromEntries(TARGETS.map((x) => [x, REFUSED])) as Record<Target, Record<Op, Outcome>>,
  rep: Object.fromEntries(TARGETS.map((x) => [x, REFUSED])) as Record<Target, Record<Op, Outcome>>,
};

interface ActorInfo {
  token: string;
  /** Branches administered. */
  branches: string[];
  /** Where roles and a patch are given in "inside" changes, and a site there. */
  home: string;
  homeSite: string;
  /** A branch and a site of a branch the actor does not administer. */
  foreign: string;
  foreignSite: string;
}

interface Snapshot {
  email: string;
  displayName: string;
  passwordHash: string;
  active: boolean;
  tokenVersion: number;
  updatedAt: string;
  roles: string[];
  patch: string[];
}

let t: TestApp;
let jwt: JwtService;
const branch = {} as Record<'B1' | 'B2' | 'B3' | 'BMA', string>;
/** Two sites per branch (a: in a patch, b: free). */
const site = {} as Record<'s1a' | 's1b' | 's2a' | 's2b' | 's3a' | 's3b', string>;
const actors = {} as Record<Actor, ActorInfo>;
let unisonOrg: string;
let bmaOrg: string;
let hash: string;
let serial = 0;

const UPDATE = 'mutation($id: ID!, $d: UserUpdateInput!) { updateUser(id: $id, data: $d) { id } }';
const CREATE = 'mutation($d: UserCreateInput!) { createUser(data: $d) { id } }';
const NEW_PASSWORD = 'a-brand-new-long-password';

async function login(email: string): Promise<string> {
  const res = await t.gql<{ login: { token: string } }>('mutation($e: String!, $p: String!) { login(email: $e, password: $p) { token } }', { e: email, p: DEMO_PASSWORD });
  if (!res.data?.login) throw new Error(`login as ${email} failed: ${JSON.stringify(res.errors)}`);
  return res.data.login.token;
}

async function newUser(email: string, org: string, roles: [string, string][], patch: string[] = []): Promise<string> {
  const [{ id }] = await t.sql('INSERT INTO app_user (email, display_name, password_hash, organisation_id) VALUES ($1, $2, $3, $4) RETURNING id',
    [email, `Person ${email.split('@')[0]}`, hash, org]);
  for (const [b, role] of roles) await t.sql('INSERT INTO user_branch_role (user_id, branch_id, role) VALUES ($1, $2, $3)', [id, b, role]);
  for (const s of patch) await t.sql('INSERT INTO rep_patch (user_id, site_id) VALUES ($1, $2)', [id, s]);
  return id;
}

/** A fresh account of each kind, so every cell starts from the same state. */
function makeTarget(kind: Target): Promise<string> {
  const email = `${kind.toLowerCase()}.${++serial}@${kind === 'otherOrg' ? 'bma' : 'unison'}.example`;
  switch (kind) {
    case 'onlyB1': return newUser(email, unisonOrg, [[branch.B1, 'REP']], [site.s1a]);
    case 'adminB2repB1': return newUser(email, unisonOrg, [[branch.B2, 'ADMIN'], [branch.B1, 'REP']], [site.s1a]);
    case 'b1b3': return newUser(email, unisonOrg, [[branch.B1, 'CASEWORKER'], [branch.B3, 'REP']], [site.s3a]);
    case 'onlyB2': return newUser(email, unisonOrg, [[branch.B2, 'BRANCH_SECRETARY']]);
    case 'noRole': return newUser(email, unisonOrg, []);
    case 'otherOrg': return newUser(email, bmaOrg, [[branch.BMA, 'BRANCH_SECRETARY']]);
  }
}

async function snapshot(id: string): Promise<Snapshot> {
  const [u] = await t.sql(`SELECT email, display_name, password_hash, active, token_version, updated_at::text AS updated_at,
    coalesce((SELECT array_agg(r.branch_id || ':' || r.role ORDER BY r.branch_id, r.role) FROM user_branch_role r WHERE r.user_id = u.id), '{}') AS roles,
    coalesce((SELECT array_agg(rp.site_id::text ORDER BY rp.site_id) FROM rep_patch rp WHERE rp.user_id = u.id), '{}') AS patch
    FROM app_user u WHERE u.id = $1`, [id]);
  return {
    email: u.email, displayName: u.display_name, passwordHash: u.password_hash, active: u.active, tokenVersion: u.token_version,
    updatedAt: u.updated_at, roles: u.roles, patch: u.patch,
  };
}

/** Whether a session of the account still works. */
async function sessionWorks(token: string): Promise<boolean> {
  const res = await t.gql('{ me { id } }', {}, token);
  if (res.data?.me?.id) return true;
  if (errorOf(res).code === 'UNAUTHENTICATED') return false;
  throw new Error(`unexpected answer to me: ${JSON.stringify(res.errors)}`);
}

function request(op: Op, x: ActorInfo, id: string, before: Snapshot): [string, Record<string, unknown>] {
  const update = (d: Record<string, unknown>): [string, Record<string, unknown>] => [UPDATE, { id, d }];
  switch (op) {
    case 'read': return ['query($id: ID!) { User(id: $id) { id roles { branchId } patchSiteIds } }', { id }];
    case 'list': return ['query($ids: [String!]) { allUsers(filter: { ids: $ids }) { id } }', { ids: [id] }];
    case 'password': return update({ password: NEW_PASSWORD });
    case 'deactivate': return update({ active: false });
    case 'displayName': return update({ displayName: 'Renamed Person' });
    // what the edit form sends back untouched
    case 'sameValues': return update({ displayName: before.displayName, active: true });
    case 'rolesInside': return update({ roles: [{ branchId: x.home, role: 'CASEWORKER' }, { branchId: x.home, role: 'BRANCH_SECRETARY' }] });
    case 'rolesNone': return update({ roles: [] });
    case 'rolesOutside': return update({ roles: [{ branchId: x.foreign, role: 'REP' }] });
    case 'repWithPatch': return update({ roles: [{ branchId: x.home, role: 'REP' }], patchSiteIds: [x.homeSite] });
    case 'samePatch': return update({ patchSiteIds: before.patch });
    case 'patchOutside': return update({ patchSiteIds: [...before.patch, x.foreignSite] });
  }
}

function outcomeOf(op: Op, r: GqlResult): Outcome | string {
  const e = errorOf(r);
  if (op === 'list' && !r.errors) return r.data?.allUsers.length ? 'ok' : 'hidden';
  if (!r.errors && (r.data?.User || r.data?.updateUser)) return 'ok';
  if (e.code === 'FORBIDDEN') return 'forbidden';
  if (e.code === 'NOT_FOUND') return 'hidden';
  if (e.code === 'BAD_USER_INPUT' && (op === 'rolesOutside' ? e.fields?.roles : e.fields?.patchSiteIds)) return 'input';
  return `unexpected ${JSON.stringify(r.errors ?? r.data)}`;
}

/** What an allowed change must have done (null: it did), given the account before and after. */
function effect(op: Op, x: ActorInfo, before: Snapshot, after: Snapshot, session: boolean): string | null {
  const mine = (roles: string[]) => roles.filter((r) => x.branches.includes(r.split(':')[0])).sort();
  const others = (roles: string[]) => roles.filter((r) => !x.branches.includes(r.split(':')[0])).sort();
  const unchanged = JSON.stringify({ ...after, updatedAt: null }) === JSON.stringify({ ...before, updatedAt: null });
  const same = (a: string[], b: string[]) => JSON.stringify(a) === JSON.stringify(b);
  const checks: Record<Op, [boolean, boolean]> = {
    // [the change is right, the session should still work]
    read: [unchanged, true],
    list: [unchanged, true],
    password: [after.passwordHash !== before.passwordHash && after.active, false],
    deactivate: [!after.active && after.passwordHash === before.passwordHash, false],
    displayName: [after.displayName === 'Renamed Person' && same(after.roles, before.roles), true],
    sameValues: [unchanged, true],
    rolesInside: [same(mine(after.roles), [`${x.home}:BRANCH_SECRETARY`, `${x.home}:CASEWORKER`].sort()) && same(others(after.roles), others(before.roles)), false],
    rolesNone: [mine(after.roles).length === 0 && same(others(after.roles), others(before.roles)), mine(before.roles).length === 0],
    rolesOutside: [false, true],
    repWithPatch: [same(mine(after.roles), [`${x.home}:REP`]) && same(others(after.roles), others(before.roles)) && after.patch.includes(x.homeSite), false],
    samePatch: [unchanged, true],
    patchOutside: [false, true],
  };
  const [right, stays] = checks[op];
  if (!right) return `wrong change: ${JSON.stringify({ before, after })}`;
  if (session !== stays) return `the account's session ${session ? 'still works' : 'ended'}`;
  return null;
}

beforeAll(async () => {
  t = await startTestApp();
  jwt = t.app.get(JwtService, { strict: false });
  const branchOf = async (email: string) => (await t.sql(
    'SELECT r.branch_id AS id FROM user_branch_role r JOIN app_user u ON u.id = r.user_id WHERE u.email = $1', [email],
  ))[0].id as string;
  branch.B1 = await branchOf(LOGINS.admin);
  branch.B2 = await branchOf(LOGINS.secretary2);
  branch.BMA = await branchOf(LOGINS.bmaSecretary);
  [{ id: unisonOrg }] = await t.sql("SELECT id FROM organisation WHERE name LIKE 'UNISON%'");
  [{ id: bmaOrg }] = await t.sql("SELECT id FROM organisation WHERE name LIKE 'BMA%'");
  [{ hash }] = await t.sql('SELECT password_hash AS hash FROM app_user WHERE email = $1', [LOGINS.admin]);
  // a third branch, with its own trust, that admin@ administers as well as B1
  const [{ id: employer3 }] = await t.sql("INSERT INTO employer (organisation_id, name) VALUES ($1, 'Third Walls NHS Trust') RETURNING id", [unisonOrg]);
  [{ id: branch.B3 }] = await t.sql('INSERT INTO branch (organisation_id, name) VALUES ($1, $2) RETURNING id', [unisonOrg, 'Third Walls NHS Trust']);
  await t.sql('INSERT INTO branch_employer (branch_id, employer_id) VALUES ($1, $2)', [branch.B3, employer3]);
  const employerOf = { 1: t.demoEmployerId, 2: t.otherEmployerId, 3: employer3 } as const;
  for (const n of [1, 2, 3] as const) {
    for (const k of ['a', 'b'] as const) {
      [{ id: site[`s${n}${k}`] }] = await t.sql("INSERT INTO site (organisation_id, name, kind, employer_id) VALUES ($3, $1, 'CLINIC', $2) RETURNING id", [`Walls clinic ${n}${k}`, employerOf[n], unisonOrg]);
    }
  }
  const [{ id: adminId }] = await t.sql('SELECT id FROM app_user WHERE email = $1', [LOGINS.admin]);
  await t.sql("INSERT INTO user_branch_role (user_id, branch_id, role) VALUES ($1, $2, 'ADMIN')", [adminId, branch.B3]);
  await newUser('admin1@unison.example', unisonOrg, [[branch.B1, 'ADMIN']]);
  await newUser('admin2@unison.example', unisonOrg, [[branch.B2, 'ADMIN']]);

  const b1 = { home: branch.B1, homeSite: site.s1b };
  actors.admin = { token: await t.login('admin'), branches: [branch.B1, branch.B3], ...b1, foreign: branch.B2, foreignSite: site.s2b };
  actors.admin1 = { token: await login('admin1@unison.example'), branches: [branch.B1], ...b1, foreign: branch.B3, foreignSite: site.s3b };
  actors.admin2 = { token: await login('admin2@unison.example'), branches: [branch.B2], home: branch.B2, homeSite: site.s2b, foreign: branch.B1, foreignSite: site.s1b };
  actors.secretary = { token: await t.login('secretary'), branches: [], ...b1, foreign: branch.B2, foreignSite: site.s2b };
  actors.rep = { token: await t.login('rep'), branches: [], ...b1, foreign: branch.B2, foreignSite: site.s2b };
});
afterAll(async () => { await t?.close(); });

describe('authorisation matrix (accounts)', () => {
  // One test per login and kind of account, so that each stays well inside the timeout on a busy machine.
  const tally: Record<Outcome, number> = { ok: 0, forbidden: 0, input: 0, hidden: 0 };
  let cells = 0;
  it.each(ACTORS.flatMap((who) => TARGETS.map((target) => [who, target] as const)))(
    'reads and changes every account exactly as the table says, and changes nothing it refuses: %s × %s', async (who, target) => {
      const wrong: string[] = [];
      const x = actors[who];
      for (const op of OPS) {
        const id = await makeTarget(target);
        const before = await snapshot(id);
        const token = jwt.sign({ sub: id, ver: before.tokenVersion });
        const [query, variables] = request(op, x, id, before);
        const got = outcomeOf(op, await t.gql(query, variables, x.token));
        const want = EXPECT[who][target][op];
        const after = await snapshot(id);
        const session = await sessionWorks(token);
        cells++;
        const cell = `${who} × ${target} × ${op}`;
        if (got !== want) {
          wrong.push(`${cell}: expected ${want}, got ${got}`);
          continue;
        }
        tally[got]++;
        if (got === 'ok') {
          const problem = effect(op, x, before, after, session);
          if (problem) wrong.push(`${cell}: ${problem}`);
        } else {
          if (JSON.stringify(after) !== JSON.stringify(before)) wrong.push(`${cell}: refused, yet changed ${JSON.stringify({ before, after })}`);
          if (!session) wrong.push(`${cell}: refused, yet the account's session ended`);
        }
      }
      expect(wrong).toEqual([]);
    });

  it('checked every cell of the table', () => {
    console.log(`authorisation matrix (accounts): ${cells} cells: ${tally.ok} ok, ${tally.forbidden} forbidden, ${tally.input} refused input, ${tally.hidden} hidden`);
    expect(cells).toBe(ACTORS.length * TARGETS.length * OPS.length);
  });

  it('says why an account that is not wholly theirs cannot be changed', async () => {
    const id = await makeTarget('adminB2repB1');
    const res = await t.gql(UPDATE, { id, d: { password: NEW_PASSWORD, roles: [{ branchId: branch.B1, role: 'CASEWORKER' }] } }, actors.admin1.token);
    expect(errorOf(res)).toEqual({
      code: 'FORBIDDEN', fields: undefined,
      message: 'This account also holds roles in branches you do not administer: you can change only its roles and patch in your branches. '
        + 'Its password, name and active state can be changed by an admin of all its branches.',
    });
    // all or nothing: the allowed part of the change was not made either
    expect((await snapshot(id)).roles).toEqual([`${branch.B1}:REP`, `${branch.B2}:ADMIN`].sort());
  });

  it('names a patch site of a branch the admin does not run', async () => {
    const id = await makeTarget('adminB2repB1');
    const res = await t.gql(UPDATE, { id, d: { patchSiteIds: [site.s1a, site.s1b] } }, actors.admin2.token);
    expect(errorOf(res)).toMatchObject({ code: 'BAD_USER_INPUT', fields: { patchSiteIds: 'Walls clinic 1b is not a site of a branch you administer' } });
  });
});

describe('a new account with an email that is taken', () => {
  const attempt = (email: string) => t.gql(CREATE, {
    d: { email, displayName: 'Probe', password: NEW_PASSWORD, roles: [{ branchId: branch.B1, role: 'REP' }] },
  }, actors.admin1.token);

  it('names the clash only for an account the admin can see', async () => {
    const count = async () => (await t.sql('SELECT count(*)::int AS n FROM app_user'))[0].n as number;
    const before = await count();
    expect(errorOf(await attempt(LOGINS.rep))).toMatchObject({ code: 'BAD_USER_INPUT', fields: { email: 'is already used by another account' } });
    expect(errorOf(await attempt('Admin1@Unison.example'))).toMatchObject({ code: 'BAD_USER_INPUT', fields: { email: 'is already used by another account' } });
    expect(await count()).toBe(before);
  });

  it('answers the same for every account outside its scope, whichever branch or organisation, active or not', async () => {
    const gone = `gone.${++serial}@unison.example`;
    await newUser(gone, unisonOrg, [[branch.B2, 'REP']]);
    await t.sql('UPDATE app_user SET active = false WHERE email = $1', [gone]);
    const bma = `probe.${++serial}@bma.example`;
    await newUser(bma, bmaOrg, [[branch.BMA, 'REP']]);
    const before = (await t.sql('SELECT count(*)::int AS n FROM app_user'))[0].n;
    const outside = [LOGINS.bmaSecretary, 'Secretary@BMA.example', bma, LOGINS.secretary2, 'admin2@unison.example', gone];
    const answers = [];
    for (const email of outside) {
      const res = await attempt(email);
      answers.push({ ...errorOf(res), data: res.data?.createUser ?? null });
    }
    const expected = {
      code: 'BAD_USER_INPUT', data: null,
      message: 'Invalid input — email: cannot be used for a new account: ask the person which address to use',
      fields: { email: 'cannot be used for a new account: ask the person which address to use' },
    };
    expect(answers).toEqual(outside.map(() => expected));
    expect((await t.sql('SELECT count(*)::int AS n FROM app_user'))[0].n).toBe(before);
  });
});
