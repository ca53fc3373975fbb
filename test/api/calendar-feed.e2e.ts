import { createHash } from 'node:crypto';
import pg from 'pg';
import request from 'supertest';
import { deadlineUid, meetingUid } from '../../apps/api/src/calendar/calendar-events.js';
import { identityParams, IDENTITY_SQL } from '../../apps/api/src/database/request-transaction.js';
import { errorOf, type GqlResult, type Login, LOGINS, DEMO_PASSWORD, startTestApp, type TestApp } from '../fixtures/app.js';
import { ukDayPlus } from '../fixtures/dates.js';
import { withDatabase } from '../fixtures/db-url.js';
import { PATCH_SITES, userIdOf } from '../fixtures/scope-targets.js';

/**
 * The caseworker's calendar feed (issue 11): a secret link to an iCalendar file of the user's own open
 * cases' meetings and deadlines, holding the kind of meeting or deadline, the case type and the member's
 * initials, and nothing else. Cases are seeded with a marker string in every content field; none may
 * come out. A case the user reads but is not on the team of (a colleague's, to the branch secretary), a
 * closed case and another organisation's case stay out. Replacing or stopping the link, or deactivating
 * its user, makes it open nothing (404, no detail). Each fetch is one audit entry.
 */
let t: TestApp;
const REGENERATE = 'mutation { regenerateCalendarFeed { url createdAt } }';
const STATUS = '{ calendarFeed { id createdAt } }';
const REVOKE = 'mutation { revokeCalendarFeed }';

/** Every marker put in a content field, and the member's names: none may appear in any feed. */
const MARKERS = ['MARKER-SUMMARY', 'MARKER-PLACE', 'MARKER-PANEL', 'MARKER-ACCOMPANIED', 'MARKER-OUTCOME', 'MARKER-NOTES',
  'MARKER-LABEL', 'MARKER-NOTE-BODY', 'Zebedee', 'Quintrell', 'Zeb'];

interface Seeded { caseId: string; meetingId: string; timedMeetingId: string; deadlineId: string; contactId: string }
const seeded: Record<'own' | 'colleague' | 'closed' | 'secretaryOwn' | 'otherOrg', Seeded> = {} as never;
let colleague = { id: '', email: 'caseworker.colleague@unison.example' };

interface VEvent { uid: string; summary: string; dtstart: string; dtend?: string; lines: string[] }

/** The VEVENTs of an iCalendar text (folded lines unfolded, escapes undone). */
function parse(ics: string): VEvent[] {
  const lines = ics.replace(/\r\n[ \t]/g, '').split('\r\n');
  const events: VEvent[] = [];
  let current: string[] | null = null;
  for (const line of lines) {
    if (line === 'BEGIN:VEVENT') current = [];
    else if (line === 'END:VEVENT' && current) {
      const get = (name: string) => current!.find((l) => l.startsWith(`${name}:`) || l.startsWith(`${name};`))?.replace(/^[^:]*:/, '');
      events.push({ uid: get('UID')!, summary: get('SUMMARY')!.replace(/\\([,;\\])/g, '$1'), dtstart: current.find((l) => l.startsWith('DTSTART'))!,
        dtend: current.find((l) => l.startsWith('DTEND')), lines: current });
      current = null;
    } else if (current) current.push(line);
  }
  return events;
}

const ok = <T = any>(res: GqlResult, key: string): T => {
  if (!res.data?.[key]) throw new Error(`${key} failed: ${JSON.stringify(res.errors)}`);
  return res.data[key] as T;
};
/** The path of a feed URL (the test server's host is the request's). */
const pathOf = (url: string) => new URL(url).pathname;
const get = (path: string) => request(t.app.getHttpServer()).get(path);
/** A login's token for an account the test made. */
async function tokenOf(email: string): Promise<string> {
  const res = await t.gql('mutation($e: String!, $p: String!) { login(email: $e, password: $p) { token } }', { e: email, p: DEMO_PASSWORD });
  return ok<{ token: string }>(res, 'login').token;
}

