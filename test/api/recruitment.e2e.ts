import { addDays, ukToday } from '@rollcall/domain';
import { errorOf, startTestApp, type TestApp } from '../fixtures/app.js';

/**
 * A recruitment drive to a join-by date over GraphQL on the demo data: who recruited a member
 * (validated through the PeopleDoor, named only to those who may see the recruiter), a campaign's
 * joiners, non-members and leaderboard checked against counts made independently in SQL (a joiner
 * the day before the start is not counted, one on the start day is), the people to ask in order (a
 * rep only their patch), and what a coalition partner sees (counts only, small ones withheld, no names).
 */
let t: TestApp;
let branchId = '';
let patchSiteId = '';
let unionId = '';
let campaignId = '';
let repUserId = '';
let foreignUserId = '';
let offPatchContactId = '';
let otherOrgContactId = '';
const today = ukToday();
const start = addDays(today, -20);

const RECRUITMENT = `query($c: ID!) { campaignRecruitment(campaignId: $c) { id joinByDate daysToJoinBy recruitmentTarget joinersSinceStart nonMembers
  shareOfTarget suppressed byWard { wardId wardName siteId siteName joiners nonMembers suppressed } byRepPatch { repUserId repName joiners nonMembers }
  leaderboard { id kind name recruits } } }`;
const TO_ASK = `query($c: ID!, $r: ID, $p: Int, $n: Int) { campaignPeopleToAsk(campaignId: $c, repId: $r, page: $p, perPage: $n) {
  total people { id fullName wardId wardName siteId assessment lastConversationAt } } }`;
const CREATE_M = `mutation($d: MembershipCreateInput!) { createMembership(data: $d) { id recruitedByContactId recruitedByUserId recruitedByName } }`;
const UPDATE_M = `mutation($id: ID!, $d: MembershipUpdateInput!) { updateMembership(id: $id, data: $d) { id recruitedByContactId recruitedByUserId recruitedByName } }`;

/** The campaign's people as SQL alone finds them: current staff posted at the patch site, with whether each is a member and a joiner. */
async function people(): Promise<{ id: string; ward_id: string; member: boolean; joiner: boolean }[]> {
  return t.sql(`WITH staff AS (
      SELECT DISTINCT c.id, p.ward_id FROM contact c JOIN posting p ON p.contact_id = c.id AND p.end_date IS NULL JOIN ward w ON w.id = p.ward_id
      WHERE w.site_id = $1 AND c.deleted_at IS NULL AND (c.leave_date IS NULL OR c.leave_date > $3::date)
        AND c.employer_id IN (SELECT employer_id FROM branch_employer WHERE branch_id = $4)),
    current AS (SELECT m.contact_id, m.join_date FROM membership m WHERE m.union_id = $2 AND m.status = 'MEMBER'
      AND coalesce(m.leave_date, 'infinity'::date) > $3::date)
    SELECT s.id, s.ward_id, s.id IN (SELECT contact_id FROM current) AS member,
      s.id IN (SELECT contact_id FROM current WHERE join_date >= $5::date) AS joiner
    FROM staff s ORDER BY s.ward_id, s.id`, [patchSiteId, unionId, today, branchId, start]);
}

