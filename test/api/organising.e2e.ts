import { addDays, ukToday } from '@rollcall/domain';
import { DataSource } from 'typeorm';
import { errorOf, LOGINS, startTestApp, type TestApp } from '../fixtures/app.js';

/** Organising on the ward: conversations, the assessment history, follow-ups, leaders, my patch, coverage. */
let t: TestApp;
let onPatch: { contact_id: string; ward_id: string; site_id: string };
let offPatch: { contact_id: string };
let tags: { id: string; name: string }[];

const LOG = `mutation($d: ConversationCreateInput!) { createConversation(data: $d) {
  id contactId repUserId repName channel type aeiouSteps issueTags { name } ask answer assessment nextStep followUpDate followUpState } }`;
/** A day counted from today in the UK, as the API counts (not UTC's, a day behind late on a summer evening). */
const day = (offset: number) => addDays(ukToday(), offset);

beforeAll(async () => {
  t = await startTestApp();
  const patchSql = (on: boolean) => `SELECT c.id AS contact_id, p.ward_id, w.site_id FROM contact c
    JOIN posting p ON p.contact_id = c.id AND p.end_date IS NULL JOIN ward w ON w.id = p.ward_id
    WHERE c.employer_id = $1 AND c.deleted_at IS NULL AND c.leave_date IS NULL
      AND c.organisation_id = (SELECT organisation_id FROM app_user WHERE email = $2)
      AND w.site_id ${on ? '' : 'NOT '}IN (SELECT rp.site_id FROM rep_patch rp JOIN app_user u ON u.id = rp.user_id WHERE u.email = $2)
      AND NOT EXISTS (SELECT 1 FROM conversation cv WHERE cv.contact_id = c.id)
    ORDER BY c.last_name, c.id LIMIT 1`;
  [onPatch] = await t.sql(patchSql(true), [t.demoEmployerId, LOGINS.rep]);
  [offPatch] = await t.sql(patchSql(false), [t.demoEmployerId, LOGINS.rep]);
  tags = (await t.as('rep')('{ allIssueTags(perPage: 50, filter: { active: true }) { id name } }')).data?.allIssueTags;
});
afterAll(async () => { await t?.close(); });

