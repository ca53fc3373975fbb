import { readFileSync } from 'node:fs';
import { buildSchema } from 'graphql';
import { type GqlResult, type Login, LOGINS, startTestApp, type TestApp } from '../fixtures/app.js';
import {
  deriveSeed, generateOperation, type GeneratedOp, type GeneratorOptions, type IdPools, leakedInternals, Rng,
  showVariables, stringsIn, truncate,
} from '../fixtures/fuzz.js';

/**
 * Fuzz run of the GraphQL API: for each demo login (one test each), FUZZ_OPS random operations
 * generated from apps/api/schema.gql (test/fixtures/fuzz.ts: valid-looking and hostile arguments,
 * real ids of records the login may and may not see, as variables or inline literals). Every
 * response is checked for:
 * - no HTTP 5xx and no INTERNAL_SERVER_ERROR (the code every unexpected error is masked to: a bug);
 * - no stack trace, SQL, driver or ORM detail in an error's message or extensions;
 * - no id of a record about a person the login may not see (visibleIds below), soft-deleted included;
 * - no session that stops working (the run never logs out nor changes the demo accounts);
 * - no write to Object.prototype (the API runs in this process, so prototype pollution shows here).
 * Mutations run for real on this file's throw-away database; the oracle is recomputed after each
 * one that changed something. A summary per login is printed at the end.
 *
 * Reproduce a run with FUZZ_SEED=<seed printed in the failure>; FUZZ_OPS sets the operations per
 * login (default 300); FUZZ_DEBUG=1 prints each operation's outcome.
 */
const SEED = Number(process.env.FUZZ_SEED ?? 20260317) >>> 0;
const OPS = Number(process.env.FUZZ_OPS ?? 300);
const ROLES = Object.keys(LOGINS) as Login[];
const GENERATOR: GeneratorOptions = {
  // logout ends the session and changePassword changes the demo password: the rest of the run needs both.
  exclude: ['logout', 'changePassword'],
  mutationShare: 0.3,
  weight: {
    // login is throttled per account and address (TOO_MANY_REQUESTS after a few failures): rarely.
    login: 0.3,
    // Reads of people are where a leak would be: more often.
    allContacts: 3, Contact: 2, allMemberships: 2, Membership: 1.5, allRepRoles: 2, RepRole: 1.5, allAuditEvents: 1.5,
  },
};
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * THE ORACLE. Ids of every record about a person (contact, membership, rep role, posting) that `who`
 * may see now. Change this function when the rules change (branches are being added: then a user
 * sees only the people of their branches' employers, which narrows each set below — until then
 * these sets are the wider organisation rule, so a branch-crossing leak is not caught here yet).
 *
 * Rules today:
 * - the organisation is a wall: only contacts with the user's organisation_id;
 * - never a soft-deleted contact (deleted_at set), nor anything of one;
 * - the rep (rep@unison.example) sees only contacts whose current posting (end_date IS NULL) is on
 *   a ward of a site in their patch (rep_patch);
 * - the coalition viewer sees no named person at all;
 * - memberships, rep roles and postings are visible exactly when their contact is.
 * - a case, its meetings, notes, custom deadlines and team, only to its team and the secretaries and admins of
 *   its branch, for a member of the login's branches; never a case marked deleted.
 * The demo login decides the rule (not app_user.role, which moves to per-branch roles).
 */