/** A case made by `officer` with markers in every content field, a timed and an untimed meeting and a custom deadline. */
async function seedCase(officer: Login, data: Record<string, unknown>, close = false): Promise<Seeded> {
  const as = t.as(officer);
  const kase = ok<{ id: string }>(await as('mutation($d: CaseCreateInput!) { createCase(data: $d) { id } }', {
    d: { summary: 'MARKER-SUMMARY of the allegation', outcomeLetterDate: ukDayPlus(-1), ...data },
  }), 'createCase');
  const meeting = (extra: Record<string, unknown>) => as('mutation($d: CaseMeetingCreateInput!) { createCaseMeeting(data: $d) { id } }', {
    d: { caseId: kase.id, place: 'MARKER-PLACE Room 4', panel: 'MARKER-PANEL Ms Chair', accompanied: true, accompaniedBy: 'MARKER-ACCOMPANIED',
      outcome: 'MARKER-OUTCOME warning', notes: 'MARKER-NOTES sealed', ...extra },
  });
  const timed = ok<{ id: string }>(await meeting({ kind: 'GRIEVANCE_HEARING', date: ukDayPlus(9), time: '14:30' }), 'createCaseMeeting');
  const untimed = ok<{ id: string }>(await meeting({ kind: 'INVESTIGATION', date: ukDayPlus(-3) }), 'createCaseMeeting');
  const deadline = ok<{ id: string }>(await as('mutation($c: ID!, $due: String!) { createCaseCustomDeadline(data: { caseId: $c, label: "MARKER-LABEL send it", due: $due }) { id } }',
    { c: kase.id, due: ukDayPlus(20) }), 'createCaseCustomDeadline');
  ok(await as('mutation($c: ID!) { createCaseNote(data: { caseId: $c, body: "MARKER-NOTE-BODY confidential" }) { id } }', { c: kase.id }), 'createCaseNote');
  if (close) ok(await as('mutation($id: ID!) { updateCase(id: $id, data: { status: CLOSED }) { id } }', { id: kase.id }), 'updateCase');
  return { caseId: kase.id, meetingId: untimed.id, timedMeetingId: timed.id, deadlineId: deadline.id, contactId: data.contactId as string };
}

/** The meetings the user's feed must hold: of open cases on whose team they are, 30 days back to a year ahead (straight from the tables). */
async function meetingOracle(userId: string): Promise<string[]> {
  return (await t.sql(`SELECT m.id FROM case_meeting m JOIN case_file k ON k.id = m.case_id
    WHERE k.deleted_at IS NULL AND k.status <> 'CLOSED' AND EXISTS (SELECT 1 FROM case_team tm WHERE tm.case_id = k.id AND tm.user_id = $1)
      AND m.date BETWEEN $2::date AND $3::date`, [userId, ukDayPlus(-30), ukDayPlus(365)])).map((r) => meetingUid(r.id)).sort();
}