beforeAll(async () => {
  t = await startTestApp();
  [{ id: branchId }] = await t.sql(`SELECT r.branch_id AS id FROM user_branch_role r JOIN app_user u ON u.id = r.user_id
    WHERE u.email = 'secretary@unison.example' LIMIT 1`);
  [{ id: patchSiteId, user_id: repUserId }] = await t.sql(`SELECT rp.site_id AS id, rp.user_id FROM rep_patch rp JOIN app_user u ON u.id = rp.user_id
    WHERE u.email = 'rep@unison.example' ORDER BY rp.site_id LIMIT 1`);
  [{ id: unionId }] = await t.sql(`SELECT t.id FROM trade_union t JOIN employer e ON e.organisation_id = t.organisation_id WHERE e.id = $1 AND t.name ILIKE '%unison%' LIMIT 1`,
    [t.demoEmployerId]);
  [{ id: foreignUserId }] = await t.sql(`SELECT id FROM app_user WHERE email = 'secretary@bma.example'`);
  // someone of the branch off the rep's patch, and someone of another organisation
  [{ id: offPatchContactId }] = await t.sql(`SELECT c.id FROM contact c JOIN posting p ON p.contact_id = c.id AND p.end_date IS NULL JOIN ward w ON w.id = p.ward_id
    WHERE c.employer_id = $1 AND c.deleted_at IS NULL AND w.site_id NOT IN (SELECT site_id FROM rep_patch WHERE user_id = $2) ORDER BY c.id LIMIT 1`,
  [t.demoEmployerId, repUserId]);
  [{ id: otherOrgContactId }] = await t.sql(`SELECT c.id FROM contact c WHERE c.organisation_id <> (SELECT organisation_id FROM employer WHERE id = $1) LIMIT 1`, [t.demoEmployerId]);
  const res = await t.as('secretary')(`mutation($d: CampaignCreateInput!) { createCampaign(data: $d) { id } }`, { d: {
    name: 'Join by the cut-off', branchId, startDate: start, joinByDate: addDays(today, 12), recruitmentTarget: 20, unionIds: [unionId],
    targetGroup: { siteIds: [patchSiteId] },
  } });
  expect(res.errors).toBeUndefined();
  campaignId = res.data!.createCampaign.id;
});
afterAll(async () => { await t?.close(); });