async function visibleIds(t: TestApp, who: Login): Promise<Set<string>> {
  // Same organisation, and: an employer of a branch where the login reads everyone (admin,
  // secretary, caseworker), or a current posting on a patch site inside a branch where they are a rep.
  const rows = await t.sql<{ id: string }>(`
    WITH me AS (SELECT id, organisation_id FROM app_user WHERE email = $1),
    grants AS (SELECT r.role, be.employer_id FROM user_branch_role r JOIN me ON me.id = r.user_id
               JOIN branch_employer be ON be.branch_id = r.branch_id),
    seen AS (
      SELECT c.id FROM contact c JOIN me ON c.organisation_id = me.organisation_id
      WHERE c.deleted_at IS NULL AND (
        c.employer_id IN (SELECT employer_id FROM grants WHERE role IN ('ADMIN', 'BRANCH_SECRETARY', 'CASEWORKER'))
        OR EXISTS (
          SELECT 1 FROM posting p JOIN ward w ON w.id = p.ward_id JOIN site s ON s.id = w.site_id
          JOIN rep_patch rp ON rp.site_id = w.site_id AND rp.user_id = me.id
          WHERE p.contact_id = c.id AND p.end_date IS NULL
            AND s.employer_id IN (SELECT employer_id FROM grants WHERE role = 'REP'))))
    SELECT id FROM seen
    UNION ALL SELECT m.id FROM membership m JOIN seen ON seen.id = m.contact_id
    UNION ALL SELECT r.id FROM rep_role r JOIN seen ON seen.id = r.contact_id
    UNION ALL SELECT p.id FROM posting p JOIN seen ON seen.id = p.contact_id
    UNION ALL SELECT cv.id FROM conversation cv JOIN seen ON seen.id = cv.contact_id
    UNION ALL SELECT a.id FROM assessment a JOIN seen ON seen.id = a.contact_id
    -- cases: their team's, and every case of a branch where the login is secretary or admin; members of the login's branches only
    UNION ALL SELECT y.id FROM (
      SELECT k.id FROM case_file k JOIN me ON me.organisation_id = k.organisation_id JOIN contact c ON c.id = k.contact_id
      WHERE k.deleted_at IS NULL AND c.deleted_at IS NULL AND c.employer_id IN (SELECT employer_id FROM grants WHERE role <> 'COALITION_VIEWER')
        AND (k.branch_id IN (SELECT r.branch_id FROM user_branch_role r WHERE r.user_id = me.id AND r.role IN ('ADMIN', 'BRANCH_SECRETARY'))
          OR EXISTS (SELECT 1 FROM case_team tm WHERE tm.case_id = k.id AND tm.user_id = me.id))) x,
      LATERAL (SELECT x.id UNION ALL SELECT id FROM case_meeting WHERE case_id = x.id UNION ALL SELECT id FROM case_note WHERE case_id = x.id
        UNION ALL SELECT id FROM case_custom_deadline WHERE case_id = x.id UNION ALL SELECT id FROM case_team WHERE case_id = x.id) y(id)
    -- every role reads its own organisation's workplace map and union list, and nobody else's
    UNION ALL SELECT e.id FROM employer e JOIN me ON me.organisation_id = e.organisation_id
    UNION ALL SELECT s.id FROM site s JOIN me ON me.organisation_id = s.organisation_id
    UNION ALL SELECT w.id FROM ward w JOIN me ON me.organisation_id = w.organisation_id
    UNION ALL SELECT t.id FROM trade_union t JOIN me ON me.organisation_id = t.organisation_id`, [LOGINS[who]]);
  return new Set(rows.map((r) => r.id));
}

/**
 * One login's run is FUZZ_OPS operations one after another (about 5 s on an idle 2-core machine):
 * it gets a budget for its length, not the 60 s every other test gets, so a busy machine slows it
 * without failing it.
 */
const FUZZ_TIMEOUT_MS = 600_000;

/** Records of an organisation's workplace map and union list: the oracle checks them by organisation. */
const STRUCTURE = new Set(['Employer', 'Site', 'Ward', 'Union']);

