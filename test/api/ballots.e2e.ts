import { jest } from '@jest/globals';
import { addDays, ukToday } from '@rollcall/domain';
import { BallotReadinessService } from '../../apps/api/src/ballots/ballot-readiness.service.js';
import { errorOf, startTestApp, type TestApp } from '../fixtures/app.js';

/**
 * Ballot readiness end to end on the demo data: who is entitled at the cut-off (checked against a
 * plain SQL count), chase states and the projection they move (a hand-worked example), the official
 * result judged by the rule set for the opening date, and who may see and change what.
 */
let t: TestApp;
let unionId: string;
let branchId: string;
/** A ward of the demo trust with at least ten people posted on it, on the rep's patch. */
let ward: { id: string; site_id: string };
let people: string[];
const today = ukToday();
const cutOff = addDays(today, -30);

const BALLOT = `id name ruleSet { id minTurnoutPercent importantPublicServiceYesPercent mandateMonths } importantPublicServiceApplies
  eligibleGroup { wardIds description } evaluation { valid failures reasons turnout mandateExpires requiredVotes requiredYes }`;
const CREATE = `mutation($d: BallotCreateInput!) { createBallot(data: $d) { ${BALLOT} } }`;
const REPORT = `query($id: ID!) { Ballot(id: $id) { report { scope readiness { entitled joinedAfterCutOff noPostalAddress addressNotConfirmed noCurrentWorkplace ready }
  overall { entitled voted pledged pledgedYes projectedVotes requiredVotes votesNeeded shortfallAfterPledges onTrack margin }
  byWard { wardId entitled voted margin } byPatch { repUserId entitled } turnoutByDay { date voted cumulative } } } }`;
const MEMBERS = `query($f: BallotMemberFilter) { allBallotMembers(perPage: 500, filter: $f) { id entitled joinDate problems state wardId }
  _allBallotMembersMeta(filter: $f) { count } }`;
const SET = 'mutation($b: ID!, $c: ID!, $s: BallotMemberState!) { setBallotMemberState(ballotId: $b, contactId: $c, state: $s) { state changedById } }';

/** The entitled at the cut-off, counted in plain SQL: members of the union then, posted on the ward then, at the branch's employers. */
const entitledSql = (wardId: string, cut: string) => t.sql<{ id: string }>(`
  SELECT c.id FROM contact c
  WHERE c.deleted_at IS NULL AND c.employer_id IN (SELECT employer_id FROM branch_employer WHERE branch_id = $4)
    AND EXISTS (SELECT 1 FROM posting p WHERE p.contact_id = c.id AND p.ward_id = $1 AND p.start_date <= $2 AND (p.end_date IS NULL OR p.end_date > $2))
    AND EXISTS (SELECT 1 FROM membership m WHERE m.contact_id = c.id AND m.union_id = $3 AND m.join_date <= $2
      AND (m.leave_date IS NULL OR m.leave_date > $2) AND (m.status = 'MEMBER' OR (m.status = 'LAPSED' AND m.leave_date IS NOT NULL)))
  ORDER BY c.id`, [wardId, cut, unionId, branchId]);

