import { createHash, createHmac } from 'node:crypto';
import request from 'supertest';
import type { QueryRunner } from 'typeorm';
import { AppConfig } from '../../apps/api/src/config/app-config.js';
import { LoginThrottleHashed1795439200000 } from '../../apps/api/src/database/migrations/1795439200000-login-throttle-hashed.js';
import { DEMO_PASSWORD, errorOf, type GqlResult, LOGINS, startTestApp, type TestApp } from '../fixtures/app.js';

/**
 * Login that cannot be used to flood the server or to lock people out. Requests say where they come
 * from with X-Forwarded-For, as they do behind a reverse proxy (TRUST_PROXY=1).
 */
let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
  t.app.getHttpAdapter().getInstance().set('trust proxy', 1);
});
afterAll(async () => { await t?.close(); });

const LOGIN = 'mutation($e: String!, $p: String!) { login(email: $e, password: $p) { token } }';

async function post(address: string, body: object): Promise<GqlResult> {
  const res = await request(t.app.getHttpServer()).post('/graphql').set('content-type', 'application/json')
    .set('x-forwarded-for', address).send(body);
  return { status: res.status, data: res.body.data, errors: res.body.errors };
}
const loginFrom = (address: string, e: string, p: string) => post(address, { query: LOGIN, variables: { e, p } });
/** The throttle's key for a text (a hash: see LoginThrottle). */
const key = (text: string) => createHash('sha256').update(text).digest('hex');
const loginEvents = async () => (await t.sql("SELECT count(*)::int AS n FROM audit_event WHERE action IN ('LOGIN_FAILED', 'LOGIN_SUCCEEDED')"))[0].n as number;

describe('login input', () => {
  it('refuses an overlong email or password before any work: no database, no count, no audit', async () => {
    const statements = t.counter.statements;
    const events = await loginEvents();
    const email = await loginFrom('192.0.2.1', `${'a'.repeat(500)}@unison.example`, 'guess');
    expect(errorOf(email)).toMatchObject({ code: 'BAD_USER_INPUT', fields: { email: 'email must be at most 254 characters' } });
    const password = await loginFrom('192.0.2.1', LOGINS.rep, 'x'.repeat(1025));
    expect(errorOf(password)).toMatchObject({ code: 'BAD_USER_INPUT', fields: { password: 'password must be at most 1024 characters' } });
    const empty = await loginFrom('192.0.2.1', '', 'guess');
    expect(errorOf(empty)).toMatchObject({ code: 'BAD_USER_INPUT', fields: { email: 'email is required' } });
    expect(t.counter.statements).toBe(statements);
    expect(await loginEvents()).toBe(events);
    expect(await t.sql('SELECT 1 FROM login_throttle')).toEqual([]);
  });

  it('counts the longest email allowed, under keys that are hashes', async () => {
    const longest = `${'a'.repeat(239)}@unison.example`;
    expect(longest).toHaveLength(254);
    expect(errorOf(await loginFrom('192.0.2.2', longest, 'guess')).code).toBe('UNAUTHENTICATED');
    const keys = (await t.sql<{ key: string }>('SELECT key FROM login_throttle')).map((r) => r.key);
    expect(keys.length).toBeGreaterThanOrEqual(2);
    for (const key of keys) expect(key).toMatch(/^[0-9a-f]{64}$/);
  });
});

describe('one login per request', () => {
  const login = (p: string) => `login(email: "${LOGINS.caseworker}", password: "${p}") { token }`;

  it('refuses a request holding more than one login (aliases, fragments, other operations) before any resolver runs', async () => {
    const events = await loginEvents();
    const bodies = [
      { query: `mutation { a: ${login('guess-1')} b: ${login(DEMO_PASSWORD)} }` },
      { query: `mutation A { ${login(DEMO_PASSWORD)} } mutation B { ${login('guess-2')} }`, operationName: 'A' },
      { query: `mutation { ...F } fragment F on Mutation { a: ${login('guess-3')} b: ${login('guess-4')} }` },
    ];
    for (const body of bodies) {
      const res = await post('192.0.2.10', body);
      expect(errorOf(res)).toMatchObject({ code: 'GRAPHQL_VALIDATION_FAILED', message: 'A request may hold only one login' });
      expect(res.data).toBeUndefined();
    }
    expect(await loginEvents()).toBe(events);
  });

  it('accepts one login, aliased or not', async () => {
    const res = await post('192.0.2.10', { query: `mutation { session: ${login(DEMO_PASSWORD)} }` });
    expect(res.data?.session.token).toMatch(/^ey/);
  });
});