/** Every record about a person (seen or not): what kind, whose, and whether its contact is soft-deleted. */
interface PersonRecord { kind: string; org: string; deleted: boolean }
async function personRecords(t: TestApp): Promise<Map<string, PersonRecord>> {
  const rows = await t.sql<{ id: string; kind: string; org: string; deleted: boolean }>(`
    SELECT id, kind, org, deleted FROM (
      SELECT c.id, 'Contact' AS kind, c.organisation_id AS org, c.deleted_at IS NOT NULL AS deleted, c.created_at FROM contact c
      UNION ALL SELECT m.id, 'Membership', c.organisation_id, c.deleted_at IS NOT NULL, m.created_at FROM membership m JOIN contact c ON c.id = m.contact_id
      UNION ALL SELECT r.id, 'RepRole', c.organisation_id, c.deleted_at IS NOT NULL, r.created_at FROM rep_role r JOIN contact c ON c.id = r.contact_id
      UNION ALL SELECT p.id, 'Posting', c.organisation_id, c.deleted_at IS NOT NULL, p.created_at FROM posting p JOIN contact c ON c.id = p.contact_id
      UNION ALL SELECT cv.id, 'Conversation', c.organisation_id, c.deleted_at IS NOT NULL, cv.created_at FROM conversation cv JOIN contact c ON c.id = cv.contact_id
      UNION ALL SELECT a.id, 'AssessmentEntry', c.organisation_id, c.deleted_at IS NOT NULL, a.created_at FROM assessment a JOIN contact c ON c.id = a.contact_id
      -- a case and its content: about its member
      UNION ALL SELECT k.id, 'Case', k.organisation_id, k.deleted_at IS NOT NULL OR c.deleted_at IS NOT NULL, k.created_at FROM case_file k JOIN contact c ON c.id = k.contact_id
      UNION ALL SELECT r.id, r.kind, k.organisation_id, k.deleted_at IS NOT NULL OR c.deleted_at IS NOT NULL, r.created_at FROM (
          SELECT id, case_id, 'CaseMeeting' AS kind, created_at FROM case_meeting UNION ALL SELECT id, case_id, 'CaseNote', created_at FROM case_note
          UNION ALL SELECT id, case_id, 'CaseCustomDeadline', created_at FROM case_custom_deadline UNION ALL SELECT id, case_id, 'CaseTeamMember', created_at FROM case_team
          UNION ALL SELECT id, case_id, 'CaseDocument', created_at FROM case_document
        ) r JOIN case_file k ON k.id = r.case_id JOIN contact c ON c.id = k.contact_id
      -- an organisation's workplace map and union list are its own too
      UNION ALL SELECT id, 'Employer', organisation_id, false, created_at FROM employer
      UNION ALL SELECT id, 'Site', organisation_id, false, created_at FROM site
      UNION ALL SELECT id, 'Ward', organisation_id, false, created_at FROM ward
      UNION ALL SELECT id, 'Union', organisation_id, false, created_at FROM trade_union
    ) x ORDER BY kind, created_at, id`);
  return new Map(rows.map((r) => [r.id, { kind: r.kind, org: r.org, deleted: r.deleted }]));
}

async function organisationOf(who: Login): Promise<string> {
  return (await t.sql('SELECT organisation_id FROM app_user WHERE email = $1', [LOGINS[who]]))[0].organisation_id;
}

