import { DEMO_PASSWORD, errorOf, LOGINS, startTestApp, type TestApp } from '../fixtures/app.js';

/** Admins manage accounts, roles, branches and patches, only within the branches they administer. */
let t: TestApp;
let myBranch: string;
let otherBranch: string;
let patchSite: string;
let otherSite: string;

const LOGIN = 'mutation($e: String!, $p: String!) { login(email: $e, password: $p) { token user { permissions roles { role branch { name } } } } }';
const CREATE = 'mutation($d: UserCreateInput!) { createUser(data: $d) { id email active roles { role branchId } patchSiteIds } }';
const UPDATE = 'mutation($id: ID!, $d: UserUpdateInput!) { updateUser(id: $id, data: $d) { id active roles { role branchId } patchSiteIds } }';
const PASSWORD = 'a-long-enough-password';

const branchOf = async (email: string) => (await t.sql(
  'SELECT r.branch_id AS id FROM user_branch_role r JOIN app_user u ON u.id = r.user_id WHERE u.email = $1', [email],
))[0].id as string;

beforeAll(async () => {
  t = await startTestApp();
  myBranch = await branchOf(LOGINS.admin);
  otherBranch = await branchOf(LOGINS.secretary2);
  [{ id: patchSite }] = await t.sql('SELECT id FROM site WHERE employer_id = $1 ORDER BY name LIMIT 1', [t.demoEmployerId]);
  [{ id: otherSite }] = await t.sql('SELECT id FROM site WHERE employer_id = $1 ORDER BY name LIMIT 1', [t.otherEmployerId]);
});
afterAll(async () => { await t?.close(); });