describe('logging a conversation', () => {
  it('a rep logs a one-to-one on their patch; its assessment goes into the history and it is audited', async () => {
    const pay = tags.find((x) => x.name === 'Pay')!;
    const res = await t.as('rep')(LOG, { d: {
      contactId: onPatch.contact_id, issueTagIds: [pay.id], aeiouSteps: ['AGITATE', 'EDUCATE', 'ORGANISE', 'AGITATE'],
      ask: 'Join the union', answer: 'YES', assessment: 2, nextStep: 'Bring a form', followUpDate: day(3),
    } });
    expect(res.errors).toBeUndefined();
    const c = res.data?.createConversation;
    expect(c).toMatchObject({
      contactId: onPatch.contact_id, repName: 'Jo Whitehead (workplace rep)', channel: 'IN_PERSON', type: 'ONE_TO_ONE',
      aeiouSteps: ['AGITATE', 'EDUCATE', 'ORGANISE'], issueTags: [{ name: 'Pay' }], answer: 'YES', assessment: 2, followUpState: 'DUE_SOON',
    });
    const contact = await t.as('rep')('query($id: ID!) { Contact(id: $id) { assessment lastConversationAt assessmentHistory { value conversationId assessedByName } } }', { id: onPatch.contact_id });
    expect(contact.data?.Contact).toMatchObject({ assessment: 2, assessmentHistory: [{ value: 2, conversationId: c.id, assessedByName: 'Jo Whitehead (workplace rep)' }] });
    expect(contact.data?.Contact.lastConversationAt).not.toBeNull();
    const [audit] = await t.sql("SELECT action, employer_id FROM audit_event WHERE entity_type = 'Conversation' AND entity_id = $1", [c.id]);
    expect(audit).toEqual({ action: 'CREATE', employer_id: t.demoEmployerId });
  });

  it('refuses bad input with a message per field, and logs nothing', async () => {
    const before = (await t.sql('SELECT count(*)::int AS n FROM conversation'))[0].n;
    const [retired] = await t.sql("UPDATE issue_tag SET active = false WHERE name = 'Parking' AND organisation_id = (SELECT organisation_id FROM app_user WHERE email = $1) RETURNING id", [LOGINS.rep]);
    const cases: [Record<string, unknown>, Record<string, string>][] = [
      [{ occurredAt: new Date(Date.now() + 86_400_000).toISOString() }, { occurredAt: 'must not be in the future' }],
      [{ occurredAt: new Date(Date.now() - 5 * 86_400_000).toISOString(), followUpDate: day(-6) }, { followUpDate: 'must be on or after the conversation' }],
      [{ issueTagIds: [retired.id] }, { issueTagIds: 'include an issue tag that does not exist or is retired' }],
      [{ assessment: 6 }, { assessment: 'assessment must be from 1 (leader) to 5 (opposed)' }],
      [{ followUpDate: '2026-02-30' }, { followUpDate: 'followUpDate must be a real calendar date' }],
      [{ contactId: offPatch.contact_id }, { contactId: 'does not exist' }],
    ];
    for (const [change, fields] of cases) {
      const res = await t.as('rep')(LOG, { d: { contactId: onPatch.contact_id, ...change } });
      expect({ change, code: errorOf(res).code, fields: errorOf(res).fields }).toEqual({ change, code: 'BAD_USER_INPUT', fields });
    }
    expect(errorOf(await t.as('caseworker')(LOG, { d: { contactId: onPatch.contact_id } })).code).toBe('FORBIDDEN');
    expect(errorOf(await t.as('coalition')('{ allConversations { id } }')).code).toBe('FORBIDDEN');
    expect((await t.sql('SELECT count(*)::int AS n FROM conversation'))[0].n).toBe(before);
    await t.sql('UPDATE issue_tag SET active = true WHERE id = $1', [retired.id]);
  });

  it('derives the current assessment from the history: every change kept, never typed twice', async () => {
    const q = 'query($id: ID!) { Contact(id: $id) { assessment assessmentHistory { value conversationId } } }';
    const first = await t.as('rep')(LOG, { d: { contactId: onPatch.contact_id, assessment: 3 } });
    expect(first.errors).toBeUndefined();
    expect((await t.as('rep')(q, { id: onPatch.contact_id })).data?.Contact.assessment).toBe(3);
    const direct = await t.as('rep')('mutation($c: ID!) { assessContact(data: { contactId: $c, value: 1 }) { value conversationId } }', { c: onPatch.contact_id });
    expect(direct.data?.assessContact).toEqual({ value: 1, conversationId: null });
    // changing a conversation's assessment adds an entry (dated at the conversation, so not the latest here)
    await t.as('rep')('mutation($id: ID!) { updateConversation(id: $id, data: { assessment: 4 }) { id } }', { id: first.data?.createConversation.id });
    let c = (await t.as('rep')(q, { id: onPatch.contact_id })).data?.Contact;
    expect(c.assessment).toBe(1);
    expect(c.assessmentHistory.map((a: { value: number }) => a.value)).toEqual([1, 4, 3, 2]);
    // deleting a conversation logged by mistake removes what it recorded
    await t.as('rep')('mutation($id: ID!) { deleteConversation(id: $id) { id } }', { id: first.data?.createConversation.id });
    c = (await t.as('rep')(q, { id: onPatch.contact_id })).data?.Contact;
    expect(c.assessmentHistory.map((a: { value: number }) => a.value)).toEqual([1, 2]);
    // the database keeps the history append-only for the API: no rewriting
    await expect(t.sql('SET ROLE rollcall_app; UPDATE assessment SET value = 5')).rejects.toMatchObject({ code: '42501' });
    await t.sql('RESET ROLE');
  });
});