beforeAll(async () => {
  t = await startTestApp();
  [{ id: branchId }] = await t.sql(`SELECT r.branch_id AS id FROM user_branch_role r JOIN app_user u ON u.id = r.user_id
    WHERE u.email = 'secretary@unison.example' LIMIT 1`);
  [{ id: unionId }] = await t.sql(`SELECT tu.id FROM trade_union tu JOIN branch b ON b.organisation_id = tu.organisation_id
    WHERE b.id = $1 AND tu.short_name ILIKE 'unison'`, [branchId]);
  [ward] = await t.sql(`SELECT w.id, w.site_id FROM ward w JOIN site s ON s.id = w.site_id
    WHERE s.employer_id = $1 AND w.site_id IN (SELECT rp.site_id FROM rep_patch rp JOIN app_user u ON u.id = rp.user_id WHERE u.email = 'rep@unison.example')
      AND (SELECT count(*) FROM posting p WHERE p.ward_id = w.id AND p.end_date IS NULL) >= 12
    ORDER BY w.name LIMIT 1`, [t.demoEmployerId]);
  // Twelve people on the ward, posted there since long before the cut-off, their memberships of the union made plain:
  // ten members since 2020, one who joined the day after the cut-off, one who left the day before it.
  people = (await t.sql<{ contact_id: string }>(`SELECT contact_id FROM posting WHERE ward_id = $1 AND end_date IS NULL ORDER BY contact_id LIMIT 12`, [ward.id]))
    .map((r) => r.contact_id);
  const others = await t.sql<{ contact_id: string }>('SELECT contact_id FROM posting WHERE ward_id = $1 AND end_date IS NULL AND NOT (contact_id = ANY($2))', [ward.id, people]);
  await t.sql("UPDATE posting SET start_date = '2024-01-01' WHERE ward_id = $1 AND end_date IS NULL AND contact_id = ANY($2)", [ward.id, people]);
  await t.sql('DELETE FROM membership WHERE union_id = $1 AND contact_id = ANY($2)', [unionId, [...people, ...others.map((o) => o.contact_id)]]);
  const add = (c: string, status: string, join: string, leave: string | null) => t.sql(`INSERT INTO membership (organisation_id, contact_id, union_id, status, join_date, leave_date, source)
    SELECT organisation_id, id, $2, $3, $4, $5, 'VERIFIED_LIST' FROM contact WHERE id = $1`, [c, unionId, status, join, leave]);
  for (const c of people.slice(0, 10)) await add(c, 'MEMBER', '2020-01-01', null);
  await add(people[10], 'MEMBER', addDays(cutOff, 1), null);
  await add(people[11], 'LAPSED', '2020-01-01', cutOff);
  // addresses: eight confirmed last month, one confirmed two years ago, one with none
  await t.sql(`UPDATE contact SET postal_address_lines = '1 High Street', postal_town = 'Riverside', postal_postcode = 'NR1 3SR', address_confirmed_on = $2
    WHERE id = ANY($1)`, [people.slice(0, 9), addDays(today, -30)]);
  await t.sql("UPDATE contact SET address_confirmed_on = '2020-01-01' WHERE id = $1", [people[8]]);
  await t.sql('UPDATE contact SET postal_address_lines = NULL, postal_postcode = NULL, address_confirmed_on = NULL WHERE id = $1', [people[9]]);
});
afterAll(async () => { await t?.close(); });

async function newBallot(over: Record<string, unknown> = {}): Promise<string> {
  const res = await t.as('secretary')(CREATE, { d: {
    name: 'Pay ballot', branchId, unionId, questions: ['STRIKE'], eligibleGroup: { wardIds: [ward.id] },
    cutOffDate: cutOff, openingDate: addDays(today, -7), closingDate: addDays(today, 14), ...over,
  } });
  expect(res.errors).toBeUndefined();
  return res.data?.createBallot.id;
}

