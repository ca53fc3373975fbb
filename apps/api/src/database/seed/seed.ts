/**
 * Writes the demo data set into an empty, migrated database: one transaction, COPY for every
 * table, rows streamed from the pure generator (generator.ts) through the COPY writer.
 */
import { performance } from 'node:perf_hooks';
import { currentAssessment } from '../../assessments/current-assessment.sql.js';
import { hashPassword } from '../../auth/password.js';
import { followUpDone } from '../../conversations/follow-up.sql.js';
import { DEFAULT_ISSUE_TAGS, ukToday } from '@rollcall/domain';
import type { CaseCipher } from '../../casework/crypto/case-cipher.js';
import { writeBallots } from './ballots.js';
import { writeDuplicates } from './duplicates.js';
import { writeCampaigns, writeRecruiters } from './campaigns.js';
import { writeCases } from './cases.js';
import { DEMO_LOGINS, DEMO_PASSWORD } from './catalogue.js';
import { CopyWriter, type SeedClient } from './copy-writer.js';
import { generateSeedRows, SEED_TABLES, SEED_TODAY, type SeedOptions, type SeedSize, type SeedTable } from './generator.js';

export interface SeedSummary {
  scale: number;
  size: SeedSize;
  /** Rows written per table. */
  counts: Record<SeedTable, number>;
  /** Demo cases written (none without a cipher). */
  cases: number;
  /** Wall time of the whole seed, including the password hash and the commit. */
  elapsedMs: number;
}

