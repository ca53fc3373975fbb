import { ModulesContainer } from '@nestjs/core';
import { MetadataScanner } from '@nestjs/core/metadata-scanner.js';
import { PERMISSION_KEY, PUBLIC_KEY } from '../../apps/api/src/access/permissions.js';
import { DEMO_PASSWORD, errorOf, LOGINS, startTestApp, type TestApp } from '../fixtures/app.js';

let t: TestApp;
beforeAll(async () => { t = await startTestApp(); });
afterAll(async () => { await t?.close(); });

describe('deny by default', () => {
  it('refuses an anonymous request, even for __typename', async () => {
    const res = await t.gql('{ __typename }');
    expect(res.data).toBeUndefined();
    expect(errorOf(res).code).toBe('UNAUTHENTICATED');
  });

  it('refuses anonymous introspection and data queries', async () => {
    for (const q of ['{ __schema { types { name } } }', '{ allContacts { id lastName } }', '{ _allContactsMeta { count } }']) {
      const res = await t.gql(q);
      expect(errorOf(res).code).toBe('UNAUTHENTICATED');
      expect(res.data?.allContacts).toBeUndefined();
    }
  });

  it('refuses a login mutation bundled with a data query', async () => {
    const res = await t.gql(`mutation { login(email: "${LOGINS.secretary}", password: "${DEMO_PASSWORD}") { token } deleteContact(id: "00000000-0000-0000-0000-000000000000") { id } }`);
    expect(errorOf(res).code).toBe('UNAUTHENTICATED');
  });

  it('refuses a forged or expired token', async () => {
    const res = await t.gql('{ me { id } }', {}, 'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ4In0.bad');
    expect(errorOf(res).code).toBe('UNAUTHENTICATED');
  });

  it('names a permission (or @Public) on every query and mutation', () => {
    const scanner = new MetadataScanner();
    const seen: string[] = [];
    const unguarded: string[] = [];
    for (const mod of t.app.get(ModulesContainer).values()) {
      for (const wrapper of mod.providers.values()) {
        const instance = wrapper.instance as object | undefined;
        if (!instance || !wrapper.metatype) continue;
        const proto = Object.getPrototypeOf(instance);
        for (const method of scanner.getAllMethodNames(proto)) {
          const handler = proto[method];
          const type = Reflect.getMetadata('graphql:resolver_type', handler);
          if (type !== 'Query' && type !== 'Mutation') continue;
          const name = `${type}.${Reflect.getMetadata('graphql:resolver_name', handler) ?? method}`;
          seen.push(name);
          if (!Reflect.getMetadata(PERMISSION_KEY, handler) && !Reflect.getMetadata(PUBLIC_KEY, handler)) unguarded.push(name);
        }
      }
    }
    expect(seen).toEqual(expect.arrayContaining(['Query.allContacts', 'Mutation.createContact', 'Mutation.login']));
    expect(seen.length).toBeGreaterThan(40);
    expect(unguarded).toEqual([]);
  });
});

describe('login', () => {
  const LOGIN = 'mutation($e: String!, $p: String!) { login(email: $e, password: $p) { token user { email roles { role } organisation { name } } } }';

  it('logs in with the right password and returns the user', async () => {
    const res = await t.gql(LOGIN, { e: LOGINS.secretary, p: DEMO_PASSWORD });
    expect(res.data?.login.token).toMatch(/^ey/);
    expect(res.data?.login.user).toMatchObject({ email: LOGINS.secretary, roles: [{ role: 'BRANCH_SECRETARY' }] });
    const me = await t.gql('{ me { email displayName } }', {}, res.data?.login.token);
    expect(me.data?.me.email).toBe(LOGINS.secretary);
  });

  it('accepts the email in any case', async () => {
    const res = await t.gql(LOGIN, { e: LOGINS.rep.toUpperCase(), p: DEMO_PASSWORD });
    expect(res.data?.login.user.roles).toEqual([{ role: 'REP' }]);
  });

  it('gives one generic message for a wrong password and for an unknown email', async () => {
    const wrong = await t.gql(LOGIN, { e: LOGINS.secretary, p: 'wrong-password' });
    const unknown = await t.gql(LOGIN, { e: 'nobody@unison.example', p: DEMO_PASSWORD });
    expect(errorOf(wrong)).toMatchObject({ code: 'UNAUTHENTICATED', message: 'Email or password is incorrect' });
    expect(errorOf(unknown)).toMatchObject({ code: 'UNAUTHENTICATED', message: 'Email or password is incorrect' });
    expect(wrong.data?.login).toBeUndefined();
  });

  it('stores only argon2id hashes', async () => {
    const rows = await t.sql<{ password_hash: string }>('SELECT password_hash FROM app_user');
    expect(rows.length).toBeGreaterThanOrEqual(6);
    for (const r of rows) expect(r.password_hash).toMatch(/^\$argon2id\$v=19\$m=19456,p=1,t=2\$/);
  });

  it('never exposes the password hash in the schema', async () => {
    const res = await t.as('secretary')('{ me { passwordHash } }');
    expect(errorOf(res).code).toBe('GRAPHQL_VALIDATION_FAILED');
  });
});

