import { addDays, daysBetween, ukToday } from '@rollcall/domain';
import { errorOf, startTestApp, type TestApp } from '../fixtures/app.js';
import { PATCH_SITES } from '../fixtures/scope-targets.js';

/**
 * Campaigns, actions, participation and structure tests over GraphQL on the demo data: the
 * lifecycle, field errors, all-or-nothing bulk participation through the PeopleDoor (a rep only
 * their patch), a campaign's numbers and a structure test's wards checked against counts made
 * independently in SQL, and what a coalition partner sees.
 */
let t: TestApp;
let branchId = '';
let otherBranchId = '';
let siteId = '';
let patchSiteId = '';
let unionId = '';
let foreignWardId = '';
let foreignUnionId = '';

const CAMPAIGN = `id name goal branchId startDate endDate joinByDate recruitmentTarget targetParticipants unionIds active daysToJoinBy
  targetGroup { siteIds wardIds description } numbers { actions participants pledged targetParticipants shareOfGoal suppressed }`;
const CREATE = `mutation($d: CampaignCreateInput!) { createCampaign(data: $d) { ${CAMPAIGN} } }`;
const CREATE_ACTION = 'mutation($d: CampaignActionCreateInput!) { createCampaignAction(data: $d) { id campaignId kind title date wardId siteId online isStructureTest } }';
const RECORD = 'mutation($a: ID!, $e: [ParticipationEntry!]!) { recordParticipation(actionId: $a, entries: $e) { id contactId state recordedById } }';
const STRUCTURE = `query($a: ID!) { structureTest(actionId: $a) { id thresholdPercent wardsMeeting
  wards { id ward { name } headcount members participants memberParticipants shareOfHeadcount shareOfMembers meetsThreshold suppressed }
  total { headcount members participants memberParticipants shareOfHeadcount shareOfMembers suppressed } } }`;

/** Current staff of the demo trust posted at a site, as SQL alone counts them, with whether each is a member. */
async function staffAt(site: string): Promise<{ id: string; ward_id: string; member: boolean }[]> {
  return t.sql(`SELECT c.id, p.ward_id, EXISTS (SELECT 1 FROM membership m WHERE m.contact_id = c.id AND m.status = 'MEMBER'
      AND (m.leave_date IS NULL OR m.leave_date > current_date)) AS member
    FROM contact c JOIN posting p ON p.contact_id = c.id AND p.end_date IS NULL JOIN ward w ON w.id = p.ward_id
    WHERE w.site_id = $1 AND c.employer_id = $2 AND c.deleted_at IS NULL AND (c.leave_date IS NULL OR c.leave_date > current_date)
    ORDER BY p.ward_id, c.id`, [site, t.demoEmployerId]);
}

beforeAll(async () => {
  t = await startTestApp();
  [{ id: branchId }] = await t.sql(`SELECT r.branch_id AS id FROM user_branch_role r JOIN app_user u ON u.id = r.user_id
    WHERE u.email = 'secretary@unison.example' LIMIT 1`);
  [{ id: otherBranchId }] = await t.sql(`SELECT r.branch_id AS id FROM user_branch_role r JOIN app_user u ON u.id = r.user_id
    WHERE u.email = 'secretary2@unison.example' LIMIT 1`);
  [{ id: patchSiteId }] = await t.sql(`SELECT site_id AS id FROM rep_patch rp JOIN app_user u ON u.id = rp.user_id WHERE u.email = 'rep@unison.example' LIMIT 1`);
  // the busiest site of the trust
  [{ id: siteId }] = await t.sql(`SELECT w.site_id AS id FROM posting p JOIN ward w ON w.id = p.ward_id JOIN site s ON s.id = w.site_id
    WHERE p.end_date IS NULL AND s.employer_id = $1 GROUP BY w.site_id ORDER BY count(*) DESC LIMIT 1`, [t.demoEmployerId]);
  [{ id: unionId }] = await t.sql(`SELECT t.id FROM trade_union t JOIN employer e ON e.organisation_id = t.organisation_id WHERE e.id = $1 LIMIT 1`, [t.demoEmployerId]);
  [{ id: foreignWardId }] = await t.sql(`SELECT w.id FROM ward w WHERE w.organisation_id <> (SELECT organisation_id FROM employer WHERE id = $1) LIMIT 1`, [t.demoEmployerId]);
  [{ id: foreignUnionId }] = await t.sql(`SELECT t.id FROM trade_union t WHERE t.organisation_id <> (SELECT organisation_id FROM employer WHERE id = $1) LIMIT 1`, [t.demoEmployerId]);
});
afterAll(async () => { await t?.close(); });