beforeAll(async () => {
  t = await startTestApp();
  const [{ branch }] = await t.sql('SELECT r.branch_id AS branch FROM user_branch_role r JOIN app_user u ON u.id = r.user_id WHERE u.email = $1', [LOGINS.caseworker]);
  [{ id: colleague.id }] = await t.sql(`INSERT INTO app_user (email, display_name, password_hash, organisation_id)
    SELECT $2, 'Colleague Caseworker', password_hash, organisation_id FROM app_user WHERE email = $1 RETURNING id`, [LOGINS.caseworker, colleague.email]);
  await t.sql("INSERT INTO user_branch_role (user_id, branch_id, role) VALUES ($1, $2, 'CASEWORKER')", [colleague.id, branch]);
  // members of the demo branch (on the rep's patch, so the demo caseworker reads them), renamed to markers
  const members = (await t.sql(`SELECT DISTINCT c.id, c.last_name FROM contact c JOIN posting p ON p.contact_id = c.id AND p.end_date IS NULL
    JOIN ward w ON w.id = p.ward_id WHERE c.deleted_at IS NULL AND c.employer_id = $1 AND w.site_id IN ${PATCH_SITES}
    AND (c.leave_date IS NULL OR c.leave_date > current_date) ORDER BY c.last_name, c.id LIMIT 4`, [t.demoEmployerId])).map((r) => r.id as string);
  await t.sql("UPDATE contact SET first_name = 'Zebedee', preferred_name = NULL, last_name = 'Quintrell' WHERE id = ANY($1)", [members]);
  const [bmaMember] = await t.sql(`SELECT c.id FROM contact c JOIN app_user u ON u.organisation_id = c.organisation_id
    WHERE u.email = $1 AND c.deleted_at IS NULL AND (c.leave_date IS NULL OR c.leave_date > current_date) ORDER BY c.last_name, c.id LIMIT 1`, [LOGINS.bmaSecretary]);
  await t.sql("UPDATE contact SET first_name = 'Zebedee', preferred_name = NULL, last_name = 'Quintrell' WHERE id = $1", [bmaMember.id]);
  const caseworker = await userIdOf(t, 'caseworker');
  seeded.own = await seedCase('secretary', { contactId: members[0], type: 'GRIEVANCE', caseworkerId: caseworker, repId: await userIdOf(t, 'rep') });
  seeded.colleague = await seedCase('secretary', { contactId: members[1], type: 'WHISTLEBLOWING', caseworkerId: colleague.id });
  seeded.closed = await seedCase('secretary', { contactId: members[2], type: 'CAPABILITY', caseworkerId: caseworker }, true);
  seeded.secretaryOwn = await seedCase('secretary', { contactId: members[3], type: 'BULLYING_HARASSMENT', caseworkerId: await userIdOf(t, 'secretary') });
  seeded.otherOrg = await seedCase('bmaSecretary', { contactId: bmaMember.id, type: 'SICKNESS_ABSENCE', caseworkerId: await userIdOf(t, 'bmaSecretary') });
});
afterAll(async () => { await t?.close(); });

/** The feed's text, fetched with its link. */
async function feedOf(url: string): Promise<{ text: string; events: VEvent[]; uids: Set<string> }> {
  const res = await get(pathOf(url));
  expect(res.status).toBe(200);
  expect(res.headers['content-type']).toMatch(/^text\/calendar/);
  const text = res.text;
  const events = parse(text);
  expect(events.length).toBeGreaterThan(0);
  return { text, events, uids: new Set(events.map((e) => e.uid)) };
}

/** Every seeded record of a case as feed UIDs. */
const uidsOf = (s: Seeded) => [meetingUid(s.meetingId), meetingUid(s.timedMeetingId), deadlineUid(s.caseId, `custom:${s.deadlineId}`)];

function holdsNoContent(text: string, ...cases: Seeded[]): void {
  for (const marker of MARKERS) expect([marker, text.includes(marker)]).toEqual([marker, false]);
  for (const s of cases) for (const id of Object.values(s)) expect([id, text.includes(id)]).toEqual([id, false]);
  expect(text).not.toMatch(/LOCATION|DESCRIPTION|URL[;:]|ORGANIZER|ATTENDEE|ATTACH|http/);
}