describe('follow-ups', () => {
  it('lists my open follow-ups overdue first; logging the next conversation completes one', async () => {
    const [person] = await t.sql(`SELECT c.id FROM contact c JOIN posting p ON p.contact_id = c.id AND p.end_date IS NULL
      WHERE p.ward_id = $1 AND c.id <> $2 AND c.deleted_at IS NULL ORDER BY c.first_name LIMIT 1`, [onPatch.ward_id, onPatch.contact_id]);
    const overdue = await t.as('rep')(LOG, { d: { contactId: person.id, occurredAt: new Date(Date.now() - 10 * 86_400_000).toISOString(), followUpDate: day(-400 / 40) } });
    expect(overdue.errors).toBeUndefined();
    const list = await t.as('rep')('{ allFollowUps(perPage: 500) { id followUpDate followUpState daysOverdue repUserId } _allFollowUpsMeta { count } }');
    const rows = list.data?.allFollowUps as { id: string; followUpDate: string; followUpState: string; daysOverdue: number; repUserId: string }[];
    expect(rows.length).toBe(list.data?._allFollowUpsMeta.count);
    expect(rows.map((r) => r.followUpDate)).toEqual([...rows.map((r) => r.followUpDate)].sort());
    const [me] = await t.sql('SELECT id FROM app_user WHERE email = $1', [LOGINS.rep]);
    expect(rows.every((r) => r.repUserId === me.id)).toBe(true);
    const mine = rows.find((r) => r.id === overdue.data?.createConversation.id)!;
    expect(mine).toMatchObject({ followUpState: 'OVERDUE', daysOverdue: 10 });
    const firstNotOverdue = rows.findIndex((r) => r.followUpState !== 'OVERDUE');
    expect(rows.slice(0, firstNotOverdue < 0 ? rows.length : firstNotOverdue).every((r) => r.followUpState === 'OVERDUE')).toBe(true);
    const onlyOverdue = await t.as('rep')('{ _allFollowUpsMeta(filter: { state: OVERDUE }) { count } }');
    expect(onlyOverdue.data?._allFollowUpsMeta.count).toBe(rows.filter((r) => r.followUpState === 'OVERDUE').length);

    await t.as('rep')(LOG, { d: { contactId: person.id, aeiouSteps: ['UP'] } });
    const after = await t.as('rep')('{ allFollowUps(perPage: 500) { id } }');
    expect(after.data?.allFollowUps.map((r: { id: string }) => r.id)).not.toContain(mine.id);
    const done = await t.as('rep')('query($c: ID) { allFollowUps(filter: { contactId: $c, includeDone: true }) { id followUpState completedAt } }', { c: person.id });
    expect(done.data?.allFollowUps).toEqual([expect.objectContaining({ id: mine.id, followUpState: 'DONE' })]);
  });

  it("reads today in London in SQL as in code: the app's sessions have the UK time zone, so current_date is London's day", async () => {
    const before = ukToday();
    const [session] = await t.app.get(DataSource).query("SELECT current_setting('TimeZone') AS zone, current_date::text AS today");
    expect(session.zone).toBe('Europe/London');
    expect([before, ukToday()]).toContain(session.today);
  });

  it('a follow-up set for London\'s today is due today, tomorrow\'s is due soon, yesterday\'s overdue by a day', async () => {
    const [person] = await t.sql(`SELECT c.id FROM contact c JOIN posting p ON p.contact_id = c.id AND p.end_date IS NULL
      WHERE p.ward_id = $1 AND c.id <> $2 AND c.deleted_at IS NULL
        AND NOT EXISTS (SELECT 1 FROM conversation cv WHERE cv.contact_id = c.id) ORDER BY c.first_name DESC LIMIT 1`, [onPatch.ward_id, onPatch.contact_id]);
    const states: [number, string, number][] = [[-1, 'OVERDUE', 1], [0, 'DUE_TODAY', 0], [1, 'DUE_SOON', 0]];
    for (const [offset, state, overdue] of states) {
      const res = await t.as('rep')(`mutation($d: ConversationCreateInput!) { createConversation(data: $d) { followUpDate followUpState daysOverdue } }`, {
        d: { contactId: person.id, occurredAt: new Date(Date.now() - 3 * 86_400_000).toISOString(), followUpDate: day(offset) },
      });
      expect(res.errors).toBeUndefined();
      expect(res.data?.createConversation).toEqual({ followUpDate: day(offset), followUpState: state, daysOverdue: overdue });
    }
  });

  it('filters conversations by the day they happened on in London: 23:30 UTC on 30 June is 1 July', async () => {
    const logged = await t.as('rep')(LOG, { d: { contactId: onPatch.contact_id, occurredAt: '2026-06-30T23:30:00.000Z' } });
    expect(logged.errors).toBeUndefined();
    const ids = async (from: string, to: string) => (await t.as('rep')(
      'query($f: ConversationFilter) { allConversations(perPage: 50, filter: $f) { id } }',
      { f: { contactId: onPatch.contact_id, from, to } },
    )).data?.allConversations.map((c: { id: string }) => c.id);
    expect(await ids('2026-07-01', '2026-07-01')).toEqual([logged.data?.createConversation.id]);
    expect(await ids('2026-06-30', '2026-06-30')).toEqual([]);
  });

  it("lists the reps whose follow-ups one may look at: the branch's reps for a secretary, oneself for a rep", async () => {
    const names = async (who: 'secretary' | 'rep' | 'secretary2' | 'caseworker') =>
      (await t.as(who)('{ allReps { displayName } _allRepsMeta { count } }')).data?.allReps.map((r: { displayName: string }) => r.displayName);
    expect(await names('secretary')).toEqual(expect.arrayContaining(['Jo Whitehead (workplace rep)', 'Sam Okafor (branch secretary)']));
    expect(await names('rep')).toEqual(['Jo Whitehead (workplace rep)']);
    expect(await names('secretary2')).not.toContain('Jo Whitehead (workplace rep)');
    expect(await names('caseworker')).toContain('Jo Whitehead (workplace rep)');
    expect(errorOf(await t.as('coalition')('{ allReps { id } }')).code).toBe('FORBIDDEN');
  });

  it("shows a secretary a rep's follow-ups only within the secretary's branch", async () => {
    const [rep] = await t.sql('SELECT id FROM app_user WHERE email = $1', [LOGINS.rep]);
    const sec = await t.as('secretary')('query($r: ID) { _allFollowUpsMeta(filter: { repUserId: $r }) { count } }', { r: rep.id });
    const own = await t.as('rep')('{ _allFollowUpsMeta { count } }');
    expect(sec.data?._allFollowUpsMeta.count).toBe(own.data?._allFollowUpsMeta.count);
    const other = await t.as('secretary2')('query($r: ID) { _allFollowUpsMeta(filter: { repUserId: $r }) { count } }', { r: rep.id });
    expect(other.data?._allFollowUpsMeta.count).toBe(0);
  });
});