describe('throttling that locks nobody out', () => {
  it('lets people sign in from an address they have used before while others guess their password', async () => {
    const home = '10.1.0.1';
    expect((await loginFrom(home, LOGINS.rep, DEMO_PASSWORD)).data?.login.token).toBeTruthy();
    // Six wrong guesses from one address make that address wait.
    for (let i = 0; i < 6; i++) expect(errorOf(await loginFrom('203.0.113.1', LOGINS.rep, `guess-${i}`)).code).toBe('UNAUTHENTICATED');
    const held = await loginFrom('203.0.113.1', LOGINS.rep, DEMO_PASSWORD);
    expect(errorOf(held)).toMatchObject({ code: 'TOO_MANY_REQUESTS', message: expect.stringMatching(/try again in \d+ s/) });
    // Guesses from many addresses slow the account down for addresses it does not know…
    const codes: string[] = [];
    for (let i = 0; i < 11; i++) codes.push(errorOf(await loginFrom(`198.51.100.${i}`, LOGINS.rep, `guess-${i}`)).code!);
    expect(codes.at(-1)).toBe('TOO_MANY_REQUESTS');
    expect(errorOf(await loginFrom('192.0.2.200', LOGINS.rep, DEMO_PASSWORD)).code).toBe('TOO_MANY_REQUESTS');
    // …but not for the rep's own device; and their sign-in ends the slow-down.
    expect((await loginFrom(home, LOGINS.rep, DEMO_PASSWORD)).data?.login.token).toBeTruthy();
    expect((await loginFrom('192.0.2.200', LOGINS.rep, DEMO_PASSWORD)).data?.login.token).toBeTruthy();
    const known = await t.sql('SELECT address_key FROM login_known_address WHERE account_key = $1 ORDER BY last_at', [key(`a:${LOGINS.rep}`)]);
    expect(known).toEqual([{ address_key: key(`i:${home}`) }, { address_key: key('i:192.0.2.200') }]);
  });

  it('does not lock out everyone behind a NAT after failures for unknown emails', async () => {
    const nat = '100.64.0.1';
    for (let i = 0; i < 31; i++) expect(errorOf(await loginFrom(nat, `nobody${i}@unison.example`, 'guess')).code).toBe('UNAUTHENTICATED');
    expect((await loginFrom(nat, LOGINS.secretary, DEMO_PASSWORD)).data?.login.token).toBeTruthy();
  });

  it('counts parallel guesses atomically: only the attempts within the limit check a password', async () => {
    const results = await Promise.all(Array.from({ length: 20 }, (_, i) => loginFrom('203.0.113.50', LOGINS.coalition, `guess-${i}`)));
    const codes = results.map((r) => errorOf(r).code);
    expect(codes.filter((c) => c === 'UNAUTHENTICATED')).toHaveLength(6);
    expect(codes.filter((c) => c === 'TOO_MANY_REQUESTS')).toHaveLength(14);
    expect((await loginFrom('10.9.9.9', LOGINS.admin, DEMO_PASSWORD)).data?.login.token).toBeTruthy();
  });

  it('answers more parallel failed logins than the database pool has connections, and keeps serving', async () => {
    // Each used to hold a pooled connection while waiting for another: twenty took them all and the API hung.
    const results = await Promise.all(Array.from({ length: 20 }, (_, i) => loginFrom(`203.0.113.${100 + i}`, `pool${i}@unison.example`, 'guess')));
    expect(results.map((r) => errorOf(r).code)).toEqual(Array(20).fill('UNAUTHENTICATED'));
    expect((await t.as('secretary')('{ me { email } }')).data?.me.email).toBe(LOGINS.secretary);
  });
});

describe('tokens', () => {
  /** A token signed with the app's own secret, with the claims given. */
  const sign = (claims: object) => {
    const part = (o: object) => Buffer.from(JSON.stringify(o)).toString('base64url');
    const body = `${part({ alg: 'HS256', typ: 'JWT' })}.${part(claims)}`;
    return `${body}.${createHmac('sha256', t.app.get(AppConfig).JWT_SECRET!).update(body).digest('base64url')}`;
  };

  it('refuses a token without an expiry, even when signed with the secret', async () => {
    const [u] = await t.sql('SELECT id, token_version FROM app_user WHERE email = $1', [LOGINS.secretary2]);
    const iat = Math.floor(Date.now() / 1000);
    const expiring = await t.gql('{ me { email } }', {}, sign({ sub: u.id, ver: u.token_version, iat, exp: iat + 600 }));
    expect(expiring.data?.me.email).toBe(LOGINS.secretary2);
    const forever = await t.gql('{ me { email } }', {}, sign({ sub: u.id, ver: u.token_version, iat }));
    expect(errorOf(forever).code).toBe('UNAUTHENTICATED');
    expect(forever.data?.me).toBeUndefined();
  });
});

describe('migration to hashed keys', () => {
  it('carries account counts over under their hashes, and starts address counts afresh', async () => {
    const migration = new LoginThrottleHashed1795439200000();
    const q = { query: (sql: string, params?: unknown[]) => t.sql(sql, params) } as unknown as QueryRunner;
    await migration.down(q);
    await t.sql("INSERT INTO login_throttle VALUES ('a:nurse@unison.example', 7, now(), NULL), ('i:192.0.2.9', 30, now(), now() + interval '1 hour')");
    await migration.up(q);
    expect(await t.sql('SELECT key, failures FROM login_throttle')).toEqual([{ key: key('a:nurse@unison.example'), failures: 7 }]);
    expect(await t.sql('SELECT 1 FROM login_known_address')).toEqual([]);
  });
});