describe('calendar feed', () => {
  it('refuses anonymous callers', async () => {
    for (const op of [STATUS, REGENERATE, REVOKE]) expect(errorOf(await t.gql(op)).code).toBe('UNAUTHENTICATED');
  });

  it('is refused to a role that cannot be on a case team, and nothing is made', async () => {
    for (const op of [STATUS, REGENERATE, REVOKE]) expect(errorOf(await t.as('coalition')(op)).code).toBe('FORBIDDEN');
    expect(await t.sql('SELECT * FROM calendar_feed')).toEqual([]);
  });

  let firstUrl = '';
  it('gives the caseworker a link once, and keeps only its hash', async () => {
    expect((await t.as('caseworker')(STATUS)).data?.calendarFeed).toBeNull();
    const made = ok<{ url: string; createdAt: string }>(await t.as('caseworker')(REGENERATE), 'regenerateCalendarFeed');
    expect(made.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/calendar\/[A-Za-z0-9_-]{43}\.ics$/);
    firstUrl = made.url;
    const token = pathOf(made.url).slice('/calendar/'.length, -'.ics'.length);
    const status = ok<{ id: string; createdAt: string }>(await t.as('caseworker')(STATUS), 'calendarFeed');
    expect(status.createdAt).toBe(made.createdAt);
    const rows = await t.sql('SELECT * FROM calendar_feed');
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ id: status.id, user_id: await userIdOf(t, 'caseworker'), token_hash: createHash('sha256').update(token).digest('hex') });
    expect(JSON.stringify(rows)).not.toContain(token);
    const [entry] = await t.sql("SELECT action, before, after FROM audit_event WHERE entity_type = 'CalendarFeed' AND entity_id = $1", [status.id]);
    expect(entry).toMatchObject({ action: 'CREATE', before: null, after: { id: status.id, userId: rows[0].user_id } });
    expect(JSON.stringify(entry)).not.toContain(rows[0].token_hash);
  });

  it("serves the caseworker's own open cases' meetings and deadlines, as text/calendar, never cached", async () => {
    const res = await get(pathOf(firstUrl));
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toMatch(/^text\/calendar/);
    expect(res.headers['cache-control']).toBe('no-store');
    const { events, uids } = await feedOf(firstUrl);
    // exactly the meetings of their open cases in the window (the demo cases they are on, and the seeded one)
    const meetings = events.filter((e) => !e.summary.startsWith('Deadline:')).map((e) => e.uid).sort();
    expect(meetings).toEqual(await meetingOracle(await userIdOf(t, 'caseworker')));
    for (const uid of uidsOf(seeded.own)) expect(uids).toContain(uid);
    expect(uids).toContain(deadlineUid(seeded.own.caseId, 'appeal'));
    const by = (uid: string) => events.find((e) => e.uid === uid)!;
    // a timed meeting in UTC, an hour long; a meeting without a time and every deadline all day
    expect(by(meetingUid(seeded.own.timedMeetingId))).toMatchObject({ summary: 'Grievance hearing — Grievance, Z.Q.', dtstart: expect.stringMatching(/^DTSTART:\d{8}T1[34]3000Z$/) });
    expect(by(meetingUid(seeded.own.meetingId))).toMatchObject({ summary: 'Investigation meeting — Grievance, Z.Q.', dtstart: `DTSTART;VALUE=DATE:${ukDayPlus(-3).replace(/-/g, '')}` });
    expect(by(deadlineUid(seeded.own.caseId, `custom:${seeded.own.deadlineId}`))).toMatchObject({
      summary: 'Deadline: Custom deadline — Grievance, Z.Q.', dtstart: `DTSTART;VALUE=DATE:${ukDayPlus(20).replace(/-/g, '')}`,
    });
    expect(by(deadlineUid(seeded.own.caseId, 'appeal')).summary).toBe('Deadline: Appeal window — Grievance, Z.Q.');
    // the same UIDs on the next fetch: calendar apps update rather than duplicate
    expect((await feedOf(firstUrl)).uids).toEqual(uids);
  });

  it('lets no case content, name or id through', async () => {
    const { text, uids } = await feedOf(firstUrl);
    for (const uid of uidsOf(seeded.own)) expect(uids).toContain(uid);
    // the feed reads as a calendar: initials and case types
    expect(text).toContain('Grievance\\, Z.Q.');
    holdsNoContent(text, ...Object.values(seeded));
  });

  it("leaves out a colleague's case, a closed case and another organisation's", async () => {
    const { uids, text } = await feedOf(firstUrl);
    for (const s of [seeded.colleague, seeded.closed, seeded.secretaryOwn, seeded.otherOrg]) for (const uid of uidsOf(s)) expect(uids).not.toContain(uid);
    expect(text).not.toMatch(/Whistleblowing|Capability|Sickness absence/);
  });

  it("gives the branch secretary their own team's cases, not every case of the branch they read", async () => {
    // the secretary reads the colleague's case (and its meetings) on its page
    expect((await t.as('secretary')('query($id: ID!) { Case(id: $id) { id meetings { id } } }', { id: seeded.colleague.caseId })).data?.Case.meetings).toHaveLength(2);
    const url = ok<{ url: string }>(await t.as('secretary')(REGENERATE), 'regenerateCalendarFeed').url;
    const { uids, text, events } = await feedOf(url);
    for (const uid of uidsOf(seeded.secretaryOwn)) expect(uids).toContain(uid);
    for (const s of [seeded.colleague, seeded.own, seeded.closed, seeded.otherOrg]) for (const uid of uidsOf(s)) expect(uids).not.toContain(uid);
    expect(events.filter((e) => !e.summary.startsWith('Deadline:')).map((e) => e.uid).sort()).toEqual(await meetingOracle(await userIdOf(t, 'secretary')));
    holdsNoContent(text, ...Object.values(seeded));
  });

  it("gives another organisation's user only their own cases", async () => {
    const url = ok<{ url: string }>(await t.as('bmaSecretary')(REGENERATE), 'regenerateCalendarFeed').url;
    const { uids, text } = await feedOf(url);
    for (const uid of uidsOf(seeded.otherOrg)) expect(uids).toContain(uid);
    for (const s of [seeded.own, seeded.colleague, seeded.secretaryOwn]) for (const uid of uidsOf(s)) expect(uids).not.toContain(uid);
    expect(text).toContain('Sickness absence\\, Z.Q.');
    holdsNoContent(text, ...Object.values(seeded));
  });

  it('writes one audit entry per fetch, as the link\'s user, and none for a link that opens nothing', async () => {
    const feed = ok<{ id: string }>(await t.as('caseworker')(STATUS), 'calendarFeed');
    const reads = async () => (await t.sql(`SELECT user_id, organisation_id, employer_id, after FROM audit_event
      WHERE action = 'READ' AND entity_type = 'CalendarFeed' AND entity_id = $1`, [feed.id]));
    const before = (await reads()).length;
    await feedOf(firstUrl);
    await feedOf(firstUrl);
    const after = await reads();
    expect(after).toHaveLength(before + 2);
    const [{ organisation_id: org }] = await t.sql('SELECT organisation_id FROM app_user WHERE email = $1', [LOGINS.caseworker]);
    // filed under no employer: every admin of the organisation may see a leaked link in use
    expect(after.at(-1)).toMatchObject({ user_id: await userIdOf(t, 'caseworker'), organisation_id: org, employer_id: null, after: { read: 'calendar feed' } });
    const total = async () => (await t.sql("SELECT count(*)::int AS n FROM audit_event WHERE entity_type = 'CalendarFeed' AND action = 'READ'"))[0].n;
    const n = await total();
    expect((await get(`/calendar/${'A'.repeat(43)}.ics`)).status).toBe(404);
    expect(await total()).toBe(n);
  });

  it('answers 404, with no detail, for an unknown or malformed link (before the web app answers it)', async () => {
    for (const path of [`/calendar/${'A'.repeat(43)}.ics`, '/calendar/short.ics', '/calendar/x', `/calendar/${pathOf(firstUrl).slice(10, -4)}`]) {
      const res = await get(path);
      expect([path, res.status, res.text]).toEqual([path, 404, 'Not found']);
      expect(res.headers['content-type']).toMatch(/^text\/plain/);
    }
    // the web app still answers its own routes
    expect((await get('/')).status).not.toBe(404);
  });

  it('stops the old link when a new one is made, and both when the feed is stopped', async () => {
    const [{ created_at: firstMade }] = await t.sql('SELECT created_at FROM calendar_feed WHERE user_id = $1', [await userIdOf(t, 'caseworker')]);
    const second = ok<{ url: string; createdAt: string }>(await t.as('caseworker')(REGENERATE), 'regenerateCalendarFeed');
    expect(second.url).not.toBe(firstUrl);
    expect((await get(pathOf(firstUrl))).status).toBe(404);
    expect((await get(pathOf(second.url))).status).toBe(200);
    expect(new Date(second.createdAt) >= firstMade).toBe(true);
    const feed = ok<{ id: string }>(await t.as('caseworker')(STATUS), 'calendarFeed');
    const [update] = await t.sql("SELECT action, before, after FROM audit_event WHERE entity_type = 'CalendarFeed' AND entity_id = $1 AND action = 'UPDATE'", [feed.id]);
    expect(update.before.id).toBe(feed.id);
    expect(Object.keys(update.after).sort()).toEqual(['createdAt', 'id', 'userId']);

    expect(ok<boolean>(await t.as('caseworker')(REVOKE), 'revokeCalendarFeed')).toBe(true);
    expect((await get(pathOf(second.url))).status).toBe(404);
    expect((await t.as('caseworker')(STATUS)).data?.calendarFeed).toBeNull();
    expect((await t.as('caseworker')(REVOKE)).data?.revokeCalendarFeed).toBe(false);
    expect(await t.sql("SELECT action FROM audit_event WHERE entity_type = 'CalendarFeed' AND entity_id = $1 AND action = 'DELETE'", [feed.id])).toHaveLength(1);
  });

  it("opens nothing for a deactivated user's link", async () => {
    const token = await tokenOf(colleague.email);
    const url = ok<{ url: string }>(await t.gql(REGENERATE, {}, token), 'regenerateCalendarFeed').url;
    const { uids } = await feedOf(url);
    for (const uid of uidsOf(seeded.colleague)) expect(uids).toContain(uid);
    await t.sql('UPDATE app_user SET active = false WHERE id = $1', [colleague.id]);
    expect((await get(pathOf(url))).status).toBe(404);
    await t.sql('UPDATE app_user SET active = true WHERE id = $1', [colleague.id]);
    expect((await get(pathOf(url))).status).toBe(200);
  });

  it('gives the rep, on a case team, a feed of that case', async () => {
    const url = ok<{ url: string }>(await t.as('rep')(REGENERATE), 'regenerateCalendarFeed').url;
    const { uids, text } = await feedOf(url);
    for (const uid of uidsOf(seeded.own)) expect(uids).toContain(uid);
    for (const uid of uidsOf(seeded.colleague)) expect(uids).not.toContain(uid);
    holdsNoContent(text, ...Object.values(seeded));
  });
});