describe('leaders and who follows whom', () => {
  it('marks a leader with a reason, links followers both ways, and refuses people out of reach', async () => {
    const SET = 'mutation($d: LeaderInput!) { setLeader(data: $d) { leader leaderReason leaderMarkedAt } }';
    expect(errorOf(await t.as('rep')(SET, { d: { contactId: onPatch.contact_id, leader: true } })).fields).toEqual({ reason: 'say why they are a leader (who follows them, what they did)' });
    const set = await t.as('rep')(SET, { d: { contactId: onPatch.contact_id, leader: true, reason: 'Everyone on nights asks her first' } });
    expect(set.data?.setLeader).toMatchObject({ leader: true, leaderReason: 'Everyone on nights asks her first' });
    const [follower] = await t.sql(`SELECT c.id FROM contact c JOIN posting p ON p.contact_id = c.id AND p.end_date IS NULL
      WHERE p.ward_id = $1 AND c.id <> $2 AND c.deleted_at IS NULL ORDER BY c.last_name DESC LIMIT 1`, [onPatch.ward_id, onPatch.contact_id]);
    const LINK = 'mutation($l: ID!, $f: ID!) { linkContacts(data: { leaderId: $l, followerId: $f }) { id } }';
    expect((await t.as('rep')(LINK, { l: onPatch.contact_id, f: follower.id })).errors).toBeUndefined();
    expect((await t.as('rep')(LINK, { l: onPatch.contact_id, f: follower.id })).errors).toBeUndefined(); // idempotent
    const q = 'query($id: ID!) { Contact(id: $id) { followers { id } leaders { id } } }';
    expect((await t.as('rep')(q, { id: onPatch.contact_id })).data?.Contact.followers).toEqual([{ id: follower.id }]);
    expect((await t.as('rep')(q, { id: follower.id })).data?.Contact.leaders).toEqual([{ id: onPatch.contact_id }]);
    expect(errorOf(await t.as('rep')(LINK, { l: onPatch.contact_id, f: onPatch.contact_id })).fields).toEqual({ followerId: 'must be someone other than the leader' });
    expect(errorOf(await t.as('rep')(LINK, { l: onPatch.contact_id, f: offPatch.contact_id })).fields).toEqual({ followerId: 'does not exist' });
    const timeline = await t.as('rep')('query($id: ID!) { Contact(id: $id) { timeline { kind at title actorName } } }', { id: onPatch.contact_id });
    const kinds = timeline.data?.Contact.timeline.map((e: { kind: string }) => e.kind);
    expect(kinds).toEqual(expect.arrayContaining(['LEADER_MARKED', 'CONVERSATION', 'ASSESSMENT']));
    expect(timeline.data?.Contact.timeline.find((e: { kind: string; title: string }) => e.kind === 'CONVERSATION')).toBeDefined();
    const ats = timeline.data?.Contact.timeline.map((e: { at: string }) => e.at);
    expect(ats).toEqual([...ats].sort().reverse());
    const unlink = await t.as('rep')('mutation($l: ID!, $f: ID!) { unlinkContacts(data: { leaderId: $l, followerId: $f }) }', { l: onPatch.contact_id, f: follower.id });
    expect(unlink.data?.unlinkContacts).toBe(true);
  });
});