describe('who is entitled', () => {
  it('is the members of the union at the cut-off in the group, as plain SQL counts them', async () => {
    const id = await newBallot();
    const sec = t.as('secretary');
    const entitled = await sec(MEMBERS, { f: { ballotId: id } });
    const expected = (await entitledSql(ward.id, cutOff)).map((r) => r.id);
    expect(expected).toEqual([...people.slice(0, 10)].sort());
    expect(entitled.data?.allBallotMembers.map((m: { id: string }) => m.id).sort()).toEqual(expected);
    expect(entitled.data?._allBallotMembersMeta.count).toBe(10);
    // joined the day after: listed as not entitled, with the join date; left before: not listed
    const late = await sec(MEMBERS, { f: { ballotId: id, notEntitled: true } });
    expect(late.data?.allBallotMembers).toEqual([expect.objectContaining({ id: people[10], entitled: false, joinDate: addDays(cutOff, 1) })]);
    expect(JSON.stringify(entitled.data)).not.toContain(people[11]);
  });

  it('lists readiness problems: an address missing or not confirmed in six months', async () => {
    const id = await newBallot();
    const sec = t.as('secretary');
    const missing = await sec(MEMBERS, { f: { ballotId: id, problem: 'NO_POSTAL_ADDRESS' } });
    expect(missing.data?.allBallotMembers.map((m: { id: string }) => m.id)).toEqual([people[9]]);
    const stale = await sec(MEMBERS, { f: { ballotId: id, problem: 'ADDRESS_NOT_CONFIRMED' } });
    expect(stale.data?.allBallotMembers.map((m: { id: string }) => m.id)).toEqual([people[8]]);
    const report = await sec(REPORT, { id });
    expect(report.data?.Ballot.report.readiness).toEqual({ entitled: 10, joinedAfterCutOff: 1, noPostalAddress: 1, addressNotConfirmed: 1, noCurrentWorkplace: 0, ready: 8 });
  });

  it('moves with the cut-off: a day later, the late joiner is entitled', async () => {
    const id = await newBallot({ cutOffDate: addDays(cutOff, 1) });
    const res = await t.as('secretary')(MEMBERS, { f: { ballotId: id } });
    const expected = (await entitledSql(ward.id, addDays(cutOff, 1))).map((r) => r.id);
    expect(expected).toContain(people[10]);
    expect(res.data?.allBallotMembers.map((m: { id: string }) => m.id).sort()).toEqual(expected);
  });
});

describe('chase states and the projection', () => {
  it('projects turnout from the states against the 50 % rule, with the margin in people (hand-worked)', async () => {
    const id = await newBallot();
    const sec = t.as('secretary');
    // 10 entitled: 5 votes needed. One voted (pledged yes first), two pledged yes, one pledged no: 4 projected, 1 short.
    for (const [c, s] of [[people[0], 'PLEDGED_YES'], [people[0], 'VOTED'], [people[1], 'PLEDGED_YES'], [people[2], 'PLEDGED_YES'], [people[3], 'PLEDGED_NO']]) {
      const r = await sec(SET, { b: id, c, s });
      expect(r.errors).toBeUndefined();
    }
    let overall = (await sec(REPORT, { id })).data?.Ballot.report.overall;
    expect(overall).toEqual({ entitled: 10, voted: 1, pledged: 3, pledgedYes: 2, projectedVotes: 4, requiredVotes: 5, votesNeeded: 4,
      shortfallAfterPledges: 1, onTrack: false, margin: '1 more voter needed' });
    // one more pledge: on track with nothing to spare
    await sec(SET, { b: id, c: people[4], s: 'PLEDGED_YES' });
    overall = (await sec(REPORT, { id })).data?.Ballot.report.overall;
    expect(overall).toMatchObject({ projectedVotes: 5, shortfallAfterPledges: 0, onTrack: true, margin: 'On track: 0 votes to spare' });
    const report = (await sec(REPORT, { id })).data?.Ballot.report;
    expect(report.byWard).toEqual([expect.objectContaining({ wardId: ward.id, entitled: 10, voted: 1 })]);
    expect(report.turnoutByDay).toEqual([{ date: today, voted: 1, cumulative: 1 }]);
    // the history keeps every change, with who made it
    const [{ id: secId }] = await t.sql("SELECT id FROM app_user WHERE email = 'secretary@unison.example'");
    const h = await sec('query($b: ID!, $c: ID!) { ballotMemberHistory(ballotId: $b, contactId: $c) { state changedById } }', { b: id, c: people[0] });
    expect(h.data?.ballotMemberHistory).toEqual([{ state: 'VOTED', changedById: secId }, { state: 'PLEDGED_YES', changedById: secId }]);
    // who to talk to next: not voted, pledged yes first
    const next = await sec(MEMBERS, { f: { ballotId: id, next: true } });
    const list = next.data?.allBallotMembers as { id: string; state: string }[];
    expect(list).toHaveLength(9);
    expect(list.slice(0, 3).map((m) => m.state)).toEqual(['PLEDGED_YES', 'PLEDGED_YES', 'PLEDGED_YES']);
    expect(list.at(-1)?.state).toBe('PLEDGED_NO');
  });

  it('works the members out once for a page and its count asked together (the chase list)', async () => {
    const id = await newBallot();
    const list = jest.spyOn(t.app.get(BallotReadinessService), 'list');
    try {
      const res = await t.as('secretary')(MEMBERS, { f: { ballotId: id } });
      expect(res.data?._allBallotMembersMeta.count).toBe(10);
      expect(list).toHaveBeenCalledTimes(1);
    } finally {
      list.mockRestore();
    }
  });

  it('refuses a state for someone not entitled, and bad input, changing nothing', async () => {
    const id = await newBallot();
    const sec = t.as('secretary');
    expect(errorOf(await sec(SET, { b: id, c: people[10], s: 'VOTED' })).code).toBe('NOT_FOUND');
    expect((await sec(SET, { b: id, c: people[0], s: 'MAYBE' })).errors).toBeDefined();
    expect((await t.sql('SELECT count(*)::int AS n FROM ballot_member_state WHERE ballot_id = $1', [id]))[0].n).toBe(0);
  });
});