describe('recruited by', () => {
  let memberContact = '';
  let membershipId = '';

  beforeAll(async () => {
    // a non-member of the union on the rep's patch
    [{ id: memberContact }] = await t.sql(`SELECT c.id FROM contact c JOIN posting p ON p.contact_id = c.id AND p.end_date IS NULL JOIN ward w ON w.id = p.ward_id
      WHERE w.site_id = $1 AND c.deleted_at IS NULL AND NOT EXISTS (SELECT 1 FROM membership m WHERE m.contact_id = c.id AND m.union_id = $2)
      ORDER BY c.id LIMIT 1`, [patchSiteId, unionId]);
  });

  it('refuses a recruiter of another organisation, one the caller may not see, a user of another organisation, the member, or both at once, and changes nothing', async () => {
    const base = { contactId: memberContact, unionId, status: 'MEMBER', source: 'SELF_REPORTED', joinDate: today };
    const cases: ['secretary' | 'rep', Record<string, unknown>, string, RegExp][] = [
      ['secretary', { recruitedByContactId: otherOrgContactId }, 'recruitedByContactId', /does not exist/],
      ['rep', { recruitedByContactId: offPatchContactId }, 'recruitedByContactId', /does not exist or is outside your branch or patch/],
      ['secretary', { recruitedByUserId: foreignUserId }, 'recruitedByUserId', /not a user of your organisation/],
      ['secretary', { recruitedByContactId: memberContact }, 'recruitedByContactId', /member themselves/],
      ['secretary', { recruitedByContactId: offPatchContactId, recruitedByUserId: repUserId }, 'recruitedByUserId', /not both/],
      ['secretary', { recruitedByUserId: 'not-an-id' }, 'recruitedByUserId', /valid id/],
    ];
    const count = async () => (await t.sql('SELECT count(*)::int AS n FROM membership WHERE contact_id = $1', [memberContact]))[0].n;
    const before = await count();
    for (const [who, extra, field, message] of cases) {
      const e = errorOf(await t.as(who)(CREATE_M, { d: { ...base, ...extra } }));
      expect([field, e.code, e.fields?.[field]]).toEqual([field, 'BAD_USER_INPUT', expect.stringMatching(message)]);
    }
    expect(await count()).toBe(before);
  });

  it('records a recruiting colleague, names them (and gives their id) only to those who may see them, and audits it', async () => {
    const r = await t.as('secretary')(CREATE_M, { d: { contactId: memberContact, unionId, status: 'MEMBER', source: 'SELF_REPORTED', joinDate: today,
      recruitedByContactId: offPatchContactId } });
    expect(r.errors).toBeUndefined();
    membershipId = r.data!.createMembership.id;
    const [k] = await t.sql('SELECT first_name, last_name, preferred_name FROM contact WHERE id = $1', [offPatchContactId]);
    expect(r.data!.createMembership).toMatchObject({ recruitedByContactId: offPatchContactId, recruitedByUserId: null,
      recruitedByName: `${k.preferred_name || k.first_name} ${k.last_name}` });
    // the rep sees the member (on their patch) but not the recruiter (off it): neither their name nor their id
    const read = `query($id: ID!) { Membership(id: $id) { id recruitedByContactId recruitedByName } }`;
    expect((await t.as('rep')(read, { id: membershipId })).data!.Membership).toEqual({ id: membershipId, recruitedByContactId: null, recruitedByName: null });
    expect((await t.as('secretary')(read, { id: membershipId })).data!.Membership).toMatchObject({ recruitedByContactId: offPatchContactId });
    const [audit] = await t.sql(`SELECT after FROM audit_event WHERE entity_type = 'Membership' AND entity_id = $1 AND action = 'CREATE'`, [membershipId]);
    expect(audit.after).toMatchObject({ recruitedByContactId: offPatchContactId, recruitedByUserId: null });
  });

  it('moves to a recruiting user (the colleague is cleared), refused for both at once on an update', async () => {
    const e = errorOf(await t.as('secretary')(UPDATE_M, { id: membershipId, d: { recruitedByContactId: offPatchContactId, recruitedByUserId: repUserId } }));
    expect([e.code, e.fields?.recruitedByUserId]).toEqual(['BAD_USER_INPUT', expect.stringMatching(/not both/)]);
    const r = await t.as('rep')(UPDATE_M, { id: membershipId, d: { recruitedByUserId: repUserId } });
    expect(r.errors).toBeUndefined();
    const [{ display_name: name }] = await t.sql('SELECT display_name FROM app_user WHERE id = $1', [repUserId]);
    expect(r.data!.updateMembership).toEqual({ id: membershipId, recruitedByContactId: null, recruitedByUserId: repUserId, recruitedByName: name });
    const [audit] = await t.sql(`SELECT before, after FROM audit_event WHERE entity_type = 'Membership' AND entity_id = $1 AND action = 'UPDATE'
      ORDER BY created_at DESC LIMIT 1`, [membershipId]);
    expect([audit.before.recruitedByContactId, audit.after.recruitedByContactId, audit.after.recruitedByUserId]).toEqual([offPatchContactId, null, repUserId]);
  });

  it('is held by the database: never both, never another organisation\'s contact, and cleared (alone) when the recruiter is erased', async () => {
    await expect(t.sql('UPDATE membership SET recruited_by_contact_id = $2 WHERE id = $1', [membershipId, offPatchContactId])).rejects.toThrow(/ck_membership_one_recruiter/);
    await expect(t.sql('UPDATE membership SET recruited_by_user_id = NULL, recruited_by_contact_id = $2 WHERE id = $1', [membershipId, otherOrgContactId]))
      .rejects.toThrow(/foreign key/);
    // a throwaway contact recruits, then is erased: the membership stays, its recruiter cleared
    const [x] = await t.sql(`INSERT INTO contact (organisation_id, employer_id, first_name, last_name, staff_group, shift_pattern, contract_type)
      SELECT organisation_id, employer_id, 'Erased', 'Recruiter', staff_group, shift_pattern, contract_type FROM contact WHERE id = $1 RETURNING id`, [offPatchContactId]);
    await t.sql('UPDATE membership SET recruited_by_user_id = NULL, recruited_by_contact_id = $2 WHERE id = $1', [membershipId, x.id]);
    await t.sql('DELETE FROM contact WHERE id = $1', [x.id]);
    const [m] = await t.sql('SELECT organisation_id IS NOT NULL AS org, recruited_by_contact_id FROM membership WHERE id = $1', [membershipId]);
    expect(m).toEqual({ org: true, recruited_by_contact_id: null });
    await t.sql('UPDATE membership SET recruited_by_user_id = $2 WHERE id = $1', [membershipId, repUserId]);
  });
});