describe('my patch and rep coverage', () => {
  it("gives a rep their patch's wards with numbers that match the people they can see", async () => {
    const res = await t.as('rep')('{ myPatch { id headcount members assessed spokenTo neverSpokenTo leaders ward { siteId } } }');
    expect(res.errors).toBeUndefined();
    const wards = res.data?.myPatch as { id: string; headcount: number; spokenTo: number; neverSpokenTo: number; ward: { siteId: string } }[];
    expect(wards.length).toBeGreaterThan(0);
    expect(new Set(wards.map((w) => w.ward.siteId))).toEqual(new Set([onPatch.site_id]));
    for (const w of wards.slice(0, 4)) {
      const people = await t.as('rep')('query($w: ID) { _allContactsMeta(filter: { wardId: $w, isCurrent: true }) { count } never: _allContactsMeta(filter: { wardId: $w, isCurrent: true, spokenTo: false }) { count } }', { w: w.id });
      expect(w.headcount).toBe(people.data?._allContactsMeta.count);
      expect(w.neverSpokenTo).toBe(people.data?.never.count);
      expect(w.spokenTo + w.neverSpokenTo).toBe(w.headcount);
    }
    const sec = await t.as('secretary')('{ myPatch { id } }');
    expect(sec.data?.myPatch.length).toBeGreaterThan(wards.length);
  });

  it("counts the caller's open follow-ups only with people they can see, as the follow-ups list does", async () => {
    const rep = t.as('rep');
    const open = async () => ((await rep('{ myPatch { id openFollowUps } }')).data?.myPatch as { id: string; openFollowUps: number }[])
      .find((w) => w.id === onPatch.ward_id)?.openFollowUps;
    const before = await open();
    expect(before).toBeDefined();
    const person = { firstName: 'Follow', lastName: 'Upper', staffGroup: 'ESTATES_ANCILLARY', shiftPattern: 'DAYS', contractType: 'SUBSTANTIVE',
      employerId: t.demoEmployerId, wardId: onPatch.ward_id };
    const created = await rep('mutation($d: ContactCreateInput!) { createContact(data: $d) { id } }', { d: person });
    const id = created.data?.createContact.id;
    expect((await rep(LOG, { d: { contactId: id, followUpDate: day(2) } })).errors).toBeUndefined();
    expect(await open()).toBe(before! + 1);
    expect((await rep('mutation($id: ID!) { deleteContact(id: $id) { id } }', { id })).errors).toBeUndefined();
    // Their posting stays (the contact is only soft-deleted), and so would their follow-up without the door.
    expect(await open()).toBe(before);
  });

  it('shows rep coverage per ward with reps the caller may see, worst first', async () => {
    const res = await t.as('secretary')('{ repCoverage { headcount repCount staffPerRep status shiftsWithoutRep reps { id } ward { site { employerId } } } }');
    expect(res.errors).toBeUndefined();
    const rows = res.data?.repCoverage as { headcount: number; repCount: number; staffPerRep: number | null; status: string; shiftsWithoutRep: string[]; reps: { id: string }[]; ward: { site: { employerId: string } } }[];
    const order = ['NO_REP', 'FAILING', 'BELOW_TARGET', 'ON_TARGET', 'NO_STAFF'];
    expect(rows.map((r) => order.indexOf(r.status))).toEqual([...rows.map((r) => order.indexOf(r.status))].sort((a, b) => a - b));
    for (const r of rows) {
      expect(r.ward.site.employerId).toBe(t.demoEmployerId);
      expect(r.reps.length).toBe(r.repCount);
      if (r.repCount === 0) expect(r.status).toBe('NO_REP');
      else expect(r.status).toBe(r.staffPerRep! > 50 ? 'FAILING' : r.staffPerRep! > 20 ? 'BELOW_TARGET' : 'ON_TARGET');
    }
    expect(rows.some((r) => r.status === 'NO_REP' && r.shiftsWithoutRep.length > 0)).toBe(true);
    expect(errorOf(await t.as('coalition')('{ repCoverage { id } }')).code).toBe('FORBIDDEN');
  });

  it('filters and sorts people by what organising knows about them', async () => {
    const never = await t.as('rep')('{ allContacts(perPage: 500, filter: { spokenTo: false }) { id lastConversationAt } }');
    expect(never.data?.allContacts.every((c: { lastConversationAt: string | null }) => c.lastConversationAt === null)).toBe(true);
    const sorted = await t.as('rep')('{ allContacts(perPage: 50, sortField: "assessment", filter: { assessed: true }) { assessment } }');
    const values = sorted.data?.allContacts.map((c: { assessment: number }) => c.assessment);
    expect(values.length).toBeGreaterThan(0);
    expect(values).toEqual([...values].sort());
    const leaders = await t.as('rep')('{ allContacts(perPage: 50, filter: { leader: true }) { leader } }');
    expect(leaders.data?.allContacts.every((c: { leader: boolean }) => c.leader)).toBe(true);
  });
});