describe("a contact's live ballots (the quick log)", () => {
  const OF = 'query($c: ID!) { contactBallots(contactId: $c) { ballot { id name closingDate } state stateChangedAt } }';
  const mine = async (c: string, ballotIds: string[], who: 'secretary' | 'rep' = 'secretary') => {
    const res = await t.as(who)(OF, { c });
    expect(res.errors).toBeUndefined();
    return (res.data?.contactBallots as { ballot: { id: string }; state: string; stateChangedAt: string | null }[]).filter((b) => ballotIds.includes(b.ballot.id));
  };

  it('lists the open and upcoming ballots they are entitled to, with their state, and not the closed ones', async () => {
    const open = await newBallot();
    const upcoming = await newBallot({ cutOffDate: addDays(today, 1), openingDate: addDays(today, 7), closingDate: addDays(today, 30) });
    const closed = await newBallot({ openingDate: addDays(today, -20), closingDate: addDays(today, -1) });
    const counted = await newBallot();
    await t.as('secretary')('mutation($id: ID!) { setBallotResult(id: $id, data: { entitled: 10, votesCast: 6, yes: 5, no: 1 }) { id } }', { id: counted });
    const ids = [open, upcoming, closed, counted];
    expect((await mine(people[0], ids)).map((b) => [b.ballot.id, b.state, b.stateChangedAt])).toEqual([
      [open, 'NOT_CONTACTED', null], [upcoming, 'NOT_CONTACTED', null],
    ]);
    // a change (through the chase list's mutation) shows at once
    expect((await t.as('secretary')(SET, { b: open, c: people[0], s: 'PLEDGED_YES' })).errors).toBeUndefined();
    const [now] = await mine(people[0], [open]);
    expect(now).toMatchObject({ state: 'PLEDGED_YES', stateChangedAt: expect.any(String) });
    // joined the day after the cut-off, left before it: entitled in none of them
    expect(await mine(people[10], [open])).toEqual([]);
    expect(await mine(people[11], [open])).toEqual([]);
  });

  it('is refused to coalition viewers, and answers nothing about someone the caller may not see', async () => {
    const id = await newBallot({ eligibleGroup: null });
    expect(errorOf(await t.as('coalition')('query($c: ID!) { contactBallots(contactId: $c) { state } }', { c: people[0] })).code).toBe('FORBIDDEN');
    const [off] = await t.sql<{ id: string }>(`SELECT c.id FROM contact c WHERE c.employer_id = $1 AND c.deleted_at IS NULL
      AND EXISTS (SELECT 1 FROM membership m WHERE m.contact_id = c.id AND m.union_id = $2 AND m.status = 'MEMBER' AND m.join_date < $3)
      AND NOT EXISTS (SELECT 1 FROM posting p JOIN ward w ON w.id = p.ward_id WHERE p.contact_id = c.id AND p.end_date IS NULL
        AND w.site_id IN (SELECT rp.site_id FROM rep_patch rp JOIN app_user u ON u.id = rp.user_id WHERE u.email = 'rep@unison.example'))
      AND EXISTS (SELECT 1 FROM posting p WHERE p.contact_id = c.id AND p.end_date IS NULL) ORDER BY c.id LIMIT 1`, [t.demoEmployerId, unionId, cutOff]);
    expect(await mine(off.id, [id])).toHaveLength(1);
    expect(await mine(off.id, [id], 'rep')).toEqual([]);
    expect((await t.as('secretary2')('query($c: ID!) { contactBallots(contactId: $c) { ballot { id } } }', { c: off.id })).data?.contactBallots).toEqual([]);
  });
});