describe('roles', () => {
  it('refuses named people to a coalition viewer but gives aggregates', async () => {
    const people = await t.as('coalition')('{ allContacts { id lastName } }');
    expect(errorOf(people).code).toBe('FORBIDDEN');
    expect(people.data).toBeNull();
    const wards = await t.as('coalition')('{ allWards(perPage: 3) { name headcount memberCount } }');
    expect(wards.errors).toBeUndefined();
    expect(wards.data?.allWards).toHaveLength(3);
  });

  it('refuses workplace changes to a rep and people changes to a caseworker', async () => {
    const employer = await t.as('rep')('mutation { createEmployer(data: { name: "Rep Trust" }) { id } }');
    expect(errorOf(employer).code).toBe('FORBIDDEN');
    const contacts = await t.as('caseworker')('{ allContacts(perPage: 1) { id } }');
    expect(contacts.errors).toBeUndefined();
    const del = await t.as('caseworker')('mutation($id: ID!) { deleteContact(id: $id) { id } }', { id: contacts.data?.allContacts[0].id });
    expect(errorOf(del).code).toBe('FORBIDDEN');
    const [{ n }] = await t.sql('SELECT count(*)::int AS n FROM contact WHERE id = $1 AND deleted_at IS NULL', [contacts.data?.allContacts[0].id]);
    expect(n).toBe(1);
    expect((await t.sql("SELECT 1 FROM employer WHERE name = 'Rep Trust'")).length).toBe(0);
  });
});

describe('the answer to a login', () => {
  it("names the user's branches with their employers, as `me` does (the login runs as the user once signed in)", async () => {
    const q = '{ roles { role branch { name employerIds } } }';
    const res = await t.gql<{ login: { user: { roles: { branch: { employerIds: string[] } }[] } } }>(
      `mutation($e: String!, $p: String!) { login(email: $e, password: $p) { user ${q} } }`, { e: LOGINS.secretary, p: DEMO_PASSWORD });
    const me = await t.as('secretary')(`{ me ${q} }`);
    expect(res.data?.login.user.roles[0].branch.employerIds).toEqual([t.demoEmployerId]);
    expect(res.data?.login.user).toEqual(me.data?.me);
  });
});

describe('organisations are walls', () => {
  it("never shows one organisation's people to another, by list, id, filter or count", async () => {
    const unison = await t.as('secretary')('{ allContacts(perPage: 500) { id } _allContactsMeta { count } }');
    const bma = await t.as('bmaSecretary')('{ allContacts(perPage: 500) { id } _allContactsMeta { count } }');
    const u = new Set(unison.data?.allContacts.map((c: { id: string }) => c.id));
    const b = bma.data?.allContacts.map((c: { id: string }) => c.id) as string[];
    expect(u.size).toBeGreaterThan(0);
    expect(b.length).toBeGreaterThan(0);
    expect(b.filter((id) => u.has(id))).toEqual([]);
    const [{ n }] = await t.sql("SELECT count(*)::int AS n FROM contact c JOIN organisation o ON o.id = c.organisation_id JOIN employer e ON e.id = c.employer_id WHERE o.name LIKE 'BMA%' AND c.deleted_at IS NULL AND e.name = (SELECT name FROM employer WHERE id = $1)", [t.demoEmployerId]);
    expect(bma.data?._allContactsMeta.count).toBe(n);

    const someone = [...u][0];
    const byId = await t.as('bmaSecretary')('query($id: ID!) { Contact(id: $id) { id } }', { id: someone });
    expect(errorOf(byId).code).toBe('NOT_FOUND');
    const byFilter = await t.as('bmaSecretary')('query($ids: [String!]) { allContacts(filter: { ids: $ids }) { id } _allContactsMeta(filter: { ids: $ids }) { count } }', { ids: [someone] });
    expect(byFilter.data).toEqual({ allContacts: [], _allContactsMeta: { count: 0 } });
    const update = await t.as('bmaSecretary')('mutation($id: ID!) { updateContact(id: $id, data: { lastName: "Leaked" }) { id } }', { id: someone });
    expect(errorOf(update).code).toBe('NOT_FOUND');
    const membership = await t.as('bmaSecretary')(
      'mutation($c: ID!, $u: ID!) { createMembership(data: { contactId: $c, unionId: $u, status: MEMBER, source: SELF_REPORTED }) { id } }',
      { c: someone, u: (await t.sql("SELECT t.id FROM trade_union t JOIN organisation o ON o.id = t.organisation_id WHERE o.name LIKE 'BMA%' LIMIT 1"))[0].id },
    );
    expect(errorOf(membership)).toMatchObject({ code: 'BAD_USER_INPUT', fields: { contactId: 'does not exist' } });
  });

  it("counts only the caller's organisation in ward headcounts", async () => {
    const q = '{ allWards(perPage: 100) { id headcount } }';
    const u = await t.as('secretary')(q);
    const b = await t.as('bmaSecretary')(q);
    const total = (r: typeof u) => r.data?.allWards.reduce((s: number, w: { headcount: number }) => s + w.headcount, 0);
    const [{ n }] = await t.sql(`SELECT count(*)::int AS n FROM contact c JOIN posting p ON p.contact_id = c.id AND p.end_date IS NULL
      JOIN organisation o ON o.id = c.organisation_id WHERE o.name LIKE 'UNISON%' AND c.deleted_at IS NULL AND (c.leave_date IS NULL OR c.leave_date > current_date)
      AND c.employer_id = $1`, [t.demoEmployerId]);
    expect(total(u)).toBe(n);
    expect(total(b)).toBeLessThan(total(u));
  });
});