describe("a campaign's recruitment", () => {
  it('counts joiners since the start, not the day before, against SQL', async () => {
    const before = (await t.as('secretary')(RECRUITMENT, { c: campaignId })).data!.campaignRecruitment.joinersSinceStart as number;
    const candidates = await t.sql(`SELECT c.id FROM contact c JOIN posting p ON p.contact_id = c.id AND p.end_date IS NULL JOIN ward w ON w.id = p.ward_id
      WHERE w.site_id = $1 AND c.deleted_at IS NULL AND (c.leave_date IS NULL OR c.leave_date > $3::date)
        AND NOT EXISTS (SELECT 1 FROM membership m WHERE m.contact_id = c.id AND m.union_id = $2) ORDER BY c.id LIMIT 2`, [patchSiteId, unionId, today]);
    expect(candidates).toHaveLength(2);
    await t.sql(`INSERT INTO membership (organisation_id, contact_id, union_id, status, source, join_date)
      SELECT c.organisation_id, c.id, $2, 'MEMBER', 'SELF_REPORTED', $3::date FROM contact c WHERE c.id = $1`, [candidates[0].id, unionId, addDays(start, -1)]);
    await t.sql(`INSERT INTO membership (organisation_id, contact_id, union_id, status, source, join_date)
      SELECT c.organisation_id, c.id, $2, 'MEMBER', 'SELF_REPORTED', $3::date FROM contact c WHERE c.id = $1`, [candidates[1].id, unionId, start]);
    const after = (await t.as('secretary')(RECRUITMENT, { c: campaignId })).data!.campaignRecruitment.joinersSinceStart;
    expect(after).toBe(before + 1);
  });

  it("gives the secretary every figure: totals, by ward, by rep's patch and the leaderboard, as SQL counts them", async () => {
    const r = await t.as('secretary')(RECRUITMENT, { c: campaignId });
    expect(r.errors).toBeUndefined();
    const got = r.data!.campaignRecruitment;
    const rows = await people();
    const joiners = rows.filter((x) => x.joiner).length;
    expect(got).toMatchObject({ id: campaignId, joinByDate: addDays(today, 12), daysToJoinBy: 12, recruitmentTarget: 20, joinersSinceStart: joiners,
      nonMembers: rows.filter((x) => !x.member).length, shareOfTarget: joiners / 20, suppressed: false });
    expect(joiners).toBeGreaterThan(0);
    const wards = new Map<string, { joiners: number; nonMembers: number }>();
    for (const x of rows) {
      const w = wards.get(x.ward_id) ?? { joiners: 0, nonMembers: 0 };
      w.joiners += Number(x.joiner);
      w.nonMembers += Number(!x.member);
      wards.set(x.ward_id, w);
    }
    expect(Object.fromEntries(got.byWard.map((w: { wardId: string; joiners: number; nonMembers: number }) => [w.wardId, { joiners: w.joiners, nonMembers: w.nonMembers }])))
      .toEqual(Object.fromEntries(wards));
    expect(got.byWard.every((w: { siteId: string; suppressed: boolean }) => w.siteId === patchSiteId && !w.suppressed)).toBe(true);
    // every rep whose patch holds the site
    const reps = await t.sql(`SELECT u.id, u.display_name FROM rep_patch rp JOIN app_user u ON u.id = rp.user_id WHERE rp.site_id = $1 ORDER BY u.display_name`, [patchSiteId]);
    expect(got.byRepPatch).toEqual(reps.map((u) => ({ repUserId: u.id, repName: u.display_name, joiners, nonMembers: rows.filter((x) => !x.member).length })));
    // the leaderboard: recruiters of the joiners
    const joinerIds = rows.filter((x) => x.joiner).map((x) => x.id);
    const board = await t.sql(`SELECT coalesce(m.recruited_by_contact_id, m.recruited_by_user_id) AS id, count(*)::int AS n FROM membership m
      WHERE m.contact_id = ANY($1) AND m.union_id = $2 AND m.join_date >= $3::date AND coalesce(m.recruited_by_contact_id, m.recruited_by_user_id) IS NOT NULL
      GROUP BY 1`, [joinerIds, unionId, start]);
    expect(board.length).toBeGreaterThan(0);
    expect(Object.fromEntries(got.leaderboard.map((l: { id: string; recruits: number }) => [l.id, l.recruits]))).toEqual(Object.fromEntries(board.map((b) => [b.id, b.n])));
    const rep = got.leaderboard.find((l: { id: string }) => l.id === repUserId);
    expect(rep).toMatchObject({ kind: 'USER', name: reps.find((u) => u.id === repUserId)?.display_name });
  });

  it("gives a rep the branch's counts but only their own patch", async () => {
    const got = (await t.as('rep')(RECRUITMENT, { c: campaignId })).data!.campaignRecruitment;
    expect(got.joinersSinceStart).toBe((await people()).filter((x) => x.joiner).length);
    expect(got.byRepPatch.map((p: { repUserId: string }) => p.repUserId)).toEqual([repUserId]);
  });

  it('gives a coalition partner counts only: small cells withheld, no patches, no names', async () => {
    const r = await t.as('coalition')(RECRUITMENT, { c: campaignId });
    expect(r.errors).toBeUndefined();
    const got = r.data!.campaignRecruitment;
    const rows = await people();
    expect(got.byRepPatch).toEqual([]);
    for (const l of got.leaderboard) expect([l.id, l.name, l.recruits >= 5]).toEqual([null, null, true]);
    for (const w of got.byWard) {
      const mine = rows.filter((x) => x.ward_id === w.wardId);
      if (w.suppressed) expect([w.joiners, w.nonMembers]).toEqual([null, null]);
      // non-members of a target group are never published to an aggregate-only caller (a cut of density other than the slice family's)
      else expect([w.joiners, w.nonMembers]).toEqual([mine.filter((x) => x.joiner).length, null]);
      // nothing published is a small non-zero count
      if (w.joiners !== null) expect(w.joiners === 0 || w.joiners >= 5).toBe(true);
    }
    // the wards with a handful of joiners are withheld
    const small = [...new Set(rows.map((x) => x.ward_id))].filter((id) => { const j = rows.filter((x) => x.ward_id === id && x.joiner).length; return j > 0 && j < 5; });
    expect(small.length).toBeGreaterThan(0);
    for (const id of small) expect(got.byWard.find((w: { wardId: string }) => w.wardId === id)?.suppressed).toBe(true);
    expect(got.suppressed).toBe(true);
    expect(got.nonMembers).toBeNull();
    expect(JSON.stringify(got)).not.toContain(repUserId);
  });

  it('is not found outside the branch', async () => {
    for (const who of ['secretary2', 'bmaSecretary'] as const) expect(errorOf(await t.as(who)(RECRUITMENT, { c: campaignId })).code).toBe('NOT_FOUND');
  });
});