describe('a campaign', () => {
  let id = '';
  const today = ukToday();

  it('is created by the branch secretary with its unions, target group, join-by date and targets, and read back', async () => {
    const res = await t.as('secretary')(CREATE, { d: {
      name: '  Not fair, not safe  ', branchId, goal: 'Safe staffing on every ward', targetParticipants: 40, startDate: addDays(today, -10),
      endDate: addDays(today, 60), joinByDate: addDays(today, 21), recruitmentTarget: 25, unionIds: [unionId], targetGroup: { siteIds: [siteId] },
    } });
    expect(res.errors).toBeUndefined();
    const c = res.data!.createCampaign;
    id = c.id;
    expect(c).toMatchObject({
      name: 'Not fair, not safe', branchId, unionIds: [unionId], active: true, daysToJoinBy: 21, recruitmentTarget: 25,
      targetGroup: { siteIds: [siteId], wardIds: [] }, numbers: { actions: 0, participants: 0, pledged: 0, targetParticipants: 40, shareOfGoal: 0, suppressed: false },
    });
    expect(c.targetGroup.description).toMatch(/^at /);
    const [row] = await t.sql('SELECT organisation_id, created_by_id, target_group FROM campaign WHERE id = $1', [id]);
    expect(row.target_group.siteIds).toEqual([siteId]);
    const [{ n }] = await t.sql("SELECT count(*)::int AS n FROM audit_event WHERE entity_type = 'Campaign' AND entity_id = $1 AND action = 'CREATE'", [id]);
    expect(n).toBe(1);
  });

  it('is listed and counted by search, by branch and by whether it is running, for everyone in its branch and no one else', async () => {
    const list = `query($f: CampaignFilter) { allCampaigns(filter: $f) { id } _allCampaignsMeta(filter: $f) { count } }`;
    for (const who of ['secretary', 'rep', 'caseworker', 'coalition'] as const) {
      const r = await t.as(who)(list, { f: { q: 'not safe' } });
      expect([who, r.data?.allCampaigns.map((x: { id: string }) => x.id), r.data?._allCampaignsMeta.count]).toEqual([who, [id], 1]);
    }
    expect((await t.as('secretary')(list, { f: { branch: branchId, active: true } })).data!.allCampaigns.map((x: { id: string }) => x.id)).toContain(id);
    expect((await t.as('secretary')(list, { f: { active: false } })).data!.allCampaigns.map((x: { id: string }) => x.id)).not.toContain(id);
    expect((await t.as('secretary')(list, { f: { branchId: otherBranchId } })).data!._allCampaignsMeta.count).toBe(0);
    for (const who of ['secretary2', 'bmaSecretary'] as const) {
      expect((await t.as(who)(list, { f: { q: 'not safe' } })).data!._allCampaignsMeta.count).toBe(0);
      expect(errorOf(await t.as(who)(`query($id: ID!) { Campaign(id: $id) { id } }`, { id })).code).toBe('NOT_FOUND');
    }
  });

  it('refuses bad input with field errors and changes nothing', async () => {
    const base = { name: 'X', branchId, startDate: today };
    const cases: [Record<string, unknown>, string, RegExp][] = [
      [{ ...base, name: '   ' }, 'name', /required/],
      [{ ...base, endDate: addDays(today, -1) }, 'endDate', /before startDate/],
      [{ ...base, startDate: '2026-02-30' }, 'startDate', /real calendar date/],
      [{ ...base, targetGroup: { wardIds: [foreignWardId] } }, 'targetGroup.wardIds', /does not exist/],
      [{ ...base, unionIds: [foreignUnionId] }, 'unionIds', /not one of your organisation's/],
      [{ ...base, recruitmentTarget: 0 }, 'recruitmentTarget', /at least 1/],
      [{ ...base, branchId: otherBranchId }, 'branchId', /not a branch you are secretary or admin of/],
    ];
    const [{ n: before }] = await t.sql('SELECT count(*)::int AS n FROM campaign');
    for (const [d, field, message] of cases) {
      const e = errorOf(await t.as('secretary')(CREATE, { d }));
      expect([field, e.code, e.fields?.[field]]).toEqual([field, 'BAD_USER_INPUT', expect.stringMatching(message)]);
    }
    expect((await t.sql('SELECT count(*)::int AS n FROM campaign'))[0].n).toBe(before);
  });

  it('is changed only by its branch secretary or admin', async () => {
    const update = 'mutation($id: ID!, $d: CampaignUpdateInput!) { updateCampaign(id: $id, data: $d) { id name joinByDate daysToJoinBy unionIds } }';
    expect(errorOf(await t.as('rep')(update, { id, d: { name: 'Rep' } })).code).toBe('FORBIDDEN');
    expect(errorOf(await t.as('coalition')(update, { id, d: { name: 'Coalition' } })).code).toBe('FORBIDDEN');
    expect(errorOf(await t.as('secretary2')(update, { id, d: { name: 'Other branch' } })).code).toBe('NOT_FOUND');
    const r = await t.as('secretary')(update, { id, d: { name: 'Not fair, not safe', joinByDate: addDays(today, 7), unionIds: [] } });
    expect(r.data!.updateCampaign).toMatchObject({ daysToJoinBy: 7, unionIds: [] });
    expect(daysBetween(today, r.data!.updateCampaign.joinByDate)).toBe(7);
  });

  it('is deleted with its actions while no participation is recorded on them', async () => {
    const c = (await t.as('secretary')(CREATE, { d: { name: 'Short-lived', branchId, startDate: today } })).data!.createCampaign;
    await t.as('secretary')(CREATE_ACTION, { d: { campaignId: c.id, kind: 'MEETING', title: 'Kick-off', date: today, online: true } });
    const r = await t.as('secretary')('mutation($id: ID!) { deleteCampaign(id: $id) { id } }', { id: c.id });
    expect(r.errors).toBeUndefined();
    expect((await t.sql('SELECT count(*)::int AS n FROM campaign_action WHERE campaign_id = $1', [c.id]))[0].n).toBe(0);
  });
});

describe('actions and participation', () => {
  let campaignId = '';
  let actionId = '';
  let people: { id: string; ward_id: string; member: boolean }[] = [];
  let patchPerson = '';
  let otherBranchPerson = '';
  let offPatchPerson = '';

  beforeAll(async () => {
    campaignId = (await t.as('secretary')(CREATE, { d: { name: 'Structure test campaign', branchId, startDate: ukToday(), targetParticipants: 10, targetGroup: { siteIds: [siteId] } } })).data!.createCampaign.id;
    people = await staffAt(siteId);
    expect(people.length).toBeGreaterThan(20);
    [{ id: patchPerson }] = await t.sql(`SELECT c.id FROM contact c JOIN posting p ON p.contact_id = c.id AND p.end_date IS NULL JOIN ward w ON w.id = p.ward_id
      WHERE w.site_id = $1 AND c.deleted_at IS NULL LIMIT 1`, [patchSiteId]);
    [{ id: offPatchPerson }] = await t.sql(`SELECT c.id FROM contact c JOIN posting p ON p.contact_id = c.id AND p.end_date IS NULL JOIN ward w ON w.id = p.ward_id
      WHERE c.employer_id = $1 AND w.site_id NOT IN ${PATCH_SITES} AND c.deleted_at IS NULL LIMIT 1`, [t.demoEmployerId]);
    [{ id: otherBranchPerson }] = await t.sql('SELECT id FROM contact WHERE employer_id = $1 AND deleted_at IS NULL LIMIT 1', [t.otherEmployerId]);
  });

  it('creates an action at one place at most, of a campaign the caller officers', async () => {
    const d = { campaignId, kind: 'BADGE_OR_PHOTO_DAY', title: 'Badge day', date: ukToday(), isStructureTest: true };
    const two = errorOf(await t.as('secretary')(CREATE_ACTION, { d: { ...d, siteId, online: true } }));
    expect(two.fields).toEqual({ online: expect.stringMatching(/not more than one/) });
    expect(errorOf(await t.as('secretary')(CREATE_ACTION, { d: { ...d, wardId: foreignWardId } })).fields).toEqual({ wardId: 'does not exist' });
    expect(errorOf(await t.as('rep')(CREATE_ACTION, { d })).code).toBe('FORBIDDEN');
    expect(errorOf(await t.as('secretary2')(CREATE_ACTION, { d })).fields).toEqual({ campaignId: 'does not exist' });
    const r = await t.as('secretary')(CREATE_ACTION, { d: { ...d, siteId } });
    expect(r.errors).toBeUndefined();
    actionId = r.data!.createCampaignAction.id;
    expect(r.data!.createCampaignAction).toMatchObject({ siteId, online: false, isStructureTest: true, kind: 'BADGE_OR_PHOTO_DAY' });
    // the action names its site (the action page says where it was)
    const [{ name: siteName }] = await t.sql('SELECT name FROM site WHERE id = $1', [siteId]);
    const read = await t.as('secretary')('query($id: ID!) { CampaignAction(id: $id) { site { id name } ward { id } } }', { id: actionId });
    expect(read.data?.CampaignAction).toEqual({ site: { id: siteId, name: siteName }, ward: null });
  });

  it('records participation in bulk, all or nothing, naming the bad entry', async () => {
    const count = async () => (await t.sql('SELECT count(*)::int AS n FROM participation WHERE action_id = $1', [actionId]))[0].n;
    const good = people.slice(0, 3).map((p) => ({ contactId: p.id, state: 'ATTENDED_OR_SIGNED' }));
    const bad = [good[0], good[1], { contactId: otherBranchPerson, state: 'PLEDGED' }, good[2]];
    const e = errorOf(await t.as('secretary')(RECORD, { a: actionId, e: bad }));
    expect(e.code).toBe('BAD_USER_INPUT');
    expect(e.fields).toEqual({ 'entries.2.contactId': expect.stringMatching(/outside your branch or patch/) });
    expect(await count()).toBe(0);
    const dup = errorOf(await t.as('secretary')(RECORD, { a: actionId, e: [good[0], good[1], good[0]] }));
    expect(dup.fields).toEqual({ 'entries.2.contactId': 'names the same person as entry 0' });
    expect(errorOf(await t.as('secretary')(RECORD, { a: actionId, e: [{ contactId: 'nope', state: 'PLEDGED' }] })).fields).toEqual({ 'entries.0.contactId': 'must be a valid id' });
    expect(await count()).toBe(0);
    expect(errorOf(await t.as('secretary2')(RECORD, { a: actionId, e: good })).code).toBe('NOT_FOUND');
    expect(errorOf(await t.as('coalition')(RECORD, { a: actionId, e: good })).code).toBe('FORBIDDEN');
    expect(errorOf(await t.as('caseworker')(RECORD, { a: actionId, e: good })).code).toBe('FORBIDDEN');
  });

  it('lets a rep record only the people of their patch', async () => {
    const off = errorOf(await t.as('rep')(RECORD, { a: actionId, e: [{ contactId: patchPerson, state: 'PLEDGED' }, { contactId: offPatchPerson, state: 'PLEDGED' }] }));
    expect(off.fields).toEqual({ 'entries.1.contactId': expect.stringMatching(/outside your branch or patch/) });
    const r = await t.as('rep')(RECORD, { a: actionId, e: [{ contactId: patchPerson, state: 'PLEDGED' }] });
    expect(r.data!.recordParticipation).toEqual([expect.objectContaining({ contactId: patchPerson, state: 'PLEDGED' })]);
    // and reads only theirs
    const seen = await t.as('rep')('query($a: ID) { allParticipations(filter: { actionId: $a }) { contactId } }', { a: actionId });
    expect(seen.data!.allParticipations.map((p: { contactId: string }) => p.contactId)).toEqual([patchPerson]);
  });

  it('keeps one state per person (the latest wins, null clears), with who recorded it and an audit entry per change', async () => {
    // about two in three of the site's people came: a strong ward or two, and weak ones
    const came = people.filter((p, i) => i % 3 !== 0 && p.id !== patchPerson);
    const r = await t.as('secretary')(RECORD, { a: actionId, e: came.map((p) => ({ contactId: p.id, state: 'PLEDGED' })) });
    expect(r.errors).toBeUndefined();
    const again = await t.as('secretary')(RECORD, { a: actionId, e: [
      ...came.map((p) => ({ contactId: p.id, state: 'ATTENDED_OR_SIGNED' })), { contactId: patchPerson, state: null },
    ] });
    expect(again.errors).toBeUndefined();
    const rows = await t.sql('SELECT contact_id, state, recorded_by_id FROM participation WHERE action_id = $1 ORDER BY contact_id', [actionId]);
    expect(rows.map((x) => x.contact_id)).toEqual(came.map((p) => p.id).sort());
    expect(new Set(rows.map((x) => x.state))).toEqual(new Set(['ATTENDED_OR_SIGNED']));
    const [{ id: secretaryId }] = await t.sql("SELECT id FROM app_user WHERE email = 'secretary@unison.example'");
    expect(new Set(rows.map((x) => x.recorded_by_id))).toEqual(new Set([secretaryId]));
    const audit = await t.sql(`SELECT action, count(*)::int AS n FROM audit_event WHERE entity_type = 'Participation' AND (after->>'actionId' = $1 OR before->>'actionId' = $1)
      GROUP BY action ORDER BY action::text`, [actionId]);
    expect(audit).toEqual([{ action: 'CREATE', n: came.length + 1 }, { action: 'DELETE', n: 1 }, { action: 'UPDATE', n: came.length }]);
    // unchanged entries write nothing
    await t.as('secretary')(RECORD, { a: actionId, e: came.slice(0, 2).map((p) => ({ contactId: p.id, state: 'ATTENDED_OR_SIGNED' })) });
    const [{ n }] = await t.sql("SELECT count(*)::int AS n FROM audit_event WHERE entity_type = 'Participation' AND action = 'UPDATE' AND after->>'actionId' = $1", [actionId]);
    expect(n).toBe(came.length);
  });

  it("shows the campaign's numbers as SQL counts them", async () => {
    await t.as('secretary')(RECORD, { a: actionId, e: [{ contactId: people[0].id, state: 'PLEDGED' }] });
    const [sql] = await t.sql(`SELECT (SELECT count(*)::int FROM campaign_action WHERE campaign_id = $1) AS actions,
        count(DISTINCT pt.contact_id) FILTER (WHERE pt.state = 'ATTENDED_OR_SIGNED')::int AS participants,
        count(DISTINCT pt.contact_id) FILTER (WHERE pt.state = 'PLEDGED')::int AS pledged
      FROM participation pt JOIN campaign_action a ON a.id = pt.action_id WHERE a.campaign_id = $1`, [campaignId]);
    const r = await t.as('secretary')(`query($id: ID!) { Campaign(id: $id) { numbers { actions participants pledged targetParticipants shareOfGoal } } }`, { id: campaignId });
    expect(r.data!.Campaign.numbers).toEqual({ ...sql, targetParticipants: 10, shareOfGoal: sql.participants / 10 });
    expect(sql.participants).toBeGreaterThan(10);
  });

  it('reads the structure test per ward as SQL counts it, strongest first, against the branch threshold', async () => {
    const r = await t.as('secretary')(STRUCTURE, { a: actionId });
    expect(r.errors).toBeUndefined();
    const result = r.data!.structureTest;
    const took = new Set((await t.sql("SELECT contact_id FROM participation WHERE action_id = $1 AND state = 'ATTENDED_OR_SIGNED'", [actionId])).map((x) => x.contact_id));
    const byWard = new Map<string, { headcount: number; members: number; participants: number; memberParticipants: number }>();
    for (const p of people) {
      const w = byWard.get(p.ward_id) ?? { headcount: 0, members: 0, participants: 0, memberParticipants: 0 };
      w.headcount++;
      if (p.member) w.members++;
      if (took.has(p.id)) w.participants++;
      if (took.has(p.id) && p.member) w.memberParticipants++;
      byWard.set(p.ward_id, w);
    }
    expect(result.thresholdPercent).toBe(50);
    expect(result.wards.map((w: { id: string }) => w.id).sort()).toEqual([...byWard.keys()].sort());
    for (const w of result.wards) {
      const s = byWard.get(w.id)!;
      expect(w).toMatchObject({ ...s, shareOfHeadcount: s.participants / s.headcount, meetsThreshold: s.participants * 2 >= s.headcount, suppressed: false });
      expect(w.shareOfMembers).toBe(s.members ? s.memberParticipants / s.members : null);
    }
    const shares = result.wards.map((w: { shareOfHeadcount: number }) => w.shareOfHeadcount);
    expect(shares).toEqual([...shares].sort((a, b) => b - a));
    expect(result.total).toMatchObject({ headcount: people.length, participants: took.size });
    expect(result.wardsMeeting).toBe([...byWard.values()].filter((s) => s.participants * 2 >= s.headcount).length);
  });

  it('moves with the threshold the branch secretary sets, and only they', async () => {
    const set = 'mutation($b: ID!, $p: Int!) { setStructureTestThreshold(branchId: $b, percent: $p) { id structureTestThreshold } }';
    expect(errorOf(await t.as('rep')(set, { b: branchId, p: 60 })).code).toBe('FORBIDDEN');
    expect(errorOf(await t.as('secretary')(set, { b: branchId, p: 0 })).fields).toEqual({ percent: 'must be a whole number from 1 to 100' });
    expect(errorOf(await t.as('secretary2')(set, { b: branchId, p: 60 })).fields).toEqual({ branchId: 'is not a branch you are secretary or admin of' });
    expect((await t.as('secretary')(set, { b: branchId, p: 90 })).data!.setStructureTestThreshold.structureTestThreshold).toBe(90);
    const r = (await t.as('secretary')(STRUCTURE, { a: actionId })).data!.structureTest;
    expect(r.thresholdPercent).toBe(90);
    for (const w of r.wards) expect(w.meetsThreshold).toBe(w.participants * 10 >= w.headcount * 9);
    await t.as('secretary')(set, { b: branchId, p: 50 });
  });

  it('shows a coalition partner the test without small cells and no person at all', async () => {
    const r = await t.as('coalition')(STRUCTURE, { a: actionId });
    expect(r.errors).toBeUndefined();
    const { wards, total } = r.data!.structureTest;
    for (const w of wards) {
      if (w.suppressed) {
        expect(w).toMatchObject({ headcount: null, members: null, participants: null });
      } else {
        // published figures are never a small cell
        expect(w.participants === 0 || w.participants >= 5).toBe(true);
      }
      // staff and members of the target group (and the shares that give them away) are never published to an
      // aggregate-only caller: with the density slice's published totals they recovered withheld cells
      expect([w.headcount, w.members, w.shareOfHeadcount, w.shareOfMembers]).toEqual([null, null, null, null]);
    }
    expect([total.headcount, total.members, total.shareOfHeadcount, total.shareOfMembers]).toEqual([null, null, null, null]);
    // on this data some wards are withheld and some published
    expect(wards.filter((w: { suppressed: boolean }) => w.suppressed).length).toBeGreaterThan(0);
    expect(wards.filter((w: { suppressed: boolean }) => !w.suppressed).length).toBeGreaterThan(0);
    expect(errorOf(await t.as('coalition')('{ allParticipations { id } }')).code).toBe('FORBIDDEN');
    const numbers = (await t.as('coalition')(`query($id: ID!) { Campaign(id: $id) { numbers { participants suppressed } } }`, { id: campaignId })).data!.Campaign.numbers;
    expect(numbers.participants === null || numbers.participants === 0 || numbers.participants >= 5).toBe(true);
  });

  it('refuses to delete an action or campaign with participation recorded on it', async () => {
    const a = errorOf(await t.as('secretary')('mutation($id: ID!) { deleteCampaignAction(id: $id) { id } }', { id: actionId }));
    expect(a.fields).toEqual({ id: expect.stringMatching(/participation recorded/) });
    const c = errorOf(await t.as('secretary')('mutation($id: ID!) { deleteCampaign(id: $id) { id } }', { id: campaignId }));
    expect(c.code).toBe('BAD_USER_INPUT');
    expect((await t.sql('SELECT count(*)::int AS n FROM campaign_action WHERE id = $1', [actionId]))[0].n).toBe(1);
  });

  it('says a structure test of an action that is not one is bad input', async () => {
    const other = (await t.as('secretary')(CREATE_ACTION, { d: { campaignId, kind: 'MEETING', title: 'Meeting', date: ukToday() } })).data!.createCampaignAction.id;
    expect(errorOf(await t.as('secretary')(STRUCTURE, { a: other })).fields).toEqual({ actionId: 'is not a structure test' });
  });
});

describe('the demo data', () => {
  it('holds a campaign with a join-by countdown, and a structure test with strong and weak wards', async () => {
    const as = t.as('secretary');
    const c = (await as(`{ allCampaigns(filter: { q: "Safe staffing now" }) { id daysToJoinBy numbers { actions participants pledged } } }`)).data!.allCampaigns;
    expect(c).toHaveLength(1);
    expect(c[0]).toMatchObject({ daysToJoinBy: 21, numbers: { actions: 2 } });
    expect(c[0].numbers.participants).toBeGreaterThan(0);
    const [action] = (await as('query($c: ID) { allCampaignActions(filter: { campaignId: $c, isStructureTest: true }) { id } }', { c: c[0].id })).data!.allCampaignActions;
    const result = (await as(STRUCTURE, { a: action.id })).data!.structureTest;
    const meets = result.wards.map((w: { meetsThreshold: boolean }) => w.meetsThreshold);
    expect(meets).toContain(true);
    expect(meets).toContain(false);
  });
});