export interface SeedDemoOptions extends SeedOptions {
  /** Run ANALYZE on the seeded tables afterwards (default: when more than 10,000 contacts were written). */
  analyze?: boolean;
  /** The app's cipher (CASE_ENCRYPTION_KEYS): demo cases are written only with it, their text sealed as the app seals it. */
  cipher?: Pick<CaseCipher, 'encrypt'>;
  /** The day demo cases are dated from (their hearings and deadlines lie ahead of it). Default: today in the UK. */
  casesToday?: string;
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
    SELECT b.id, e.id FROM branch b JOIN employer e ON e.name = b.name AND e.organisation_id = b.organisation_id`);
  await client.query(
    // Seed ids end in their sequence number: trusts in the order generated.
    `WITH trust AS (SELECT id, organisation_id, name, row_number() OVER (PARTITION BY organisation_id ORDER BY right(id::text, 12)) AS n FROM employer)
     INSERT INTO user_branch_role (user_id, branch_id, role)
     SELECT u.id, b.id, l.role::user_role
     FROM unnest($1::text[], $2::text[], $3::int[]) AS l(email, role, trust)
     JOIN app_user u ON u.email = l.email
     JOIN trust t ON t.n = l.trust AND t.organisation_id = u.organisation_id
     JOIN branch b ON b.organisation_id = u.organisation_id AND b.name = t.name`,
    [DEMO_LOGINS.map((l) => l.email.toLowerCase()), DEMO_LOGINS.map((l) => l.role), DEMO_LOGINS.map((l) => l.branch ?? 1)],
  );
  await client.query(`INSERT INTO rep_patch (user_id, site_id)
    SELECT DISTINCT ON (r.user_id, r.branch_id) r.user_id, s.id
    FROM user_branch_role r JOIN branch_employer be ON be.branch_id = r.branch_id JOIN site s ON s.employer_id = be.employer_id
    WHERE r.role = 'REP' ORDER BY r.user_id, r.branch_id, s.name`);
}

/**
 * Organising history for the demo: each organisation's issue tags; for about a third of each
 * branch's current staff, one to three past conversations by a demo user of that branch (the rep
 * on their patch, the secretary elsewhere) with issues, AEIOU steps, an ask and an assessment;
 * follow-ups, open (some overdue) and done; and a few organic leaders with their followers.
 * Deterministic: choices hash the row ids. Dates are relative to SEED_TODAY.
 */
async function writeOrganising(client: SeedClient): Promise<void> {
  await client.query(`INSERT INTO issue_tag (organisation_id, name) SELECT o.id, t.name FROM organisation o CROSS JOIN unnest($1::text[]) AS t(name)`,
    [[...DEFAULT_ISSUE_TAGS]]);
  // Who logs: per branch and contact, the demo rep when the contact is on their patch, else the branch's secretary (or admin).
  // The statement writes each conversation's and assessment's employer (the contact's) itself, with their per-row
  // triggers (PersonEmployer migration) off for it alone.
  for (const t of SQL_WRITES_EMPLOYER) await client.query(`ALTER TABLE ${t} DISABLE TRIGGER ${t}_employer`);
  await client.query(`
    WITH staff AS (
      SELECT c.id AS contact_id, c.organisation_id, c.employer_id, p.ward_id, w.site_id, abs(hashtext(c.id::text)) AS h, b.id AS branch_id
      FROM contact c JOIN posting p ON p.contact_id = c.id AND p.end_date IS NULL JOIN ward w ON w.id = p.ward_id
      JOIN site s ON s.id = w.site_id JOIN branch_employer be ON be.employer_id = s.employer_id
      JOIN branch b ON b.id = be.branch_id AND b.organisation_id = c.organisation_id
      WHERE c.leave_date IS NULL OR c.leave_date > $1::date
    ), logger AS (
      SELECT st.*, coalesce(
        (SELECT r.user_id FROM user_branch_role r JOIN rep_patch rp ON rp.user_id = r.user_id AND rp.site_id = st.site_id
          WHERE r.branch_id = st.branch_id AND r.role = 'REP' LIMIT 1),
        (SELECT r.user_id FROM user_branch_role r WHERE r.branch_id = st.branch_id AND r.role IN ('BRANCH_SECRETARY', 'ADMIN') ORDER BY r.role DESC LIMIT 1)
      ) AS user_id
      FROM staff st WHERE st.h % 3 = 0
    ), talks AS (
      SELECT l.*, g.n, ($1::date - ((l.h / 7 + g.n * 23) % 120 + 1)) AS day
      FROM logger l CROSS JOIN LATERAL generate_series(1, 1 + (l.h / 11) % 3) AS g(n) WHERE l.user_id IS NOT NULL
    ), inserted AS (
      INSERT INTO conversation (organisation_id, employer_id, contact_id, rep_user_id, occurred_at, channel, type, aeiou_steps, ask, answer, assessment, notes, next_step, follow_up_date)
      SELECT t.organisation_id, t.employer_id, t.contact_id, t.user_id, (t.day + time '12:30' - ((t.h % 240) * interval '1 minute')) AT TIME ZONE 'Europe/London',
        (ARRAY['IN_PERSON','IN_PERSON','IN_PERSON','PHONE','MESSAGE','VIDEO'])[1 + (t.h + t.n) % 6]::conversation_channel,
        (ARRAY['ONE_TO_ONE','ONE_TO_ONE','ONE_TO_ONE','GROUP','PHONE_BANK'])[1 + (t.h / 3 + t.n) % 5]::conversation_type,
        CASE (t.h / 5 + t.n) % 4 WHEN 0 THEN ARRAY['AGITATE','EDUCATE']::aeiou_step[]
          WHEN 1 THEN ARRAY['AGITATE','EDUCATE','INOCULATE','ORGANISE']::aeiou_step[]
          WHEN 2 THEN ARRAY['AGITATE','EDUCATE','INOCULATE','ORGANISE','UP']::aeiou_step[] ELSE ARRAY['AGITATE']::aeiou_step[] END,
        (ARRAY['Join the union', 'Sign the safe staffing petition', 'Come to the ward meeting on Thursday', 'Talk to two colleagues about breaks', NULL])[1 + (t.h / 13 + t.n) % 5],
        (ARRAY['YES','YES','MAYBE','NO',NULL])[1 + (t.h / 17 + t.n) % 5]::ask_answer,
        1 + (t.h / 19 + t.n) % 5,
        (ARRAY['Worried about short staffing on nights.', 'Angry about unpaid breaks.', 'New starter, keen to get involved.', NULL])[1 + (t.h / 29 + t.n) % 4],
        (ARRAY['Bring a membership form', 'Invite to the ward meeting', 'Check back after the rota comes out', NULL])[1 + (t.h / 31 + t.n) % 4],
        NULL
      FROM talks t
      RETURNING id, organisation_id, employer_id, contact_id, rep_user_id, occurred_at, assessment
    ), tagged AS (
      INSERT INTO conversation_issue_tag (conversation_id, issue_tag_id)
      SELECT i.id, it.id FROM inserted i JOIN issue_tag it ON it.organisation_id = i.organisation_id
      WHERE abs(hashtext(i.contact_id::text || i.occurred_at::text || it.name)) % 4 = 0
      ON CONFLICT DO NOTHING RETURNING conversation_id
    )
    INSERT INTO assessment (organisation_id, employer_id, contact_id, value, assessed_at, assessed_by_id, conversation_id)
    SELECT organisation_id, employer_id, contact_id, assessment, occurred_at, rep_user_id, id FROM inserted WHERE assessment IS NOT NULL`,
  [SEED_TODAY]);
  for (const t of SQL_WRITES_EMPLOYER) await client.query(`ALTER TABLE ${t} ENABLE TRIGGER ${t}_employer`);
  // Follow-ups: one in eight of each person's latest conversations sets one, from a week overdue to a
  // fortnight ahead; half of the earlier ones set one that the next conversation then completed.
  await client.query(`UPDATE conversation c SET follow_up_date = greatest(c.occurred_at::date, $1::date - 7 + abs(hashtext(c.contact_id::text || 'd')) % 22)
    WHERE c.id IN (SELECT DISTINCT ON (contact_id) id FROM conversation ORDER BY contact_id, occurred_at DESC)
      AND abs(hashtext(c.contact_id::text || 'f')) % 8 = 0`, [SEED_TODAY]);
  await client.query(`UPDATE conversation c SET follow_up_date = c.occurred_at::date + 7
    WHERE c.follow_up_date IS NULL AND abs(hashtext(c.contact_id::text || c.occurred_at::text)) % 2 = 0
      AND ${followUpDone('c')}`);
  // Organic leaders: people whose current assessment is 1; each leads a few co-workers on the same ward.
  await client.query(`
    UPDATE contact c SET leader = true, leader_reason = 'Co-workers come to them first; organised the petition on the ward',
      leader_marked_at = ($1::date - 20) + time '09:00', leader_marked_by_id = (SELECT a.assessed_by_id FROM assessment a WHERE a.contact_id = c.id LIMIT 1)
    WHERE abs(hashtext(c.id::text)) % 4 = 0 AND ${currentAssessment('c.id')} = 1`, [SEED_TODAY]);
  await client.query(`
    INSERT INTO contact_link (organisation_id, leader_id, follower_id, created_by_id)
    SELECT l.organisation_id, l.id, f.contact_id, l.leader_marked_by_id
    FROM contact l JOIN posting lp ON lp.contact_id = l.id AND lp.end_date IS NULL
    JOIN LATERAL (SELECT p.contact_id FROM posting p JOIN contact fc ON fc.id = p.contact_id AND fc.organisation_id = l.organisation_id
                  WHERE p.ward_id = lp.ward_id AND p.end_date IS NULL AND p.contact_id <> l.id ORDER BY hashtext(p.contact_id::text) LIMIT 3) f ON true
    WHERE l.leader`);
}

/** True when the database holds no organisation yet (so the demo data may be written). */
export async function isDatabaseEmpty(client: SeedClient): Promise<boolean> {
  const { rows } = await client.query<{ found: boolean }>('SELECT EXISTS (SELECT 1 FROM organisation) AS found');
  return !rows[0].found;
}

/** The tables whose COPY carries `employer_id` (copy-writer.ts). */
const COPY_WRITES_EMPLOYER = ['posting', 'membership'] as const;
/** The tables writeOrganising's one statement writes `employer_id` into. */
const SQL_WRITES_EMPLOYER = ['conversation', 'assessment'] as const;

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
  let cases = 0;
  await client.query('BEGIN');
  try {
    await client.query('SET LOCAL synchronous_commit = off');
    // The COPY writes each posting's and membership's employer itself (CopyWriter.employerOf): their per-row
    // triggers (PersonEmployer migration) are off until it ends, in this transaction only.
    for (const t of COPY_WRITES_EMPLOYER) await client.query(`ALTER TABLE ${t} DISABLE TRIGGER ${t}_employer`);
    for (const row of generateSeedRows(options)) {
      writer.add(row);
      if (writer.shouldFlush) await writer.flush();
    }
    await writer.flush();
    for (const t of COPY_WRITES_EMPLOYER) await client.query(`ALTER TABLE ${t} ENABLE TRIGGER ${t}_employer`);
    // The set-based steps below plan on the copied rows: give the planner their statistics first (ANALYZE counts
    // this transaction's own rows), or at --scale 600 the ballot step's per-branch statements scan every contact.
    if (writer.counts.contact > 10_000) await client.query(`ANALYZE ${SEED_TABLES.join(', ')}`);
    await writeBranches(client);
    await writeDuplicates(client);
    await writeOrganising(client);
    await writeCampaigns(client, ukToday());
    await writeRecruiters(client, ukToday());
    cases = options.cipher ? await writeCases(client, options.cipher, options.casesToday ?? ukToday()) : 0;
    await writeBallots(client, options.casesToday ?? ukToday());
    // The demo organisations share their coalition aggregates (the line-up page has something to line up).
    await client.query('UPDATE organisation SET share_coalition_aggregates = true');
    await client.query('COMMIT');
  } catch (e) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw e;
  }
  if (options.analyze ?? writer.counts.contact > 10_000) {
    await client.query(`ANALYZE ${SEED_TABLES.join(', ')}`);
  }
  return { scale, size, counts: { ...writer.counts }, cases, elapsedMs: Math.round(performance.now() - started) };
}