describe('the people to ask', () => {
  /** Non-members of the union at the patch site, in order, by SQL alone (latest assessment by DISTINCT ON, latest conversation by max). */
  async function expected(sites: string[]): Promise<string[]> {
    return (await t.sql(`WITH staff AS (
        SELECT DISTINCT c.id, c.first_name, c.last_name FROM contact c JOIN posting p ON p.contact_id = c.id AND p.end_date IS NULL JOIN ward w ON w.id = p.ward_id
        WHERE w.site_id = $1 AND w.site_id = ANY($4) AND c.deleted_at IS NULL AND (c.leave_date IS NULL OR c.leave_date > $3::date)
          AND c.employer_id IN (SELECT employer_id FROM branch_employer WHERE branch_id = $5)
          AND c.id NOT IN (SELECT m.contact_id FROM membership m WHERE m.union_id = $2 AND m.status = 'MEMBER' AND coalesce(m.leave_date, 'infinity'::date) > $3::date)),
      latest AS (SELECT DISTINCT ON (a.contact_id) a.contact_id, a.value FROM assessment a ORDER BY a.contact_id, a.assessed_at DESC, a.created_at DESC),
      spoken AS (SELECT v.contact_id, max(v.occurred_at) AS at FROM conversation v GROUP BY v.contact_id)
      SELECT s.id FROM staff s LEFT JOIN latest l ON l.contact_id = s.id LEFT JOIN spoken k ON k.contact_id = s.id
      ORDER BY coalesce(l.value, 99), k.at DESC NULLS LAST, s.last_name, s.first_name, s.id`, [patchSiteId, unionId, today, sites, branchId])).map((r) => r.id);
  }

  it('lists non-members best assessed first, then most recently spoken to, in pages, as SQL orders them', async () => {
    const want = await expected([patchSiteId]);
    expect(want.length).toBeGreaterThan(3);
    const all = (await t.as('secretary')(TO_ASK, { c: campaignId, n: 500 })).data!.campaignPeopleToAsk;
    expect([all.total, all.people.map((p: { id: string }) => p.id)]).toEqual([want.length, want]);
    const page = (await t.as('secretary')(TO_ASK, { c: campaignId, p: 1, n: 2 })).data!.campaignPeopleToAsk;
    expect([page.total, page.people.map((p: { id: string }) => p.id)]).toEqual([want.length, want.slice(2, 4)]);
    const past = (await t.as('secretary')(TO_ASK, { c: campaignId, p: 1000, n: 2 })).data!.campaignPeopleToAsk;
    expect([past.total, past.people]).toEqual([want.length, []]);
    // assessments and conversations are there and ordered
    const ranks = all.people.map((p: { assessment: number | null }) => p.assessment ?? 99);
    expect(ranks).toEqual([...ranks].sort((a, b) => a - b));
    expect(all.people.some((p: { assessment: number | null }) => p.assessment !== null)).toBe(true);
    expect(all.people.some((p: { lastConversationAt: string | null }) => p.lastConversationAt !== null)).toBe(true);
  });

  it("gives a rep only their patch, and filters by a rep's patch", async () => {
    const repSites = (await t.sql('SELECT site_id FROM rep_patch WHERE user_id = $1', [repUserId])).map((r) => r.site_id);
    const want = await expected(repSites);
    const mine = (await t.as('rep')(TO_ASK, { c: campaignId, n: 500 })).data!.campaignPeopleToAsk;
    expect(mine.people.map((p: { id: string }) => p.id)).toEqual(want);
    const filtered = (await t.as('secretary')(TO_ASK, { c: campaignId, r: repUserId, n: 500 })).data!.campaignPeopleToAsk;
    expect(filtered.people.map((p: { id: string }) => p.id)).toEqual(want);
    // a user with no patch here: nobody
    expect((await t.as('secretary')(TO_ASK, { c: campaignId, r: foreignUserId, n: 500 })).data!.campaignPeopleToAsk.total).toBe(0);
  });

  it('refuses a coalition partner (no person), and is not found outside the branch', async () => {
    expect(errorOf(await t.as('coalition')(TO_ASK, { c: campaignId })).code).toBe('FORBIDDEN');
    expect(errorOf(await t.as('secretary2')(TO_ASK, { c: campaignId })).code).toBe('NOT_FOUND');
    expect(errorOf(await t.as('secretary')(TO_ASK, { c: campaignId, n: 501 })).code).toBe('BAD_USER_INPUT');
  });
});
