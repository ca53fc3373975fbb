import { createHash, randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import {
  buildSchema, getIntrospectionQuery, getNamedType, getNullableType, isEnumType, isListType, isNonNullType,
  type GraphQLInputObjectType, type GraphQLInputType,
} from 'graphql';
import request from 'supertest';
import { GRAPHQL_LIMITS } from '../../apps/api/src/common/graphql-limits.js';
import { DEMO_PASSWORD, errorOf, LOGINS, startTestApp, type TestApp } from '../fixtures/app.js';

let t: TestApp;
let prod: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(async () => {
  await t?.close();
  await prod?.close();
});

describe('GraphQL limits', () => {
  it('refuses a query nested deeper than the limit', async () => {
    // Contact → memberships → contact → memberships … ten levels
    let sel = 'id';
    for (let i = 0; i < 5; i++) sel = `memberships { contact { ${sel} } }`;
    const res = await t.as('secretary')(`{ allContacts(perPage: 1) { ${sel} } }`);
    expect(errorOf(res)).toMatchObject({ code: 'GRAPHQL_VALIDATION_FAILED', message: `Query is too deep: at most ${GRAPHQL_LIMITS.maxDepth} levels` });
    expect(res.data).toBeUndefined();
  });

  it('refuses an ordinary query one level deeper than the limit', async () => {
    // allContacts(1) memberships(2) contact(3) … nine levels
    let sel = 'id';
    for (let i = 0; i < 4; i++) sel = `memberships { contact { ${sel} } }`;
    const query = `{ allContacts(perPage: 1) { ${sel} } }`;
    expect(query.match(/\{/g)).toHaveLength(GRAPHQL_LIMITS.maxDepth + 2); // the braces: the operation's, then 9 levels
    const res = await t.as('secretary')(query);
    expect(errorOf(res)).toMatchObject({ code: 'GRAPHQL_VALIDATION_FAILED', message: `Query is too deep: at most ${GRAPHQL_LIMITS.maxDepth} levels` });
  });

  it('does not count introspection against the depth limit (GraphiQL, code generators and ra-data-graphql send it)', async () => {
    const res = await t.as('secretary')<{ __schema: { queryType: { name: string }; types: unknown[] } }>(getIntrospectionQuery());
    expect(res.errors).toBeUndefined();
    expect(res.data?.__schema.queryType.name).toBe('Query');
    const type = await t.as('secretary')<{ __type: { name: string } }>(
      '{ __type(name: "Contact") { name fields { name type { kind name ofType { kind name ofType { kind name ofType { kind name ofType { kind name ofType { kind name ofType { kind name } } } } } } } } } }',
    );
    expect(type.errors).toBeUndefined();
    expect(type.data?.__type.name).toBe('Contact');
  });

  it('still refuses introspection that loops through the schema (graphql-js’s own introspection depth rule)', async () => {
    const res = await t.as('secretary')('{ __schema { types { fields { type { fields { type { fields { type { fields { name } } } } } } } } } }');
    expect(errorOf(res).code).toBe('GRAPHQL_VALIDATION_FAILED');
    expect(errorOf(res).message).toMatch(/Maximum introspection depth exceeded/);
    expect(res.data).toBeUndefined();
  });

  it('accepts the deepest query the app really uses', async () => {
    const res = await t.as('secretary')('{ allContacts(perPage: 2) { ward { site { employer { name } } } repRoles { wards { site { name } } } } }');
    expect(res.errors).toBeUndefined();
  });

  it('refuses too many aliases', async () => {
    const fields = Array.from({ length: GRAPHQL_LIMITS.maxAliases + 1 }, (_, i) => `a${i}: _allContactsMeta { count }`).join(' ');
    const res = await t.as('secretary')(`{ ${fields} }`);
    expect(errorOf(res).message).toBe(`Too many aliases: at most ${GRAPHQL_LIMITS.maxAliases} per request`);
  });

  it('refuses too many fields, counting fragments where they are spread', async () => {
    const many = Array.from({ length: 60 }, () => 'firstName lastName').join(' ');
    const frag = `fragment F on Contact { id ${many} }`;
    const spreads = Array.from({ length: 5 }, () => '...F').join(' ');
    const res = await t.as('secretary')(`{ allContacts(perPage: 1) { ${spreads} } } ${frag}`);
    expect(errorOf(res).message).toBe(`Query is too large: at most ${GRAPHQL_LIMITS.maxFields} fields`);
  });

  it('refuses a document with too many tokens before parsing it all', async () => {
    const res = await t.as('secretary')(`{ allContacts(perPage: 1) { ${'id '.repeat(GRAPHQL_LIMITS.maxTokens)} } }`);
    expect(errorOf(res).code).toBe('GRAPHQL_PARSE_FAILED');
    expect(errorOf(res).message).toMatch(/tokens/);
  });

  it('refuses batched requests', async () => {
    const token = await t.login('secretary');
    const res = await request(t.app.getHttpServer()).post('/graphql').set('authorization', `Bearer ${token}`)
      .set('content-type', 'application/json').send([{ query: '{ me { id } }' }, { query: '{ me { id } }' }]);
    expect(res.status).toBe(400);
    expect(JSON.stringify(res.body ?? res.text)).not.toMatch(/"me"/);
  });

  it('refuses request bodies over 1 MB', async () => {
    const res = await request(t.app.getHttpServer()).post('/graphql').set('content-type', 'application/json')
      .send(JSON.stringify({ query: '{ me { id } }', variables: { pad: 'x'.repeat(1_100_000) } }));
    expect(res.status).toBe(413);
  });

  it('refuses a GET query without a JSON content type (CSRF prevention)', async () => {
    const res = await request(t.app.getHttpServer()).get('/graphql').query({ query: '{ __typename }' });
    expect(res.status).toBe(400);
  });
});

describe('hostile input (found by the fuzz run)', () => {
  it('refuses sorting by an inherited property, and leaves Object.prototype clean', async () => {
    for (const field of ['__proto__', 'constructor', 'toString', 'hasOwnProperty']) {
      const res = await t.as('secretary')(`{ allContacts(sortField: "${field}", perPage: 1) { id } allSites(sortField: "${field}") { id } }`);
      expect(errorOf(res)).toMatchObject({ code: 'BAD_USER_INPUT', fields: { sortField: expect.stringContaining(`cannot sort by "${field}"`) } });
    }
    expect(Object.keys(Object.prototype)).toEqual([]);
    expect((await t.as('rep')('{ me { id } }')).errors).toBeUndefined();
  });

  it('refuses text with a NUL character or an unpaired surrogate, in variables or inline, naming where it is', async () => {
    const v = await t.as('secretary')('mutation($d: EmployerCreateInput!) { createEmployer(data: $d) { id } }', { d: { name: 'a\u0000b' } });
    expect(errorOf(v)).toMatchObject({ code: 'BAD_USER_INPUT', fields: { 'd.name': expect.stringMatching(/NUL character/) } });
    const surrogate = await t.as('admin')('mutation($d: UserCreateInput!) { createUser(data: $d) { id } }', { d: { email: '\ud800@unison.example', displayName: 'S', password: 'long-enough-password', roles: [] } });
    expect(errorOf(surrogate)).toMatchObject({ code: 'BAD_USER_INPUT', fields: { 'd.email': expect.stringMatching(/unpaired surrogate/) } });
    const inline = await t.as('secretary')('{ allContacts(filter: { q: "a\\u0000b" }) { id } }');
    expect(errorOf(inline)).toMatchObject({ code: 'BAD_USER_INPUT', fields: { input: expect.stringMatching(/NUL character/) } });
    expect((await t.sql("SELECT count(*)::int AS n FROM employer WHERE name LIKE 'a%b'"))[0].n).toBe(0);
  });

  it('refuses an explicit null for a required field in an update, and changes nothing', async () => {
    const [site] = await t.sql('SELECT id, employer_id FROM site WHERE employer_id = $1 LIMIT 1', [t.demoEmployerId]);
    const res = await t.as('secretary')('mutation($id: ID!) { updateSite(id: $id, data: { employerId: null }) { id } }', { id: site.id });
    expect(errorOf(res)).toMatchObject({ code: 'BAD_USER_INPUT', fields: { employerId: 'is required and cannot be null' } });
    expect((await t.sql('SELECT employer_id FROM site WHERE id = $1', [site.id]))[0].employer_id).toBe(site.employer_id);
  });

  it('refuses a list of more than 1000 ids, in filters and inputs, naming the field', async () => {
    const ids = (n: number) => Array.from({ length: n }, () => randomUUID());
    const q = 'query($ids: [String!]) { allContacts(filter: { ids: $ids }) { id } _allContactsMeta(filter: { ids: $ids }) { count } }';
    const many = await t.as('secretary')(q, { ids: ids(1001) });
    expect(errorOf(many)).toMatchObject({ code: 'BAD_USER_INPUT', message: 'Invalid input — ids: at most 1000 ids', fields: { ids: 'at most 1000 ids' } });
    expect(many.data).toBeNull();
    const most = await t.as('secretary')(q, { ids: ids(1000) });
    expect(most.errors).toBeUndefined();
    expect(most.data).toEqual({ allContacts: [], _allContactsMeta: { count: 0 } });
    const sites = await t.as('secretary')('query($ids: [ID!]) { allSites(filter: { employerIds: $ids }) { id } }', { ids: ids(101) });
    expect(errorOf(sites)).toMatchObject({ code: 'BAD_USER_INPUT', fields: { employerIds: 'at most 100 ids' } });
  });

  it('names the field when a referenced record does not exist, even under row-level security', async () => {
    const [c] = await t.sql('SELECT id FROM contact WHERE employer_id = $1 AND organisation_id = (SELECT organisation_id FROM app_user WHERE email = $2) LIMIT 1', [t.demoEmployerId, LOGINS.secretary]);
    const res = await t.as('secretary')('mutation($c: ID!) { createMembership(data: { contactId: $c, unionId: "00000000-0000-4000-8000-000000000000", status: MEMBER, source: SELF_REPORTED }) { id } }', { c: c.id });
    expect(errorOf(res)).toMatchObject({ code: 'BAD_USER_INPUT', fields: { unionId: 'does not exist' } });
  });
});

describe('required text', () => {
  const schema = buildSchema(readFileSync('apps/api/schema.gql', 'utf8'));
  /** A placeholder for a required input field of this type: spaces for text, a fresh id, the first enum value. */
  function placeholder(type: GraphQLInputType): string {
    const named = getNamedType(type);
    if (isListType(getNullableType(type))) return '[]';
    if (isEnumType(named)) return named.getValues()[0].name;
    if (named.name === 'ID') return `"${randomUUID()}"`;
    if (named.name === 'Boolean') return 'true';
    if (named.name === 'Int') return '1';
    return '"   "';
  }
  const creates = Object.values(schema.getMutationType()!.getFields())
    .filter((m) => /^create/.test(m.name) && m.args.some((a) => a.name === 'data'))
    .map((m) => {
      const input = getNamedType(m.args.find((a) => a.name === 'data')!.type) as GraphQLInputObjectType;
      const required = Object.values(input.getFields()).filter((f) => isNonNullType(f.type));
      const texts = required.filter((f) => getNamedType(f.type).name === 'String' && !isListType(getNullableType(f.type))).map((f) => f.name);
      return [m.name, required, texts] as const;
    })
    .filter(([, , texts]) => texts.length > 0);

  it('is asked of every create that has any', () => {
    expect(creates.map(([name]) => name).sort()).toEqual(expect.arrayContaining(['createBranch', 'createContact', 'createEmployer', 'createUnion', 'createUser']));
  });

  it.each(creates.map(([name, required, texts]) => [name, texts.join(', '), required] as const))(
    '%s refuses spaces alone in %s, naming each field, and writes nothing',
    async (name, texts, required) => {
      const data = required.map((f) => `${f.name}: ${placeholder(f.type)}`).join(', ');
      // Every change is audited (audit-coverage.e2e), so no new CREATE entry means nothing was written.
      const creates = "SELECT count(*)::int AS n FROM audit_event WHERE action = 'CREATE'";
      const before = await t.sql(creates);
      let refused: ReturnType<typeof errorOf> | undefined;
      for (const who of ['secretary', 'admin'] as const) {
        const res = await t.as(who)(`mutation { ${name}(data: { ${data} }) { id } }`);
        if (errorOf(res).code === 'FORBIDDEN') continue;
        refused = errorOf(res);
        break;
      }
      expect(refused?.code).toBe('BAD_USER_INPUT');
      for (const field of texts.split(', ')) expect(refused?.fields?.[field]).toEqual(expect.any(String));
      expect(await t.sql(creates)).toEqual(before);
    },
  );
});

describe('HTTP hardening', () => {
  it('sends security headers on the app and the API', async () => {
    for (const path of ['/', '/graphql']) {
      const res = await request(t.app.getHttpServer()).get(path).set('apollo-require-preflight', '1');
      expect(res.headers['x-content-type-options']).toBe('nosniff');
      expect(res.headers['content-security-policy']).toMatch(/default-src 'self'/);
      expect(res.headers['content-security-policy']).toMatch(/frame-ancestors 'none'/);
      expect(res.headers['referrer-policy']).toBe('no-referrer');
      expect(res.headers['x-powered-by']).toBeUndefined();
    }
  });

  it('gives no cross-origin access to another site', async () => {
    const res = await request(t.app.getHttpServer()).options('/graphql')
      .set('origin', 'https://evil.example').set('access-control-request-method', 'POST');
    expect(res.headers['access-control-allow-origin']).toBeUndefined();
  });
});

describe('login throttling', () => {
  const LOGIN = 'mutation($e: String!, $p: String!) { login(email: $e, password: $p) { token } }';

  it("holds up the guesser's address after six failures, even for the right password, and not other accounts", async () => {
    for (let i = 0; i < 6; i++) {
      const res = await t.gql(LOGIN, { e: LOGINS.caseworker, p: `guess-${i}` });
      expect(errorOf(res).code).toBe('UNAUTHENTICATED');
    }
    const locked = await t.gql(LOGIN, { e: LOGINS.caseworker, p: DEMO_PASSWORD });
    expect(errorOf(locked).code).toBe('TOO_MANY_REQUESTS');
    expect(errorOf(locked).message).toMatch(/try again in \d+ s/);
    expect(locked.data?.login).toBeUndefined();
    const other = await t.gql(LOGIN, { e: LOGINS.admin, p: DEMO_PASSWORD });
    expect(other.data?.login.token).toBeTruthy();
    // The counts live in the database, so every API process shares them and a restart keeps them;
    // their keys are hashes of the account and of the (account, address) pair.
    const key = (text: string) => createHash('sha256').update(text).digest('hex');
    const row = (k: string) => t.sql('SELECT failures, coalesce(locked_until > now(), false) AS locked FROM login_throttle WHERE key = $1', [k]);
    expect(await row(key(`p:${LOGINS.caseworker}\n127.0.0.1`))).toEqual([{ failures: 6, locked: true }]);
    expect(await row(key(`a:${LOGINS.caseworker}`))).toEqual([{ failures: 6, locked: false }]);
    expect(await row(key(`a:${LOGINS.admin}`))).toEqual([]);
  });
});

describe('production mode', () => {
  // Started here, not with the first app: passport's strategies are process-wide, so the app started
  // last answers every login in this process (the throttling test above reads the first app's database).
  beforeAll(async () => { prod = await startTestApp({ production: true }); });

  it('turns off introspection and field suggestions', async () => {
    const intro = await prod.as('secretary')('{ __schema { types { name } } }');
    expect(intro.errors?.[0].message).toMatch(/introspection/i);
    const full = await prod.as('secretary')(getIntrospectionQuery());
    expect(full.errors?.[0].message).toMatch(/introspection/i);
    expect(full.data).toBeUndefined();
    const typo = await prod.as('secretary')('{ allContact { id } }');
    expect(errorOf(typo).code).toBe('GRAPHQL_VALIDATION_FAILED');
    expect(errorOf(typo).message).not.toMatch(/Did you mean/);
    const dev = await t.as('secretary')('{ allContact { id } }');
    expect(errorOf(dev).message).toMatch(/Did you mean/);
  });
});

describe('configuration', () => {
  it('refuses a bad TRUST_PROXY or CORS_ORIGINS at start, naming the setting', async () => {
    const { loadConfig } = await import('../../apps/api/src/config/app-config.js');
    expect(() => loadConfig({ TRUST_PROXY: 'yes' } as NodeJS.ProcessEnv)).toThrow(/TRUST_PROXY must be the number of proxy hops/);
    expect(() => loadConfig({ CORS_ORIGINS: 'evil.example' } as NodeJS.ProcessEnv)).toThrow(/CORS_ORIGINS must be a comma-separated list/);
    expect(() => loadConfig({ NODE_ENV: 'production' } as NodeJS.ProcessEnv)).toThrow(/JWT_SECRET must be set in production/);
    expect(() => loadConfig({ DATABASE_POOL_SIZE: '2' } as NodeJS.ProcessEnv)).toThrow(/DATABASE_POOL_SIZE must be a whole number from 3/);
    expect(() => loadConfig({ DATABASE_POOL_SIZE: 'ten' } as NodeJS.ProcessEnv)).toThrow(/DATABASE_POOL_SIZE must be a whole number from 3/);
    expect(() => loadConfig({ DATABASE_CONNECT_TIMEOUT_MS: '5s' } as NodeJS.ProcessEnv)).toThrow(/DATABASE_CONNECT_TIMEOUT_MS must be a whole number/);
    expect(loadConfig({ DATABASE_POOL_SIZE: '20', DATABASE_CONNECT_TIMEOUT_MS: '2500' } as NodeJS.ProcessEnv).DATABASE_POOL_SIZE).toBe('20');
  });
});