/** Real ids to put in arguments, in buckets (seen by this login, hidden from it, another organisation's, deleted…). */
async function idPools(who: Login, visible: Set<string>, people: Map<string, PersonRecord>): Promise<IdPools> {
  const org = await organisationOf(who);
  const buckets: IdPools['buckets'] = {};
  for (const [id, r] of people) {
    if (r.kind === 'Posting') continue; // no argument names a posting
    if (STRUCTURE.has(r.kind)) continue; // pooled below, by patch
    const b = r.deleted ? 'deleted' : visible.has(id) ? 'visible' : r.org === org ? 'sameOrgHidden' : 'otherOrg';
    ((buckets[r.kind] ??= {})[b] ??= []).push(id);
  }
  const ids = async (sql: string, params: unknown[] = []) => (await t.sql<{ id: string }>(sql, params)).map((r) => r.id);
  const patch = 'SELECT rp.site_id FROM rep_patch rp JOIN app_user u ON u.id = rp.user_id WHERE u.email = $1';
  buckets.Ward = {
    patch: await ids(`SELECT id FROM ward WHERE site_id IN (${patch}) ORDER BY created_at, id`, [LOGINS.rep]),
    other: await ids(`SELECT id FROM ward WHERE site_id NOT IN (${patch}) ORDER BY created_at, id`, [LOGINS.rep]),
  };
  buckets.Site = {
    patch: await ids(`SELECT id FROM site WHERE id IN (${patch}) ORDER BY created_at, id`, [LOGINS.rep]),
    other: await ids(`SELECT id FROM site WHERE id NOT IN (${patch}) ORDER BY created_at, id`, [LOGINS.rep]),
  };
  buckets.Employer = { all: await ids('SELECT id FROM employer ORDER BY created_at, id') };
  buckets.Union = { all: await ids('SELECT id FROM trade_union ORDER BY created_at, id') };
  // The demo logins' accounts and branches are read, never changed: the run needs their sessions and scopes.
  const demo = Object.values(LOGINS) as string[];
  buckets.User = {
    readonlyDemo: await ids('SELECT id FROM app_user WHERE email = ANY($1) ORDER BY email', [demo]),
    other: await ids('SELECT id FROM app_user WHERE NOT email = ANY($1) ORDER BY email', [demo]),
  };
  const hasBranches = (await t.sql("SELECT to_regclass('branch') IS NOT NULL AS b"))[0].b;
  if (hasBranches) buckets.Branch = { readonlyDemo: await ids('SELECT id FROM branch ORDER BY created_at, id') };
  buckets.AuditEvent = {
    own: await ids('SELECT id FROM audit_event WHERE organisation_id = $1 ORDER BY created_at, id LIMIT 50', [org]),
    other: await ids('SELECT id FROM audit_event WHERE organisation_id IS DISTINCT FROM $1 ORDER BY created_at, id LIMIT 50', [org]),
  };
  return { buckets };
}

interface Stats { ops: number; queries: number; mutations: number; withData: number; clean: number; personIds: number; errors: Record<string, number> }
const STATS = new Map<Login, Stats>();

/** Everything wrong with one response, as text (empty: fine), and how many ids of people's records it held. */
function problemsOf(
  op: GeneratedOp, res: GqlResult, allowed: (id: string) => boolean, people: (id: string) => PersonRecord | undefined, org: string,
): { problems: string[]; personIds: number } {
  const out: string[] = [];
  let personIds = 0;
  if (res.status >= 500) out.push(`HTTP ${res.status}`);
  // The run never logs out nor touches the demo accounts: a session that stops working is a fault
  // (only login itself may answer UNAUTHENTICATED: wrong email or password).
  if (op.rootFields.some((f) => f !== 'login') && res.errors?.some((e) => e.extensions?.code === 'UNAUTHENTICATED')) {
    out.push('the session stopped working (UNAUTHENTICATED) though nothing ended it');
  }
  for (const e of res.errors ?? []) {
    if (e.extensions?.code === 'INTERNAL_SERVER_ERROR') out.push(`INTERNAL_SERVER_ERROR at ${e.path?.join('.') ?? '(no path)'}`);
  }
  const leak = leakedInternals(res.errors);
  if (leak) out.push(`internal detail in an error: ${leak}`);
  if (res.data === undefined && !res.errors?.length) out.push(`neither data nor errors (HTTP ${res.status})`);
  stringsIn(res.data, op.selections, (s, path, inAudit) => {
    if (!UUID.test(s)) return;
    const id = s.toLowerCase();
    const rec = people(id);
    if (!rec) return; // not a record about a person
    personIds++;
    if (inAudit) {
      // The audit log names records on purpose, deleted ones too: only its own organisation's.
      if (rec.org !== org) out.push(`${path} = ${id}: ${rec.kind} of another organisation, in the audit log`);
    } else if (!allowed(id)) {
      const why = rec.deleted ? 'of a soft-deleted contact' : rec.org === org ? 'outside what this login may see' : 'of another organisation';
      out.push(`forbidden record: ${path} = ${id} is a ${rec.kind} ${why}`);
    }
  });
  return { problems: out, personIds };
}