describe('the official result', () => {
  const RESULT = `mutation($id: ID!, $d: BallotResultInput!) { setBallotResult(id: $id, data: $d) { ${BALLOT} } }`;
  // 85.6 % yes on 41.6 % turnout
  const failed = { entitled: 1000, votesCast: 416, yes: 356, no: 60 };

  it('fails 85.6 % yes on 41.6 % turnout under the 2016 rules', async () => {
    const id = await newBallot({ cutOffDate: '2025-09-01', openingDate: '2025-10-01', closingDate: '2025-10-29' });
    const res = await t.as('secretary')(RESULT, { id, d: failed });
    expect(res.errors).toBeUndefined();
    const b = res.data?.setBallotResult;
    expect(b.ruleSet).toEqual({ id: 'TUA2016', minTurnoutPercent: 50, importantPublicServiceYesPercent: 40, mandateMonths: 6 });
    expect(b.evaluation).toMatchObject({ valid: false, failures: ['TURNOUT'], requiredVotes: 500, mandateExpires: null });
    expect(b.evaluation.reasons[0]).toContain('41.6%');
  });

  it('judges the same ballot opened after 18 Feb 2026 by the newer rule set: still 50 % turnout, no 40 % rule', async () => {
    const id = await newBallot({ cutOffDate: '2026-02-20', openingDate: '2026-03-02', closingDate: '2026-03-30', importantPublicService: true });
    const sec = t.as('secretary');
    let b = (await sec(RESULT, { id, d: failed })).data?.setBallotResult;
    expect(b.ruleSet).toEqual({ id: 'ERA2025', minTurnoutPercent: 50, importantPublicServiceYesPercent: null, mandateMonths: 12 });
    expect(b.importantPublicServiceApplies).toBe(false);
    expect(b.evaluation).toMatchObject({ valid: false, failures: ['TURNOUT'] });
    // 52 % turnout with 38 % of all entitled voting yes: valid now, with a 12-month mandate
    b = (await sec(RESULT, { id, d: { entitled: 1000, votesCast: 520, yes: 380, no: 140 } })).data?.setBallotResult;
    expect(b.evaluation).toMatchObject({ valid: true, failures: [], requiredYes: null, mandateExpires: '2027-03-29' });
    // under the 2016 rules in important public services the same numbers fail the 40 % rule
    const old = await newBallot({ cutOffDate: '2025-09-01', openingDate: '2025-10-01', closingDate: '2025-10-29', importantPublicService: true });
    b = (await sec(RESULT, { id: old, d: { entitled: 1000, votesCast: 520, yes: 380, no: 140 } })).data?.setBallotResult;
    expect(b.evaluation).toMatchObject({ valid: false, failures: ['IMPORTANT_PUBLIC_SERVICE_YES'], requiredYes: 400 });
  });

  it('re-judges the same ballot when its opening date moves from 17 to 18 Feb 2026 (the day the newer rule set starts)', async () => {
    const id = await newBallot({ cutOffDate: '2026-02-02', openingDate: '2026-02-17', closingDate: '2026-03-10', importantPublicService: true });
    const sec = t.as('secretary');
    let b = (await sec(RESULT, { id, d: failed })).data?.setBallotResult;
    // 2016 rules, important public services: 41.6 % turnout fails, and so does 35.6 % of all entitled voting yes
    expect(b.ruleSet.id).toBe('TUA2016');
    expect(b.evaluation).toMatchObject({ valid: false, failures: ['TURNOUT', 'IMPORTANT_PUBLIC_SERVICE_YES'], requiredVotes: 500, requiredYes: 400 });
    const UPDATE = `mutation($id: ID!, $d: BallotUpdateInput!) { updateBallot(id: $id, data: $d) { ${BALLOT} } }`;
    b = (await sec(UPDATE, { id, d: { openingDate: '2026-02-18' } })).data?.updateBallot;
    expect(b.ruleSet).toEqual({ id: 'ERA2025', minTurnoutPercent: 50, importantPublicServiceYesPercent: null, mandateMonths: 12 });
    expect(b.importantPublicServiceApplies).toBe(false);
    expect(b.evaluation).toMatchObject({ valid: false, failures: ['TURNOUT'], requiredVotes: 500, requiredYes: null });
  });

  it('refuses a result that does not add up, and dates out of order, with field errors', async () => {
    const id = await newBallot();
    const sec = t.as('secretary');
    expect(errorOf(await sec(RESULT, { id, d: { entitled: 10, votesCast: 11, yes: 5, no: 5 } })).fields).toEqual({ votesCast: 'must not exceed those entitled' });
    expect(errorOf(await sec(RESULT, { id, d: { entitled: 10, votesCast: 8, yes: 5, no: 5 } })).fields).toEqual({ yes: 'yes and no together must not exceed the votes cast' });
    const bad = await sec(CREATE, { d: { name: 'X', branchId, unionId, questions: ['STRIKE'], cutOffDate: '2026-05-02', openingDate: '2026-05-01', closingDate: '2026-05-20' } });
    expect(errorOf(bad).fields).toEqual({ cutOffDate: 'must be on or before the opening date' });
    const early = await sec(CREATE, { d: { name: 'X', branchId, unionId, questions: ['STRIKE'], cutOffDate: '2016-01-01', openingDate: '2016-02-01', closingDate: '2016-03-01' } });
    expect(errorOf(early).fields).toEqual({ openingDate: 'ballots opened before 1 March 2017 are not covered by the rule sets' });
    const none = await sec(CREATE, { d: { name: 'X', branchId, unionId, questions: [], cutOffDate: '2026-05-01', openingDate: '2026-05-01', closingDate: '2026-05-20' } });
    expect(errorOf(none).code).toBe('BAD_USER_INPUT');
  });
});

