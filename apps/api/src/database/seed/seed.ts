/**
 * Writes the demo data set into an empty, migrated database: one transaction, COPY for every
 * table, rows streamed from the pure generator (generator.ts) through the COPY writer.
 */
import { performance } from 'node:perf_hooks';
import { hashPassword } from '../../auth/password.js';
import { DEMO_PASSWORD } from './catalogue.js';
import { CopyWriter, type SeedClient } from './copy-writer.js';
import { generateSeedRows, SEED_TABLES, type SeedOptions, type SeedSize, type SeedTable } from './generator.js';

export interface SeedSummary {
  scale: number;
  size: SeedSize;
  /** Rows written per table. */
  counts: Record<SeedTable, number>;
  /** Wall time of the whole seed, including the password hash and the commit. */
  elapsedMs: number;
}

export interface SeedDemoOptions extends SeedOptions {
  /** Run ANALYZE on the seeded tables afterwards (default: when more than 10,000 contacts were written). */
  analyze?: boolean;
}

let demoHash: Promise<string> | undefined;

/** argon2id hash of DEMO_PASSWORD, computed once per process and reused for every demo user. */
export function demoPasswordHash(): Promise<string> {
  demoHash ??= hashPassword(DEMO_PASSWORD).catch((e: unknown) => {
    demoHash = undefined;
    throw e;
  });
  return demoHash;
}

/** True when the database holds no organisation yet (so the demo data may be written). */
export async function isDatabaseEmpty(client: SeedClient): Promise<boolean> {
  const { rows } = await client.query<{ found: boolean }>('SELECT EXISTS (SELECT 1 FROM organisation) AS found');
  return !rows[0].found;
}

/** Seeds the demo data set (see generator.ts) in one transaction. Refuses a non-empty database. */
export async function seedDemo(client: SeedClient, options: SeedDemoOptions = {}): Promise<SeedSummary> {
  const started = performance.now();
  const scale = options.scale ?? 1;
  const size = options.size ?? 'demo';
  // Validate the options before touching the database (the generator throws on first use).
  generateSeedRows(options).next();
  const passwordHash = await demoPasswordHash();
  if (!(await isDatabaseEmpty(client))) {
    throw new Error('The database already holds organisations: the demo data is only written into an empty database.');
  }
  const writer = new CopyWriter(client, passwordHash);
  await client.query('BEGIN');
  try {
    await client.query('SET LOCAL synchronous_commit = off');
    for (const row of generateSeedRows(options)) {
      writer.add(row);
      if (writer.shouldFlush) await writer.flush();
    }
    await writer.flush();
    // "My patch": each demo rep covers the sites of the wards their own rep roles cover (at least the first site).
    await client.query(`INSERT INTO rep_patch (user_id, site_id)
      SELECT u.id, s.id FROM app_user u JOIN site s ON s.id = (
        SELECT s2.id FROM site s2 JOIN employer e ON e.id = s2.employer_id ORDER BY e.created_at, e.name, s2.name LIMIT 1)
      WHERE u.role = 'REP'`);
    await client.query('COMMIT');
  } catch (e) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw e;
  }
  if (options.analyze ?? writer.counts.contact > 10_000) {
    await client.query(`ANALYZE ${SEED_TABLES.join(', ')}`);
  }
  return { scale, size, counts: { ...writer.counts }, elapsedMs: Math.round(performance.now() - started) };
}