describe('calendar feed row-level security', () => {
  it("shows the API's role a user's own feed row only, and a token hash's user only through the lookup function", async () => {
    const db = new pg.Client({ connectionString: withDatabase(process.env.ROLLCALL_TEST_APP_URL!, new URL(t.databaseUrl).pathname.slice(1)) });
    await db.connect();
    try {
      const rows = await t.sql('SELECT f.user_id, f.token_hash, u.organisation_id FROM calendar_feed f JOIN app_user u ON u.id = f.user_id ORDER BY f.user_id');
      expect(rows.length).toBeGreaterThanOrEqual(3);
      const as = async (row: { user_id: string; organisation_id: string } | null) => {
        await db.query('BEGIN');
        await db.query(IDENTITY_SQL, identityParams({ organisationId: row?.organisation_id ?? null, employerIds: [], userId: row?.user_id ?? null, caseBranchIds: [] }));
      };
      for (const row of rows) {
        await as(row);
        expect((await db.query('SELECT user_id FROM calendar_feed')).rows).toEqual([{ user_id: row.user_id }]);
        // another user's row can be neither changed nor deleted
        expect((await db.query('UPDATE calendar_feed SET token_hash = token_hash WHERE user_id <> $1', [row.user_id])).rowCount).toBe(0);
        expect((await db.query('DELETE FROM calendar_feed WHERE user_id <> $1', [row.user_id])).rowCount).toBe(0);
        await db.query('ROLLBACK');
      }
      await as(null);
      expect((await db.query('SELECT * FROM calendar_feed')).rows).toEqual([]);
      expect((await db.query('SELECT rollcall_calendar_feed_user($1) AS id', [rows[0].token_hash])).rows).toEqual([{ id: rows[0].user_id }]);
      expect((await db.query('SELECT rollcall_calendar_feed_user($1) AS id', ['0'.repeat(64)])).rows).toEqual([{ id: null }]);
      await db.query('ROLLBACK');
    } finally {
      await db.end();
    }
  });
});
