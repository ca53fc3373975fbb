/**
 * Writes the demo data set into an empty, migrated database: one transaction, COPY for every
 * table, rows streamed from the pure generator (generator.ts) through the COPY writer.
 */
import { performance } from 'node:perf_hooks';
import { hashPassword } from '../../auth/password.js';
import { DEMO_LOGINS, DEMO_PASSWORD } from './catalogue.js';
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

/** Trusts in the demo (npm start, db:seed): the demo trust and one more, so there is another branch to be walled off from. */
export const DEMO_SCALE = 2;

let demoHash: Promise<string> | undefined;

/** argon2id hash of DEMO_PASSWORD, computed once per process and reused for every demo user. */
export function demoPasswordHash(): Promise<string> {
  demoHash ??= hashPassword(DEMO_PASSWORD).catch((e: unknown) => {
    demoHash = undefined;
    throw e;
  });
  return demoHash;
}

/**
 * A branch per organisation and trust it holds people at, named after the trust; demo users get
 * their role in the branch of their trust (DemoLogin.branch: 1 is the demo trust), and each demo rep
 * a patch of that trust's first site.
 */
async function writeBranches(client: SeedClient): Promise<void> {
  await client.query(`INSERT INTO branch (organisation_id, name)
    SELECT DISTINCT c.organisation_id, e.name FROM contact c JOIN employer e ON e.id = c.employer_id`);
  await client.query(`INSERT INTO branch_employer (branch_id, employer_id)
    SELECT b.id, e.id FROM branch b JOIN employer e ON e.name = b.name`);
  await client.query(
    // Seed ids end in their sequence number: trusts in the order generated.
    `WITH trust AS (SELECT id, name, row_number() OVER (ORDER BY right(id::text, 12)) AS n FROM employer)
     INSERT INTO user_branch_role (user_id, branch_id, role)
     SELECT u.id, b.id, l.role::user_role
     FROM unnest($1::text[], $2::text[], $3::int[]) AS l(email, role, trust)
     JOIN app_user u ON u.email = l.email
     JOIN trust t ON t.n = l.trust
     JOIN branch b ON b.organisation_id = u.organisation_id AND b.name = t.name`,
    [DEMO_LOGINS.map((l) => l.email.toLowerCase()), DEMO_LOGINS.map((l) => l.role), DEMO_LOGINS.map((l) => l.branch ?? 1)],
  );
  await client.query(`INSERT INTO rep_patch (user_id, site_id)
    SELECT DISTINCT ON (r.user_id, r.branch_id) r.user_id, s.id
    FROM user_branch_role r JOIN branch_employer be ON be.branch_id = r.branch_id JOIN site s ON s.employer_id = be.employer_id
    WHERE r.role = 'REP' ORDER BY r.user_id, r.branch_id, s.name`);
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
    await writeBranches(client);
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