describe('users', () => {
  let id: string;

  it('an admin creates a rep with a patch, who can then log in and sees only the patch', async () => {
    const res = await t.as('admin')(CREATE, { d: {
      email: 'New.Rep@Unison.example', displayName: 'Nia Rep', password: PASSWORD,
      roles: [{ branchId: myBranch, role: 'REP' }], patchSiteIds: [patchSite],
    } });
    expect(res.errors).toBeUndefined();
    id = res.data?.createUser.id;
    expect(res.data?.createUser).toMatchObject({ email: 'new.rep@unison.example', active: true, roles: [{ role: 'REP', branchId: myBranch }], patchSiteIds: [patchSite] });
    const login = await t.gql(LOGIN, { e: 'new.rep@unison.example', p: PASSWORD });
    expect(login.data?.login.user.permissions).toContain('PEOPLE_WRITE');
    expect(login.data?.login.user.permissions).not.toContain('USERS_MANAGE');
    const people = await t.gql('{ allContacts(perPage: 500) { ward { site { id } } } }', {}, login.data?.login.token);
    expect(new Set(people.data?.allContacts.map((c: { ward: { site: { id: string } } }) => c.ward.site.id))).toEqual(new Set([patchSite]));
  });

  it('refuses roles outside the branches the admin administers, patches outside a rep branch, and bad input, changing nothing', async () => {
    const before = (await t.sql('SELECT count(*)::int AS n FROM app_user'))[0].n;
    const base = { email: 'x@unison.example', displayName: 'X', password: PASSWORD, roles: [{ branchId: myBranch, role: 'REP' }] };
    const cases: [Record<string, unknown>, Record<string, string>][] = [
      [{ roles: [{ branchId: otherBranch, role: 'ADMIN' }] }, { roles: 'can only be given in branches you administer' }],
      [{ roles: [] }, { roles: 'give at least one role in a branch you administer' }],
      [{ patchSiteIds: [otherSite] }, { patchSiteIds: expect.stringMatching(/is not a site of a branch where this user is a rep/) as unknown as string }],
      [{ roles: [{ branchId: myBranch, role: 'CASEWORKER' }], patchSiteIds: [patchSite] }, { patchSiteIds: expect.stringMatching(/not a site of a branch/) as unknown as string }],
      [{ email: LOGINS.rep }, { email: 'is already used by another account' }],
      [{ email: 'not-an-email' }, { email: 'email must be an email address' }],
      [{ password: 'short' }, { password: 'password must be at least 12 characters' }],
      [{ email: 'sam.smith@unison.example', password: 'sam.smith-is-my-password' }, { password: "must not contain the user's email name" }],
      [{ roles: [{ branchId: myBranch, role: 'KING' }] }, {}],
    ];
    for (const [change, fields] of cases) {
      const res = await t.as('admin')(CREATE, { d: { ...base, ...change } });
      const err = errorOf(res);
      if (Object.keys(fields).length) expect({ code: err.code, fields: err.fields }).toEqual({ code: 'BAD_USER_INPUT', fields });
      else expect(res.errors).toBeDefined();
    }
    expect((await t.sql('SELECT count(*)::int AS n FROM app_user'))[0].n).toBe(before);
  });

  it('lists the accounts of the branches the admin administers, never another branch or organisation', async () => {
    const res = await t.as('admin')('{ allUsers(perPage: 100) { email } _allUsersMeta { count } }');
    const emails = res.data?.allUsers.map((u: { email: string }) => u.email);
    expect(emails).toEqual(expect.arrayContaining([LOGINS.admin, LOGINS.secretary, LOGINS.rep, 'new.rep@unison.example']));
    expect(emails).not.toContain(LOGINS.secretary2);
    expect(emails).not.toContain(LOGINS.bmaSecretary);
    expect(res.data?._allUsersMeta.count).toBe(emails.length);
    const [other] = await t.sql('SELECT id FROM app_user WHERE email = $1', [LOGINS.secretary2]);
    expect(errorOf(await t.as('admin')('query($id: ID!) { User(id: $id) { id } }', { id: other.id })).code).toBe('NOT_FOUND');
    expect(errorOf(await t.as('admin')(UPDATE, { id: other.id, d: { active: false } })).code).toBe('NOT_FOUND');
    const filtered = await t.as('admin')('{ allUsers(filter: { role: REP }) { email } }');
    expect(filtered.data?.allUsers.map((u: { email: string }) => u.email).sort()).toEqual(['new.rep@unison.example', LOGINS.rep].sort());
  });

  it('changing roles ends the sessions of that user and is audited with before and after (never a password hash)', async () => {
    const token = (await t.gql(LOGIN, { e: 'new.rep@unison.example', p: PASSWORD })).data?.login.token;
    const res = await t.as('admin')(UPDATE, { id, d: { roles: [{ branchId: myBranch, role: 'CASEWORKER' }] } });
    expect(res.errors).toBeUndefined();
    // no longer a rep: the patch goes with the role
    expect(res.data?.updateUser).toMatchObject({ roles: [{ role: 'CASEWORKER' }], patchSiteIds: [] });
    expect(errorOf(await t.gql('{ me { id } }', {}, token)).code).toBe('UNAUTHENTICATED');
    const audit = await t.as('admin')('query($id: ID!) { allAuditEvents(filter: { entityId: $id }) { action entityType before after } }', { id });
    const update = audit.data?.allAuditEvents.find((e: { action: string }) => e.action === 'UPDATE');
    expect(update.before.roles).toEqual([{ branchId: myBranch, role: 'REP' }]);
    expect(update.after.roles).toEqual([{ branchId: myBranch, role: 'CASEWORKER' }]);
    expect(JSON.stringify(audit.data)).not.toMatch(/argon2|passwordHash|password_hash/);
  });

  it('deactivating an account stops its logins; an admin cannot lock themselves out', async () => {
    expect((await t.as('admin')(UPDATE, { id, d: { active: false } })).errors).toBeUndefined();
    expect(errorOf(await t.gql(LOGIN, { e: 'new.rep@unison.example', p: PASSWORD })).code).toBe('UNAUTHENTICATED');
    const [me] = await t.sql('SELECT id FROM app_user WHERE email = $1', [LOGINS.admin]);
    expect(errorOf(await t.as('admin')(UPDATE, { id: me.id, d: { active: false } })).fields).toEqual({ active: 'you cannot deactivate your own account' });
    expect(errorOf(await t.as('admin')(UPDATE, { id: me.id, d: { roles: [{ branchId: myBranch, role: 'REP' }] } })).fields)
      .toEqual({ roles: 'you cannot remove your own admin role (ask another admin)' });
  });

  it('is refused to everyone but admins', async () => {
    for (const who of ['secretary', 'caseworker', 'rep', 'coalition', 'secretary2', 'bmaSecretary'] as const) {
      expect(errorOf(await t.as(who)('{ allUsers { id } }')).code).toBe('FORBIDDEN');
      expect(errorOf(await t.as(who)(CREATE, { d: { email: 'y@unison.example', displayName: 'Y', password: PASSWORD, roles: [] } })).code).toBe('FORBIDDEN');
    }
  });
});

