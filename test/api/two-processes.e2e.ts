/**
 * Issue 15: the API keeps no state between requests, so several API processes can serve one
 * database. Two real OS processes of the built API (`node apps/api/dist/main.js`, as `npm start` and
 * the Docker image run it, in production mode) on one fresh test database, each on its own port:
 * - a session made on one is honoured by the other, and a logout on either ends it on both;
 * - the login throttle counts failures sent to either against one limit, as one process does;
 * - the job queue's schedules are registered once, and a scheduled job runs once per tick, whatever
 *   the number of processes;
 * - the one thing kept per process: the rate limit of the routes outside GraphQL (rate-limit.ts).
 * And the start-up steps replicas take together on a new database: migrations, the app role's login
 * and the demo seed, one process at a time.
 * Run `npm run build -w @rollcall/api` after changing the API: the processes run its build.
 */
import 'reflect-metadata';
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import pg from 'pg';
import { COALITION_PUBLISH_JOB } from '../../apps/api/src/coalition/coalition.service.js';
import { DENSITY_ROLLUP_JOB } from '../../apps/api/src/analytics/rollup.service.js';
import { LOGIN_LIMITS } from '../../apps/api/src/auth/login-throttle.js';
import { CaseCipher } from '../../apps/api/src/casework/crypto/case-cipher.js';
import { loadConfig } from '../../apps/api/src/config/app-config.js';
import { appDatabaseUrl, migrate, seedIfEmpty } from '../../apps/api/src/database/bootstrap.js';
import { freePort } from '../../apps/api/src/database/embedded.js';
import { MIGRATIONS } from '../../apps/api/src/database/migrations/index.js';
import { seedDemo } from '../../apps/api/src/database/seed/index.js';
import { JOBS_SCHEMA } from '../../apps/api/src/jobs/job-queue.js';
import { DENSITY_SNAPSHOT_JOB } from '../../apps/api/src/trends/trends.service.js';
import { DEMO_PASSWORD, errorOf, type GqlResult, LOGINS, TEST_CASE_ENCRYPTION_KEYS } from '../fixtures/app.js';
import { withDatabase } from '../fixtures/db-url.js';
import { until } from '../fixtures/wait.js';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
/** The rate limit of the routes outside GraphQL in both processes (low, to reach it in a few requests). */
const RATE_LIMIT = 3;
/** pg-boss's queue through which its scheduler sends a scheduled job (one row per job name and minute). */
const SEND_IT = '__pgboss__send-it';

interface Api {
  name: string;
  url: string;
  child: ChildProcess;
  output: string;
  exited: Promise<unknown>;
  gql<T = Record<string, any>>(query: string, variables?: Record<string, unknown>, token?: string, from?: string): Promise<GqlResult<T>>;
}

const adminUrl = () => {
  const url = process.env.ROLLCALL_TEST_ADMIN_URL;
  if (!url) throw new Error('ROLLCALL_TEST_ADMIN_URL is not set: run through jest (its globalSetup)');
  return url;
};
const dbName = `rollcall_test_${process.pid}_two_${Date.now().toString(36)}`;
let owner: pg.Client | undefined;
let dataDir: string | undefined;
const apis: Api[] = [];
let a: Api;
let b: Api;

const sql = async <T = any>(text: string, params?: unknown[]) => (await owner!.query(text, params)).rows as T[];

