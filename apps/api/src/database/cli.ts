import 'reflect-metadata';
import pg from 'pg';
import { CaseCipher } from '../casework/crypto/case-cipher.js';
import { loadConfig } from '../config/app-config.js';
import { migrate, openDatabase } from './bootstrap.js';
import { DEMO_SCALE, isDatabaseEmpty, seedDemo } from './seed/index.js';

const USAGE = `Usage:
  npm run db:migrate                          apply pending migrations
  npm run db:seed -- [--scale N] [--reset]    load demo data (N trusts of ~2,500 staff, default 2; --reset wipes the database first)`;

async function main(): Promise<number> {
  const [command, ...rest] = process.argv.slice(2);
  const args = new Map<string, string | true>();
  for (let i = 0; i < rest.length; i++) {
    const a = rest[i];
    if (!a.startsWith('--')) return fail(`unexpected argument ${a}`);
    const next = rest[i + 1];
    if (next !== undefined && !next.startsWith('--')) { args.set(a.slice(2), next); i++; } else args.set(a.slice(2), true);
  }
  if (command !== 'migrate' && command !== 'seed') return fail(command ? `unknown command ${command}` : 'no command');
  const scale = args.has('scale') ? Number(args.get('scale')) : DEMO_SCALE;
  if (!Number.isInteger(scale) || scale < 1 || scale > 1000) return fail('--scale must be a whole number from 1 to 1000');
  const config = loadConfig();
  const db = await openDatabase(config);
  try {
    if (command === 'seed' && args.has('reset')) {
      const c = new pg.Client({ connectionString: db.url });
      await c.connect();
      await c.query('DROP SCHEMA public CASCADE; CREATE SCHEMA public;');
      await c.end();
      console.log('Wiped the database.');
    }
    const applied = await migrate(db.url);
    console.log(applied.length ? `Applied: ${applied.join(', ')}` : 'No pending migrations.');
    if (command === 'seed') {
      const client = new pg.Client({ connectionString: db.url });
      await client.connect();
      try {
        if (!(await isDatabaseEmpty(client))) return fail('the database already holds data: add --reset to wipe it first');
        const summary = await seedDemo(client, { scale, cipher: new CaseCipher(config.CASE_ENCRYPTION_KEYS!) });
        console.log(`Seeded in ${(summary.elapsedMs / 1000).toFixed(1)} s:`);
        for (const [table, n] of Object.entries(summary.counts)) console.log(`  ${table.padEnd(16)} ${n}`);
      } finally {
        await client.end();
      }
    }
    return 0;
  } finally {
    await db.stop();
  }
}

function fail(message: string): number {
  console.error(`${message}\n\n${USAGE}`);
  return 2;
}

main().then((code) => process.exit(code), (e) => { console.error(e instanceof Error ? e.message : e); process.exit(1); });
