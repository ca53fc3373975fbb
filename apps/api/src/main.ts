import 'reflect-metadata';
import { loadConfig } from './config/app-config.js';
import { appDatabaseUrl, migrate, openDatabase, seedIfEmpty } from './database/bootstrap.js';
import { CaseCipher } from './casework/crypto/case-cipher.js';
import { DEMO_LOGINS, DEMO_PASSWORD, DEMO_SCALE } from './database/seed/index.js';
import { createApp } from './server.js';

/**
 * `npm start`: a real PostgreSQL (embedded unless DATABASE_URL is set), migrations, demo data on
 * first run, then GraphQL and the web app on one port. Ctrl-C stops the API and the database.
 */
async function main(): Promise<void> {
  const started = Date.now();
  const config = loadConfig();
  // Ctrl-C closes the API before its database (whatever PostgreSQL runs on the data folder by then).
  const db = await openDatabase(config, { stopOnExit: false });
  let stopping = false;
  let app: Awaited<ReturnType<typeof createApp>> | undefined;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    console.log(`\n${signal}: stopping Rollcall…`);
    // A request stuck on a database that does not answer must not leave the database running.
    const force = setTimeout(() => {
      console.error('The API did not close in time: stopping the database anyway.');
      void db.stop().finally(() => process.exit(1));
    }, 10_000);
    force.unref();
    try {
      await app?.close();
    } finally {
      await db.stop();
      console.log('Stopped.');
      process.exit(0);
    }
  };
  process.on('SIGINT', () => void stop('SIGINT'));
  process.on('SIGTERM', () => void stop('SIGTERM'));

  try {
    const applied = await migrate(db.url);
    if (applied.length) console.log(`Applied ${applied.length} migration(s).`);
    if (config.SEED_DEMO === 'true') {
      // Demo cases are sealed with the app's own keys, as the app would seal them.
      const seeded = await seedIfEmpty(db.url, { scale: DEMO_SCALE, cipher: new CaseCipher(config.CASE_ENCRYPTION_KEYS!) });
      if (seeded) console.log(`Loaded demo data: ${Object.entries(seeded.counts).map(([t, n]) => `${n} ${t}`).join(', ')}.`);
    }
    app = await createApp({
      config,
      // Migrations and the seed ran as the tables' owner; requests are served as a role that owns nothing.
      databaseUrl: await appDatabaseUrl(config, db.url),
      jobsDatabaseUrl: db.url,
      schemaFile: config.production ? true : 'apps/api/schema.gql',
    });
    await app.listen(config.PORT, config.HOST);
  } catch (e) {
    console.error(e instanceof Error ? e.message : e);
    await app?.close().catch(() => {});
    await db.stop();
    process.exit(1);
  }
  const url = `http://${config.HOST === '0.0.0.0' ? 'localhost' : config.HOST}:${config.PORT}`;
  console.log(`
Rollcall is running at ${url}  (GraphQL: ${url}/graphql)
Database: ${db.embedded ? `embedded PostgreSQL, data in ${config.DATA_DIR}/postgres` : 'DATABASE_URL'}
Started in ${((Date.now() - started) / 1000).toFixed(1)} s. Press Ctrl-C to stop.`);
  if (config.SEED_DEMO === 'true') {
    console.log(`\nDemo logins (password for all: ${DEMO_PASSWORD}):`);
    for (const l of DEMO_LOGINS) console.log(`  ${l.email.padEnd(28)} ${l.role.padEnd(18)} ${l.organisation}${l.branch && l.branch > 1 ? ` (trust ${l.branch})` : ''}`);
  }
}

void main();