describe('who may see and change a ballot', () => {
  it('shows a rep only their patch, and refuses their changes to the ballot', async () => {
    const id = await newBallot({ eligibleGroup: null });
    const rep = t.as('rep');
    const mine = await rep(MEMBERS, { f: { ballotId: id } });
    expect(mine.errors).toBeUndefined();
    const sites = await t.sql<{ id: string }>(`SELECT p.contact_id AS id FROM posting p JOIN ward w ON w.id = p.ward_id WHERE p.end_date IS NULL
      AND w.site_id IN (SELECT rp.site_id FROM rep_patch rp JOIN app_user u ON u.id = rp.user_id WHERE u.email = 'rep@unison.example')`);
    const onPatch = new Set(sites.map((s) => s.id));
    const listed = mine.data?.allBallotMembers as { id: string }[];
    expect(listed.length).toBeGreaterThan(0);
    for (const m of listed) expect(onPatch.has(m.id)).toBe(true);
    const all = await t.as('secretary')(MEMBERS, { f: { ballotId: id } });
    expect(all.data?._allBallotMembersMeta.count).toBeGreaterThan(mine.data?._allBallotMembersMeta.count);
    const offPatch = (all.data?.allBallotMembers as { id: string }[]).find((m) => !onPatch.has(m.id))!;
    expect(errorOf(await rep(SET, { b: id, c: offPatch.id, s: 'VOTED' })).code).toBe('NOT_FOUND');
    expect((await rep(SET, { b: id, c: listed[0].id, s: 'PLEDGED_YES' })).errors).toBeUndefined();
    expect(errorOf(await rep('mutation($id: ID!) { deleteBallot(id: $id) { id } }', { id })).code).toBe('FORBIDDEN');
    expect((await rep(REPORT, { id })).data?.Ballot.report.scope).toBe('Your patch');
  });

  it('shows coalition viewers no ballot and no person, and another branch nothing', async () => {
    const id = await newBallot();
    const co = t.as('coalition');
    for (const q of [MEMBERS, REPORT]) expect(errorOf(await co(q, { id, f: { ballotId: id } })).code).toBe('FORBIDDEN');
    expect(errorOf(await co('{ allBallots { id } }')).code).toBe('FORBIDDEN');
    const other = t.as('secretary2');
    expect(errorOf(await other(REPORT, { id })).code).toBe('NOT_FOUND');
    expect((await other('{ allBallots { id } }')).data?.allBallots.map((b: { id: string }) => b.id)).not.toContain(id);
    const [{ id: otherBranch }] = await t.sql(`SELECT r.branch_id AS id FROM user_branch_role r JOIN app_user u ON u.id = r.user_id
      WHERE u.email = 'secretary2@unison.example' LIMIT 1`);
    const cross = await t.as('secretary')(CREATE, { d: { name: 'X', branchId: otherBranch, unionId, questions: ['STRIKE'], cutOffDate: cutOff, openingDate: today, closingDate: today } });
    expect(errorOf(cross).fields).toEqual({ branchId: 'must be a branch where you manage ballots' });
  });
});