function describeFailure(who: Login, n: number, op: GeneratedOp, res: GqlResult, problems: string[]): string {
  return [
    `[${who} op #${n}, FUZZ_SEED=${SEED}] ${problems.join('; ')}`,
    `  operation: ${truncate(op.query, 1500)}`,
    `  variables: ${truncate(showVariables(op.variables), 1500)}`,
    `  response:  HTTP ${res.status} ${truncate(JSON.stringify({ data: res.data, errors: res.errors }), 1500)}`,
  ].join('\n');
}

let t: TestApp;
const schema = buildSchema(readFileSync('apps/api/schema.gql', 'utf8'));
const tokens = new Map<Login, string>();

beforeAll(async () => {
  t = await startTestApp();
  // Log every login in first: the fuzzed login mutation soon has this address throttled.
  for (const who of ROLES) tokens.set(who, await t.login(who));
  // Some soft-deleted people, on the rep's patch, off it, and in another organisation: none may ever show.
  await t.sql(`UPDATE contact SET deleted_at = now() WHERE id IN (
    (SELECT c.id FROM contact c JOIN posting p ON p.contact_id = c.id AND p.end_date IS NULL JOIN ward w ON w.id = p.ward_id
      JOIN app_user u ON u.organisation_id = c.organisation_id AND u.email = $1
      WHERE w.site_id IN (SELECT site_id FROM rep_patch WHERE user_id = u.id) ORDER BY c.id LIMIT 3)
    UNION ALL
    (SELECT c.id FROM contact c JOIN app_user u ON u.organisation_id = c.organisation_id AND u.email = $1
      WHERE NOT EXISTS (SELECT 1 FROM posting p JOIN ward w ON w.id = p.ward_id JOIN rep_patch rp ON rp.site_id = w.site_id
        WHERE p.contact_id = c.id AND p.end_date IS NULL AND rp.user_id = u.id) ORDER BY c.id LIMIT 3)
    UNION ALL
    (SELECT c.id FROM contact c WHERE c.organisation_id <> (SELECT organisation_id FROM app_user WHERE email = $1) ORDER BY c.id LIMIT 2))`,
  [LOGINS.rep]);
  console.log(`GraphQL fuzz: FUZZ_SEED=${SEED}, FUZZ_OPS=${OPS} per login, ${ROLES.length} logins`);
});

afterAll(async () => {
  if (STATS.size) {
    const lines = [...STATS].map(([who, s]) => `  ${who.padEnd(13)} ${String(s.ops).padStart(4)} ops (${s.queries} queries, ${s.mutations} mutations): `
      + `${s.withData} returned data (${s.personIds} ids of people's records checked), ${s.clean} without errors; errors by code: ${JSON.stringify(s.errors)}`);
    const total = [...STATS.values()].reduce((a, s) => a + s.ops, 0);
    console.log(`GraphQL fuzz summary (FUZZ_SEED=${SEED}): ${total} operations\n${lines.join('\n')}`);
  }
  await t?.close();
});