describe('branches', () => {
  it("lists one's own organisation's branches to anyone logged in", async () => {
    const u = await t.as('rep')('{ allBranches { name employers { id } } }');
    const b = await t.as('bmaSecretary')('{ allBranches { name } }');
    expect(u.data?.allBranches.length).toBeGreaterThanOrEqual(2);
    const unisonNames = new Set(u.data?.allBranches.map((x: { name: string }) => x.name));
    const [{ n }] = await t.sql("SELECT count(*)::int AS n FROM branch b JOIN organisation o ON o.id = b.organisation_id WHERE o.name LIKE 'UNISON%'");
    expect(unisonNames.size).toBe(n);
    expect(b.data?.allBranches.length).toBeGreaterThan(0);
  });

  it('an admin renames their branch, cannot take an employer another branch organises, and cannot touch other branches', async () => {
    const renamed = await t.as('admin')('mutation($id: ID!) { updateBranch(id: $id, data: { name: "Riverside branch" }) { name employerIds } }', { id: myBranch });
    expect(renamed.data?.updateBranch).toEqual({ name: 'Riverside branch', employerIds: [t.demoEmployerId] });
    const grab = await t.as('admin')('mutation($id: ID!, $e: [ID!]) { updateBranch(id: $id, data: { employerIds: $e }) { id } }', { id: myBranch, e: [t.demoEmployerId, t.otherEmployerId] });
    expect(errorOf(grab).fields?.employerIds).toMatch(/is already organised by the .* branch/);
    const other = await t.as('admin')('mutation($id: ID!) { updateBranch(id: $id, data: { name: "Mine now" }) { id } }', { id: otherBranch });
    expect(errorOf(other).code).toBe('FORBIDDEN');
    expect((await t.sql('SELECT name FROM branch WHERE id = $1', [otherBranch]))[0].name).not.toBe('Mine now');
  });

  it('creating a branch makes its creator its admin; a branch with other members cannot be deleted', async () => {
    const [{ id: employerId }] = await t.sql("INSERT INTO employer (organisation_id, name) SELECT organisation_id, 'Riverside Community Trust' FROM app_user WHERE email = 'admin@unison.example' RETURNING id");
    const created = await t.as('admin')('mutation($e: [ID!]!) { createBranch(data: { name: "Community branch", employerIds: $e }) { id name } }', { e: [employerId] });
    expect(created.errors).toBeUndefined();
    const admin = await t.gql(LOGIN, { e: LOGINS.admin, p: DEMO_PASSWORD });
    expect(admin.data?.login.user.roles).toEqual(expect.arrayContaining([{ role: 'ADMIN', branch: { name: 'Community branch' } }]));
    expect(errorOf(await t.as('admin')('mutation($id: ID!) { deleteBranch(id: $id) { id } }', { id: myBranch })).fields?.id).toMatch(/other users hold/);
    const del = await t.gql('mutation($id: ID!) { deleteBranch(id: $id) { id } }', { id: created.data?.createBranch.id }, admin.data?.login.token);
    expect(del.errors).toBeUndefined();
    expect((await t.sql('SELECT count(*)::int AS n FROM branch WHERE id = $1', [created.data?.createBranch.id]))[0].n).toBe(0);
  });
});