describe('issue tags', () => {
  it('gives each organisation its own list, which only admins change', async () => {
    const names = tags.map((x) => x.name);
    expect(names).toEqual(expect.arrayContaining(['Pay', 'Staffing', 'Safety', 'Rota', 'Bullying', 'Breaks', 'Parking']));
    const bma = await t.as('bmaSecretary')('{ allIssueTags(perPage: 100) { id } }');
    const ids = new Set(tags.map((x) => x.id));
    expect(bma.data?.allIssueTags.filter((x: { id: string }) => ids.has(x.id))).toEqual([]);
    const created = await t.as('admin')('mutation { createIssueTag(data: { name: "Car parking charges" }) { id name active } }');
    expect(created.errors).toBeUndefined();
    expect(created.data?.createIssueTag).toMatchObject({ name: 'Car parking charges', active: true });
    expect(errorOf(await t.as('admin')('mutation { createIssueTag(data: { name: "Pay" }) { id } }')).fields).toEqual({ name: 'is already an issue tag' });
    expect(errorOf(await t.as('secretary')('mutation { createIssueTag(data: { name: "Secretary tag" }) { id } }')).code).toBe('FORBIDDEN');
    const pay = tags.find((x) => x.name === 'Pay')!;
    expect(errorOf(await t.as('admin')('mutation($id: ID!) { deleteIssueTag(id: $id) { id } }', { id: pay.id })).fields?.id).toMatch(/retire it instead/);
    const retired = await t.as('admin')('mutation($id: ID!) { updateIssueTag(id: $id, data: { active: false }) { active } }', { id: created.data?.createIssueTag.id });
    expect(retired.data?.updateIssueTag.active).toBe(false);
    expect(errorOf(await t.as('bmaSecretary')('query($id: ID!) { IssueTag(id: $id) { id } }', { id: pay.id })).code).toBe('NOT_FOUND');
  });
});

describe('no N+1', () => {
  it('lists people with assessment, last conversation, timeline, leaders and followers in a constant number of statements', async () => {
    // Leaders all have followers, so every nested loader has work at either size.
    const Q = `query($n: Int) { allContacts(perPage: $n, filter: { leader: true }) { id assessment lastConversationAt leader
      timeline(limit: 5) { kind at } assessmentHistory { value } followers { id } leaders { id } } }`;
    const total = (await t.as('secretary')('{ _allContactsMeta(filter: { leader: true }) { count } }')).data?._allContactsMeta.count;
    expect(total).toBeGreaterThanOrEqual(3);
    const statements = async (n: number) => {
      await t.as('secretary')(Q, { n }); // warm: login and caches
      const seen: string[] = [];
      const stop = t.counter.record((sql) => seen.push(sql.replace(/\s+/g, ' ').slice(0, 90)));
      const res = await t.as('secretary')(Q, { n });
      stop();
      expect(res.errors).toBeUndefined();
      expect(res.data?.allContacts).toHaveLength(n);
      return seen;
    };
    const few = await statements(1);
    const many = await statements(total);
    expect(many).toEqual(few);
  });
});