describe('a contact\'s postal address', () => {
  const Q = 'query($id: ID!) { Contact(id: $id) { postalAddressLines postalTown postalPostcode addressConfirmedOn } }';

  it('is read only by those who organise the person', async () => {
    for (const who of ['rep', 'secretary', 'admin'] as const) {
      const res = await t.as(who)(Q, { id: people[0] });
      expect(res.data?.Contact).toEqual({ postalAddressLines: '1 High Street', postalTown: 'Riverside', postalPostcode: 'NR1 3SR', addressConfirmedOn: addDays(today, -30) });
    }
    const cw = await t.as('caseworker')(Q, { id: people[0] });
    expect(cw.data?.Contact).toEqual({ postalAddressLines: null, postalTown: null, postalPostcode: null, addressConfirmedOn: null });
    expect(errorOf(await t.as('coalition')(Q, { id: people[0] })).code).toBe('FORBIDDEN');
  });

  it('takes a UK postcode only', async () => {
    const U = 'mutation($id: ID!, $d: ContactUpdateInput!) { updateContact(id: $id, data: $d) { id } }';
    const bad = await t.as('secretary')(U, { id: people[0], d: { postalPostcode: 'not a postcode' } });
    expect(errorOf(bad).fields).toEqual({ postalPostcode: 'postalPostcode must be a UK postcode' });
    const ok = await t.as('secretary')(U, { id: people[0], d: { postalPostcode: 'SW1A 1AA', addressConfirmedOn: today } });
    expect(ok.errors).toBeUndefined();
    expect((await t.sql('SELECT postal_postcode, address_confirmed_on::text AS d FROM contact WHERE id = $1', [people[0]]))[0]).toEqual({ postal_postcode: 'SW1A 1AA', d: today });
  });
});