/** One API process as production runs it, on its own port, its output kept for a failure's message. */
async function startApi(name: string, env: Record<string, string>): Promise<Api> {
  const port = await freePort();
  const child = spawn(process.execPath, [path.join(ROOT, 'apps/api/dist/main.js')], {
    cwd: ROOT,
    env: { ...process.env, ...env, PORT: String(port), HOST: '127.0.0.1' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const api: Api = {
    name, child, url: `http://127.0.0.1:${port}`, output: '',
    exited: new Promise((resolve) => child.on('exit', resolve)),
    async gql(query, variables, token, from = '192.0.2.1') {
      const headers: Record<string, string> = { 'content-type': 'application/json', 'x-forwarded-for': from };
      if (token) headers.authorization = `Bearer ${token}`;
      const res = await fetch(`${api.url}/graphql`, { method: 'POST', headers, body: JSON.stringify({ query, variables }) });
      const body = await res.json() as { data?: any; errors?: GqlResult['errors'] };
      return { status: res.status, data: body.data ?? undefined, errors: body.errors };
    },
  };
  apis.push(api);
  child.stdout!.on('data', (chunk: Buffer) => { api.output += chunk.toString(); });
  child.stderr!.on('data', (chunk: Buffer) => { api.output += chunk.toString(); });
  await until(`API ${name} to answer /healthz`, async () => {
    if (child.exitCode !== null) throw new Error(`API ${name} exited (${child.exitCode}): ${api.output}`);
    return (await fetch(`${api.url}/healthz`)).ok;
  }, 120_000);
  return api;
}

async function stopApi(api: Api): Promise<void> {
  if (api.child.exitCode !== null || api.child.signalCode !== null) return;
  api.child.kill('SIGTERM');
  const killed = setTimeout(() => api.child.kill('SIGKILL'), 15_000);
  await api.exited;
  clearTimeout(killed);
}

beforeAll(async () => {
  const admin = new pg.Client({ connectionString: adminUrl() });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${dbName} TEMPLATE rollcall_template`);
  await admin.end();
  const databaseUrl = withDatabase(adminUrl(), dbName);
  owner = new pg.Client({ connectionString: databaseUrl });
  await owner.connect();
  const config = loadConfig({ NODE_ENV: 'test', DATABASE_URL: databaseUrl, JWT_SECRET: 'x'.repeat(32), CASE_ENCRYPTION_KEYS: TEST_CASE_ENCRYPTION_KEYS } as NodeJS.ProcessEnv);
  await seedDemo(owner, { size: 'small', scale: 2, cipher: new CaseCipher(config.CASE_ENCRYPTION_KEYS!) });
  dataDir = await mkdtemp(path.join(os.tmpdir(), 'rollcall-two-'));
  const env = {
    NODE_ENV: 'production',
    DATABASE_URL: databaseUrl,
    // as docker/compose.yml runs it: each process gives the app role its login (one at a time)
    DATABASE_APP_PASSWORD: new URL(process.env.ROLLCALL_TEST_APP_URL!).password,
    JWT_SECRET: 'two-processes-secret-two-processes-secret',
    CASE_ENCRYPTION_KEYS: TEST_CASE_ENCRYPTION_KEYS,
    SEED_DEMO: 'false',
    JOBS_ENABLED: 'true',
    // a tick every minute: the scheduler's first look, as each process starts, finds one due
    DENSITY_ROLLUP_CRON: '* * * * *',
    RATE_LIMIT_PER_MINUTE: String(RATE_LIMIT),
    // requests say where they come from, as behind the load balancer
    TRUST_PROXY: '1',
    DATA_DIR: dataDir,
  };
  // Both at once, as replicas start: the migrations (none pending) and pg-boss's own schema race.
  [a, b] = await Promise.all([startApi('A', env), startApi('B', env)]);
}, 240_000);

afterAll(async () => {
  await Promise.all(apis.map(stopApi));
  await owner?.end();
  const admin = new pg.Client({ connectionString: adminUrl() });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS ${dbName} WITH (FORCE)`);
  await admin.end();
  if (dataDir) await rm(dataDir, { recursive: true, force: true });
}, 60_000);

const LOGIN = 'mutation($e: String!, $p: String!) { login(email: $e, password: $p) { token } }';
const ME = '{ me { email } }';

describe('two API processes on one database', () => {
  it('are two processes, each answering on its own port', () => {
    expect(a.child.pid).not.toBe(b.child.pid);
    expect(a.url).not.toBe(b.url);
  });

  it('honour on B a session made on A, and end it on both at a logout on B', async () => {
    const anonymous = errorOf(await a.gql(ME));
    expect(anonymous.code).toBe('UNAUTHENTICATED');
    const token = (await a.gql<{ login: { token: string } }>(LOGIN, { e: LOGINS.caseworker, p: DEMO_PASSWORD })).data?.login.token;
    expect(token).toBeTruthy();
    // the token works on both before the logout, so the refusals after it are the logout's doing
    expect((await b.gql(ME, {}, token)).data?.me.email).toBe(LOGINS.caseworker);
    expect((await a.gql(ME, {}, token)).data?.me.email).toBe(LOGINS.caseworker);
    expect((await b.gql('mutation { logout }', {}, token)).data?.logout).toBe(true);
    for (const api of [a, b]) {
      const after = await api.gql(ME, {}, token);
      expect({ api: api.name, data: after.data?.me, error: errorOf(after) }).toEqual({ api: api.name, data: undefined, error: anonymous });
    }
    // a new login works on both
    const fresh = (await b.gql<{ login: { token: string } }>(LOGIN, { e: LOGINS.caseworker, p: DEMO_PASSWORD })).data?.login.token;
    expect((await a.gql(ME, {}, fresh)).data?.me.email).toBe(LOGINS.caseworker);
  });

  it('count failed logins sent to either against one limit: refused at the same attempt as on one process', async () => {
    // One account from one address: LOGIN_LIMITS.pair.free attempts are free, the next one makes the pair wait.
    const from = '203.0.113.7';
    const guesses = LOGIN_LIMITS.pair.free + 1;
    expect(guesses).toBe(6); // login.e2e's single-process throttle test: six wrong guesses, then a wait
    for (let i = 0; i < guesses; i++) {
      const api = i % 2 ? b : a;
      expect({ attempt: i + 1, api: api.name, code: errorOf(await api.gql(LOGIN, { e: LOGINS.rep, p: `guess-${i}` }, undefined, from)).code })
        .toEqual({ attempt: i + 1, api: api.name, code: 'UNAUTHENTICATED' });
    }
    // Each process saw only three: counted per process, the right password would get through here.
    for (const api of [a, b]) {
      const held = await api.gql(LOGIN, { e: LOGINS.rep, p: DEMO_PASSWORD }, undefined, from);
      expect(held.data?.login).toBeFalsy();
      expect(errorOf(held)).toMatchObject({ code: 'TOO_MANY_REQUESTS', message: expect.stringMatching(/try again in \d+ s/) });
    }
    // and only that pair: the rep signs in from another address, on either process
    expect((await b.gql(LOGIN, { e: LOGINS.rep, p: DEMO_PASSWORD }, undefined, '10.1.0.1')).data?.login.token).toBeTruthy();
  });

  it('register each schedule once, and run a scheduled job once per tick, not once per process', async () => {
    expect(await sql(`SELECT name, cron, timezone FROM ${JOBS_SCHEMA}.schedule ORDER BY name`)).toEqual([
      { name: COALITION_PUBLISH_JOB, cron: '0 2 * * *', timezone: 'Europe/London' },
      { name: DENSITY_ROLLUP_JOB, cron: '* * * * *', timezone: 'Europe/London' },
      { name: DENSITY_SNAPSHOT_JOB, cron: '0 2 * * *', timezone: 'Europe/London' },
    ]);
    // The ticks: pg-boss's scheduler sends a due job through its own queue, one row per job name and
    // minute, whose handler inserts the job itself. A tick's job is inserted while the tick runs, so
    // every scheduled rollup (no organisationId: every organisation) made up to the latest tick's end
    // is one of the ticks' (one statement: one view of the tables).
    const TALLY = `WITH ticks AS (SELECT completed_on FROM ${JOBS_SCHEMA}.job WHERE name = '${SEND_IT}' AND singleton_key = $1 AND state = 'completed'),
      runs AS (SELECT state::text, retry_count FROM ${JOBS_SCHEMA}.job WHERE name = $1 AND NOT coalesce(data, '{}') ? 'organisationId'
        AND created_on <= (SELECT max(completed_on) FROM ticks))
      SELECT (SELECT count(*)::int FROM ticks) AS ticks, (SELECT count(*)::int FROM runs) AS runs,
        (SELECT count(*)::int FROM runs WHERE state = 'completed' AND retry_count = 0) AS "ranOnce",
        (SELECT count(*)::int FROM runs WHERE state IN ('created', 'retry', 'active')) AS unfinished`;
    let tally = { ticks: 0, runs: 0, ranOnce: 0, unfinished: 0 };
    await until('a tick of the every-minute rollup, and its run to end', async () => {
      [tally] = await sql<typeof tally>(TALLY, [DENSITY_ROLLUP_JOB]);
      return tally.ticks > 0 && tally.unfinished === 0;
    }, 120_000);
    // Two processes scheduling the rollup each would have made two runs a tick.
    expect(tally).toEqual({ ticks: tally.ticks, runs: tally.ticks, ranOnce: tally.ticks, unfinished: 0 });
  });

  it('queue the refresh of a never-refreshed organisation once at start-up, not once per process', async () => {
    const organisations = await sql<{ id: string }>('SELECT id FROM organisation ORDER BY id');
    expect(organisations.length).toBeGreaterThan(1);
    const queued = await sql<{ id: string; n: number }>(`SELECT data->>'organisationId' AS id, count(*)::int AS n FROM ${JOBS_SCHEMA}.job
      WHERE name = '${DENSITY_ROLLUP_JOB}' AND data ? 'organisationId' GROUP BY 1 ORDER BY 1`);
    expect(queued).toEqual(organisations.map(({ id }) => ({ id, n: 1 })));
  });

  it('keep the rate limit of the routes outside GraphQL per process: each counts its own requests', async () => {
    const feed = '/calendar/not-a-feed.ics';
    const get = (api: Api) => fetch(`${api.url}${feed}`, { headers: { 'x-forwarded-for': '198.51.100.9' } });
    for (let i = 0; i < RATE_LIMIT; i++) expect((await get(a)).status).not.toBe(429);
    expect((await get(a)).status).toBe(429);
    // B has counted none of A's: behind a load balancer the limit is up to RATE_LIMIT_PER_MINUTE per process
    expect((await get(b)).status).not.toBe(429);
  });
});

describe('start-up steps of processes starting together on a new database', () => {
  const blank = `${dbName}_blank`;

  afterAll(async () => {
    const admin = new pg.Client({ connectionString: adminUrl() });
    await admin.connect();
    await admin.query(`DROP DATABASE IF EXISTS ${blank} WITH (FORCE)`);
    await admin.end();
  });

  it('apply each migration once, give the app role its login and seed the demo once, whichever process comes first', async () => {
    const admin = new pg.Client({ connectionString: adminUrl() });
    await admin.connect();
    await admin.query(`CREATE DATABASE ${blank}`);
    await admin.end();
    const url = withDatabase(adminUrl(), blank);
    // what main.ts does in each process before the app starts, here twice at the same moment
    const applied = await Promise.all([migrate(url), migrate(url)]);
    expect(applied.flat()).toHaveLength(MIGRATIONS.length);
    expect(applied.some((names) => names.length === 0)).toBe(true);
    const config = loadConfig({ NODE_ENV: 'test', CASE_ENCRYPTION_KEYS: TEST_CASE_ENCRYPTION_KEYS, JWT_SECRET: 'x'.repeat(32),
      DATABASE_APP_PASSWORD: new URL(process.env.ROLLCALL_TEST_APP_URL!).password } as NodeJS.ProcessEnv);
    // the app role's login, as docker/compose.yml has each process give it (the test run's own password):
    // two ALTER ROLEs at once fail with "tuple concurrently updated"
    const appUrls = await Promise.all([0, 1, 2].map(() => appDatabaseUrl(config, url)));
    expect(new Set(appUrls).size).toBe(1);
    const cipher = new CaseCipher(config.CASE_ENCRYPTION_KEYS!);
    const seeded = await Promise.all([seedIfEmpty(url, { size: 'small', scale: 2, cipher }), seedIfEmpty(url, { size: 'small', scale: 2, cipher })]);
    expect(seeded.filter(Boolean)).toHaveLength(1);
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    try {
      const { rows } = await client.query('SELECT count(*)::int AS n FROM organisation');
      expect(rows[0].n).toBe(seeded.find(Boolean)!.counts.organisation);
    } finally {
      await client.end();
    }
  }, 180_000);
});
