/**
 * The plans of one GraphQL query's raw people statements, as the API runs them, with row-level
 * security off (the tables' owner) and on (the `rollcall_app` role): to see why a query is slow.
 *
 *   npx tsc -p bench && node bench/dist/bench/explain.js ['{ myPatch { id } }' [rep|secretary|coalition [scale, default 10]]]
 *
 * Seeds a throw-away embedded PostgreSQL as api.bench.ts does, boots the app in each mode, runs the
 * query once to warm up, then once more with every statement that goes through the PeopleDoor's
 * `sql` or `countSql` (the read models' raw SQL: my patch, coverage, timelines, density counts) run
 * first as EXPLAIN (ANALYZE, BUFFERS), in the request's own transaction, with its identity and
 * parameters. (@rollcall/domain must be built: npm run build -w @rollcall/domain.)
 */
import 'reflect-metadata';
import { randomBytes } from 'node:crypto';
import { rmSync } from 'node:fs';
import { chmod, mkdtemp, rm } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { DataSource } from 'typeorm';
import { PeopleDoor, type PeopleSql } from '../apps/api/src/access/people-door.js';
import { loadConfig } from '../apps/api/src/config/app-config.js';
import { appRoleUrl } from '../apps/api/src/database/app-role.js';
import { dataSourceOptions } from '../apps/api/src/database/data-source.js';
import { startEmbeddedPostgres, type EmbeddedDatabase } from '../apps/api/src/database/embedded.js';
import { DEMO_PASSWORD, demoPasswordHash, seedDemo } from '../apps/api/src/database/seed/index.js';
import { createApp } from '../apps/api/src/server.js';

const query = process.argv[2] ?? '{ myPatch { id } }';
const who = process.argv[3] ?? 'rep';
const scale = Number.parseInt(process.argv[4] ?? '10', 10);
if (!['rep', 'secretary', 'coalition'].includes(who) || !Number.isInteger(scale) || scale < 1) {
  console.error("usage: explain.js ['{ graphql query }' [rep|secretary|coalition [scale ≥ 1, default 10]]]");
  process.exit(2);
}

// Every raw people statement is explained first while `explaining` is set, then run as usual.
let explaining = false;
for (const method of ['sql', 'countSql'] as const) {
  const plain = PeopleDoor.prototype[method] as (this: PeopleDoor, who: unknown, build: (people: PeopleSql) => string, params?: Record<string, unknown>) => Promise<unknown[]>;
  PeopleDoor.prototype[method] = async function (this: PeopleDoor, caller: unknown, build: (people: PeopleSql) => string, params?: Record<string, unknown>) {
    if (explaining) {
      const plan = await plain.call(this, caller, (people) => `EXPLAIN (ANALYZE, BUFFERS) ${build(people)}`, params);
      console.log((plan as { 'QUERY PLAN': string }[]).map((r) => r['QUERY PLAN']).join('\n') + '\n');
    }
    return plain.call(this, caller, build, params);
  } as never;
}

async function post(url: string, body: string, variables: Record<string, unknown>, token?: string) {
  const headers: Record<string, string> = { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) };
  const res = await fetch(url, { method: 'POST', headers, body: JSON.stringify({ query: body, variables }) });
  const json = (await res.json()) as { data?: Record<string, unknown>; errors?: unknown[] };
  if (json.errors?.length || !json.data) throw new Error(`HTTP ${res.status} ${JSON.stringify(json.errors ?? json)}`);
  return json.data;
}

async function explainIn(mode: string, databaseUrl: string, dataDir: string): Promise<void> {
  const config = loadConfig({
    NODE_ENV: 'test', DATABASE_URL: databaseUrl, DATABASE_APP_URL: databaseUrl,
    JWT_SECRET: randomBytes(32).toString('base64url'), DATA_DIR: dataDir, SEED_DEMO: 'false',
  } as NodeJS.ProcessEnv);
  const app = await createApp({ config, databaseUrl, schemaFile: true });
  try {
    await app.listen(0, '127.0.0.1');
    const url = `http://127.0.0.1:${(app.getHttpServer().address() as AddressInfo).port}/graphql`;
    const login = await post(url, 'mutation($e: String!, $p: String!) { login(email: $e, password: $p) { token } }',
      { e: `${who}@unison.example`, p: DEMO_PASSWORD });
    const token = (login.login as { token: string }).token;
    await post(url, query, {}, token);
    console.log(`=== RLS ${mode}: ${who}: ${query}\n`);
    explaining = true;
    await post(url, query, {}, token);
  } finally {
    explaining = false;
    await app.close();
  }
}

const dir = await mkdtemp(path.join(os.tmpdir(), 'rollcall-explain-'));
await chmod(dir, 0o755);
process.once('exit', () => rmSync(dir, { recursive: true, force: true }));
let server: EmbeddedDatabase | undefined;
let failed = false;
try {
  server = await startEmbeddedPostgres(path.join(dir, 'pg'), { persistent: false });
  await server.createDatabase('explain');
  const ownerUrl = server.url('explain');
  const ds = new DataSource(dataSourceOptions(ownerUrl));
  await ds.initialize();
  await ds.runMigrations();
  await ds.destroy();
  await demoPasswordHash();
  const client = new pg.Client({ connectionString: ownerUrl });
  await client.connect();
  try {
    await seedDemo(client, { scale, analyze: false });
    await client.query('VACUUM (ANALYZE)');
  } finally {
    await client.end();
  }
  await explainIn('off', ownerUrl, path.join(dir, 'data-off'));
  await explainIn('on', await appRoleUrl(ownerUrl, randomBytes(18).toString('base64url')), path.join(dir, 'data-on'));
} catch (e) {
  failed = true;
  console.error(e);
} finally {
  await server?.stop().catch((e: unknown) => console.error(e));
  await rm(dir, { recursive: true, force: true });
}
process.exit(failed ? 1 : 0);