describe('GraphQL fuzz (generated operations per demo login)', () => {
  ROLES.forEach((who, index) => {
    it(`${who}: no internal error, no internal detail, no record it may not see`, async () => {
      const rng = new Rng(deriveSeed(SEED, index));
      const token = tokens.get(who)!;
      const org = await organisationOf(who);
      let visible = await visibleIds(t, who);
      let people = await personRecords(t);
      const pools = await idPools(who, visible, people);
      let serial = (index + 1) * 1_000_000;
      const next = () => ++serial;
      const stats: Stats = { ops: 0, queries: 0, mutations: 0, withData: 0, clean: 0, personIds: 0, errors: {} };
      STATS.set(who, stats);
      const failures: string[] = [];
      let failed = 0;

      for (let n = 1; n <= OPS; n++) {
        const op = generateOperation(schema, rng, pools, GENERATOR, next);
        const res = await t.gql(op.query, op.variables, token);
        if (process.env.FUZZ_DEBUG) console.log(`${who} #${n} ${op.rootFields.join(',')} → HTTP ${res.status} ${res.errors?.map((e) => e.extensions?.code).join(',') ?? 'ok'}`);
        stats.ops++;
        stats[op.operation === 'query' ? 'queries' : 'mutations']++;
        const returned = !!res.data && Object.values(res.data).some((v) => v !== null && v !== undefined);
        if (returned) stats.withData++;
        if (!res.errors?.length) stats.clean++;
        for (const e of res.errors ?? []) {
          const code = String(e.extensions?.code ?? 'NO_CODE');
          stats.errors[code] = (stats.errors[code] ?? 0) + 1;
        }

        // A mutation that did something: judge its answer by what was visible before or after it
        // (a delete returns the record it just removed, a create one that did not exist), then go on
        // with the new state.
        let allowed = (id: string) => visible.has(id);
        let known = (id: string) => people.get(id);
        if (op.operation === 'mutation' && returned) {
          const before = visible;
          const peopleBefore = people;
          visible = await visibleIds(t, who);
          people = await personRecords(t);
          const after = visible;
          const peopleAfter = people;
          allowed = (id) => before.has(id) || after.has(id);
          known = (id) => peopleAfter.get(id) ?? peopleBefore.get(id);
          // New records become ids to try in later arguments.
          const field = op.rootFields[0];
          const created = /^create(\w+)$/.exec(field)?.[1];
          const id = (res.data?.[field] as { id?: string } | null)?.id;
          if (created && id) ((pools.buckets[created] ??= {}).created ??= []).push(id);
        }

        const { problems, personIds } = problemsOf(op, res, allowed, known, org);
        stats.personIds += personIds;
        // The API runs in this process: an input that writes to Object.prototype (prototype
        // pollution) shows here. Record it, then clean up so later operations are judged on their own.
        const polluted = Object.keys(Object.prototype);
        if (polluted.length) {
          problems.push(`Object.prototype polluted with ${JSON.stringify(Object.fromEntries(polluted.map((k) => [k, (Object.prototype as Record<string, unknown>)[k]])))}`);
          for (const k of polluted) delete (Object.prototype as Record<string, unknown>)[k];
        }
        if (problems.length) {
          failed++;
          if (failures.length < 10) failures.push(describeFailure(who, n, op, res, problems));
        }
      }

      console.log(`GraphQL fuzz ${who}: ${stats.ops} operations, ${stats.withData} returned data, ${stats.personIds} person ids checked, errors by code ${JSON.stringify(stats.errors)}`);
      if (failed > failures.length) failures.push(`… and ${failed - failures.length} more failing operations`);
      expect(failures).toEqual([]);
    }, FUZZ_TIMEOUT_MS);
  });

  it('leaves the database in one piece (no injected SQL ran)', async () => {
    const [row] = await t.sql(`SELECT (SELECT count(*) FROM contact)::int AS contacts, (SELECT count(*) FROM membership)::int AS memberships,
      (SELECT count(*) FROM rep_role)::int AS reps, (SELECT count(*) FROM audit_event)::int AS audit`);
    expect(row.contacts).toBeGreaterThan(100);
    expect(row.memberships).toBeGreaterThan(10);
    expect(row.reps).toBeGreaterThan(0);
    expect(row.audit).toBeGreaterThan(0);
  });
});