describe('sessions and passwords', () => {
  const LOGIN = 'mutation($e: String!, $p: String!) { login(email: $e, password: $p) { token } }';
  const tokenFor = async (e: string, p = DEMO_PASSWORD) => (await t.gql(LOGIN, { e, p })).data?.login.token as string;

  it('logout revokes every token of the user, and a new login works', async () => {
    const a = await tokenFor(LOGINS.caseworker);
    const b = await tokenFor(LOGINS.caseworker);
    expect((await t.gql('{ me { email } }', {}, a)).data?.me.email).toBe(LOGINS.caseworker);
    const out = await t.gql('mutation { logout }', {}, a);
    expect(out.data?.logout).toBe(true);
    for (const old of [a, b]) expect(errorOf(await t.gql('{ me { email } }', {}, old)).code).toBe('UNAUTHENTICATED');
    const c = await tokenFor(LOGINS.caseworker);
    expect((await t.gql('{ me { email } }', {}, c)).data?.me.email).toBe(LOGINS.caseworker);
  });

  it('changes the own password: checks the current one, validates the new one, ends other sessions', async () => {
    const old = await tokenFor(LOGINS.admin);
    const CHANGE = 'mutation($c: String!, $n: String!) { changePassword(currentPassword: $c, newPassword: $n) { token } }';
    const wrong = await t.gql(CHANGE, { c: 'nope', n: 'a-much-longer-passphrase' }, old);
    expect(errorOf(wrong).fields).toEqual({ currentPassword: 'is not your current password' });
    const short = await t.gql(CHANGE, { c: DEMO_PASSWORD, n: 'short' }, old);
    expect(errorOf(short).fields).toEqual({ newPassword: 'newPassword must be at least 12 characters' });
    const named = await t.gql(CHANGE, { c: DEMO_PASSWORD, n: 'admin-is-my-password' }, old);
    expect(errorOf(named).fields).toEqual({ newPassword: 'must not contain your email name' });
    expect(await tokenFor(LOGINS.admin)).toBeTruthy(); // nothing changed yet

    const ok = await t.gql(CHANGE, { c: DEMO_PASSWORD, n: 'correct horse battery staple' }, old);
    const fresh = ok.data?.changePassword.token;
    expect(fresh).toBeTruthy();
    expect(errorOf(await t.gql('{ me { id } }', {}, old)).code).toBe('UNAUTHENTICATED');
    expect((await t.gql('{ me { email } }', {}, fresh)).data?.me.email).toBe(LOGINS.admin);
    expect(errorOf(await t.gql(LOGIN, { e: LOGINS.admin, p: DEMO_PASSWORD })).code).toBe('UNAUTHENTICATED');
    expect(await tokenFor(LOGINS.admin, 'correct horse battery staple')).toBeTruthy();
    const audit = await t.gql('{ allAuditEvents(filter: { action: PASSWORD_CHANGED }) { actorEmail } }', {}, fresh);
    expect(audit.data?.allAuditEvents).toEqual([{ actorEmail: LOGINS.admin }]);
  });

  it('refuses logout and password change without a login', async () => {
    expect(errorOf(await t.gql('mutation { logout }')).code).toBe('UNAUTHENTICATED');
    expect(errorOf(await t.gql('mutation { changePassword(currentPassword: "a", newPassword: "bbbbbbbbbbbbbbbb") { token } }')).code).toBe('UNAUTHENTICATED');
  });
});
