import { errorOf, startTestApp, type TestApp } from '../fixtures/app.js';

/**
 * The wall chart (issue 13): a site's or ward's wards as columns and the people the caller may see
 * as cards. Every card and figure is checked against SQL written here, apart from the API's.
 */
let t: TestApp;
const UNISON = "(SELECT id FROM organisation WHERE name LIKE 'UNISON%')";
const PATCH_SITES = "(SELECT rp.site_id FROM rep_patch rp JOIN app_user u ON u.id = rp.user_id WHERE u.email = 'rep@unison.example')";

const CHART = `query($s: ID, $w: ID, $f: WallChartFilter) { wallChart(siteId: $s, wardId: $w, filter: $f) {
  site { id name } ward { id name } headcount members density
  wards { id name type headcount members density shifts { shiftPattern cards {
    id contactId fullName jobTitle staffGroup grade shiftPattern assessment member unions { unionId shortName } leader rep neverSpokenTo lastConversationAt
  } } }
} }`;

interface Card {
  id: string; contactId: string; fullName: string; jobTitle: string | null; staffGroup: string; grade: string | null; shiftPattern: string;
  assessment: number | null; member: boolean; unions: { unionId: string; shortName: string }[]; leader: boolean; rep: boolean;
  neverSpokenTo: boolean; lastConversationAt: string | null;
}
interface Column { id: string; name: string; type: string; headcount: number; members: number; density: number | null; shifts: { shiftPattern: string; cards: Card[] }[] }
interface Chart { site: { id: string; name: string }; ward: { id: string } | null; headcount: number; members: number; density: number | null; wards: Column[] }

/**
 * The same, written independently: current staff of the wards of a site (or one ward) among the people whose
 * employer is one of `employers` or who are posted on one of `sites` (a rep's patch), with their figures.
 */
async function expected(place: { siteId?: string; wardId?: string }, who: { employers: string[]; sites: string[] },
  f: { shifts?: string[]; groups?: string[]; grades?: string[]; unions?: string[] } = {}): Promise<Map<string, Record<string, unknown>>> {
  const rows = await t.sql(`
    WITH latest AS (
      SELECT DISTINCT ON (contact_id) contact_id, value FROM assessment ORDER BY contact_id, assessed_at DESC, created_at DESC
    ), talks AS (SELECT contact_id, max(occurred_at) AS at FROM conversation GROUP BY contact_id),
    live AS (SELECT m.contact_id, m.union_id, u.short_name FROM membership m JOIN trade_union u ON u.id = m.union_id
      WHERE m.status = 'MEMBER' AND (m.leave_date IS NULL OR m.leave_date > current_date))
    SELECT c.id, p.ward_id, coalesce(c.preferred_name, c.first_name) || ' ' || c.last_name AS name, c.job_title, c.staff_group::text AS staff_group,
      c.grade::text AS grade, c.shift_pattern::text AS shift, l.value AS assessment, c.leader,
      c.id IN (SELECT contact_id FROM rep_role WHERE end_date IS NULL OR end_date > current_date) AS rep,
      c.id IN (SELECT contact_id FROM live WHERE $6::uuid[] IS NULL OR union_id = ANY($6)) AS member,
      coalesce((SELECT array_agg(short_name ORDER BY short_name) FROM live WHERE live.contact_id = c.id), '{}') AS unions,
      tk.at AS last_at
    FROM contact c JOIN posting p ON p.contact_id = c.id JOIN ward w ON w.id = p.ward_id
    LEFT JOIN latest l ON l.contact_id = c.id LEFT JOIN talks tk ON tk.contact_id = c.id
    WHERE p.end_date IS NULL AND c.deleted_at IS NULL AND (c.leave_date IS NULL OR c.leave_date > current_date)
      AND (w.site_id = $1 OR w.id = $2) AND c.organisation_id = w.organisation_id
      AND (c.employer_id = ANY($3) OR w.site_id = ANY($4))
      AND ($5::text[] IS NULL OR c.shift_pattern::text = ANY($5))
      AND ($7::text[] IS NULL OR c.staff_group::text = ANY($7))
      AND ($8::text[] IS NULL OR c.grade::text = ANY($8))`,
  [place.siteId ?? null, place.wardId ?? null, who.employers, who.sites, f.shifts ?? null, f.unions ?? null, f.groups ?? null, f.grades ?? null]);
  return new Map(rows.map((r) => [r.id, r]));
}

const cardsOf = (chart: Chart) => chart.wards.flatMap((w) => w.shifts.flatMap((s) => s.cards.map((c) => ({ ...c, wardId: w.id, group: s.shiftPattern }))));

/** Every card against its row, every column's figures against a count of the rows, nobody missing or extra. */
function check(chart: Chart, want: Map<string, Record<string, any>>): void {
  const cards = cardsOf(chart);
  expect(cards.map((c) => c.id).sort()).toEqual([...want.keys()].sort());
  for (const c of cards) {
    const r = want.get(c.id)!;
    expect({
      contactId: c.contactId, wardId: c.wardId, fullName: c.fullName, jobTitle: c.jobTitle, staffGroup: c.staffGroup, grade: c.grade, shiftPattern: c.shiftPattern,
      group: c.group, assessment: c.assessment, leader: c.leader, rep: c.rep, member: c.member, unions: c.unions.map((u) => u.shortName),
      neverSpokenTo: c.neverSpokenTo, lastConversationAt: c.lastConversationAt && new Date(c.lastConversationAt).toISOString(),
    }).toEqual({
      contactId: r.id, wardId: r.ward_id, fullName: r.name, jobTitle: r.job_title, staffGroup: r.staff_group, grade: r.grade, shiftPattern: r.shift,
      group: r.shift, assessment: r.assessment, leader: r.leader, rep: r.rep, member: r.member, unions: r.unions,
      neverSpokenTo: r.last_at === null, lastConversationAt: r.last_at && new Date(r.last_at).toISOString(),
    });
  }
  for (const w of chart.wards) {
    const mine = [...want.values()].filter((r) => r.ward_id === w.id);
    const members = mine.filter((r) => r.member).length;
    expect([w.headcount, w.members, w.density]).toEqual([mine.length, members, mine.length ? members / mine.length : null]);
  }
  const members = [...want.values()].filter((r) => r.member).length;
  expect([chart.headcount, chart.members]).toEqual([want.size, members]);
}

let site: { id: string; name: string };
let patchSite: string;
let offPatchSite: string;
let bmaSite: string;
let bmaWard: string;
let bmaUnion: string;
let unison: string;

beforeAll(async () => {
  t = await startTestApp();
  // the demo trust's site with the most current staff, and one of the rep's patch, and one off it
  [site] = await t.sql(`SELECT s.id, s.name FROM site s JOIN ward w ON w.site_id = s.id JOIN posting p ON p.ward_id = w.id AND p.end_date IS NULL
    WHERE s.employer_id = $1 GROUP BY s.id ORDER BY count(*) DESC, s.id LIMIT 1`, [t.demoEmployerId]);
  [{ id: patchSite }] = await t.sql(`SELECT site_id AS id FROM ${PATCH_SITES} x ORDER BY 1 LIMIT 1`);
  [{ id: offPatchSite }] = await t.sql(`SELECT s.id FROM site s JOIN ward w ON w.site_id = s.id JOIN posting p ON p.ward_id = w.id AND p.end_date IS NULL
    WHERE s.employer_id = $1 AND s.id NOT IN ${PATCH_SITES} GROUP BY s.id ORDER BY count(*) DESC LIMIT 1`, [t.demoEmployerId]);
  [{ id: bmaSite }] = await t.sql("SELECT s.id FROM site s JOIN organisation o ON o.id = s.organisation_id WHERE o.name LIKE 'BMA%' LIMIT 1");
  [{ id: bmaWard }] = await t.sql('SELECT id FROM ward WHERE site_id = $1 LIMIT 1', [bmaSite]);
  [{ id: bmaUnion }] = await t.sql("SELECT u.id FROM trade_union u JOIN organisation o ON o.id = u.organisation_id WHERE o.name LIKE 'BMA%' LIMIT 1");
  [{ id: unison }] = await t.sql(`SELECT id FROM trade_union WHERE organisation_id = ${UNISON} AND short_name = 'UNISON'`);
  // make sure the site's people show every flag both ways: a leader, a rep, a member and not, assessed and not, spoken to and never
  const people = (await t.sql(`SELECT c.id FROM contact c JOIN posting p ON p.contact_id = c.id AND p.end_date IS NULL JOIN ward w ON w.id = p.ward_id
    WHERE w.site_id = $1 AND c.deleted_at IS NULL ORDER BY c.last_name, c.id`, [site.id])).map((r) => r.id as string);
  await t.sql('UPDATE contact SET leader = true WHERE id = $1', [people[0]]);
  await t.sql(`INSERT INTO rep_role (organisation_id, contact_id, kind, start_date) SELECT organisation_id, id, 'WORKPLACE_REP', current_date - 30 FROM contact WHERE id = $1`, [people[1]]);
  // an ended rep role is no rep
  await t.sql(`INSERT INTO rep_role (organisation_id, contact_id, kind, start_date, end_date) SELECT organisation_id, id, 'LEARNING_REP', current_date - 300, current_date - 3
    FROM contact WHERE id = $1`, [people[2]]);
  // two assessments: the later one counts, though recorded first
  await t.sql(`INSERT INTO assessment (organisation_id, contact_id, value, assessed_at, created_at) SELECT organisation_id, id, 1, now() - interval '1 day', now() - interval '1 hour'
    FROM contact WHERE id = $1`, [people[3]]);
  await t.sql(`INSERT INTO assessment (organisation_id, contact_id, value, assessed_at, created_at) SELECT organisation_id, id, 4, now() - interval '5 days', now()
    FROM contact WHERE id = $1`, [people[3]]);
  await t.sql('DELETE FROM conversation WHERE contact_id = $1', [people[4]]);
  await t.sql('DELETE FROM assessment WHERE contact_id = $1', [people[4]]);
});
afterAll(async () => { await t?.close(); });

describe('wall chart', () => {
  it("shows a secretary every current person on the site's wards, each card and figure as counted in SQL", async () => {
    const res = await t.as('secretary')<{ wallChart: Chart }>(CHART, { s: site.id });
    expect(res.errors).toBeUndefined();
    const chart = res.data!.wallChart;
    expect(chart.site).toEqual(site);
    const wards = await t.sql('SELECT id, name, type::text FROM ward WHERE site_id = $1 ORDER BY name, id', [site.id]);
    expect(chart.wards.map((w) => ({ id: w.id, name: w.name, type: w.type }))).toEqual(wards);
    const want = await expected({ siteId: site.id }, { employers: [t.demoEmployerId], sites: [] });
    check(chart, want);
    // the check can fail: every flag comes both ways on this site
    const cards = cardsOf(chart);
    for (const flag of ['member', 'leader', 'rep', 'neverSpokenTo'] as const) {
      expect(new Set(cards.map((c) => c[flag]))).toEqual(new Set([true, false]));
    }
    expect(cards.some((c) => c.assessment === null) && cards.some((c) => c.assessment !== null)).toBe(true);
    expect(cards.find((c) => c.assessment === 1)).toBeDefined();
    // shifts in the enum's order, each named once per ward
    for (const w of chart.wards) expect(new Set(w.shifts.map((s) => s.shiftPattern)).size).toBe(w.shifts.length);
  });

  it('charts one ward', async () => {
    const ward = (await t.as('secretary')<{ wallChart: Chart }>(CHART, { s: site.id })).data!.wallChart.wards.find((w) => w.headcount > 0)!;
    const res = await t.as('secretary')<{ wallChart: Chart }>(CHART, { w: ward.id });
    expect(res.errors).toBeUndefined();
    expect(res.data!.wallChart.ward).toEqual({ id: ward.id, name: ward.name });
    expect(res.data!.wallChart.site.id).toBe(site.id);
    expect(res.data!.wallChart.wards.map((w) => w.id)).toEqual([ward.id]);
    check(res.data!.wallChart, await expected({ wardId: ward.id }, { employers: [t.demoEmployerId], sites: [] }));
  });

  it("shows a rep only their patch: the people of an off-patch site do not come", async () => {
    const on = await t.as('rep')<{ wallChart: Chart }>(CHART, { s: patchSite });
    expect(on.errors).toBeUndefined();
    const wantOn = await expected({ siteId: patchSite }, { employers: [], sites: [patchSite] });
    expect(wantOn.size).toBeGreaterThan(0);
    check(on.data!.wallChart, wantOn);
    const off = await t.as('rep')<{ wallChart: Chart }>(CHART, { s: offPatchSite });
    expect(off.errors).toBeUndefined();
    expect(off.data!.wallChart.wards.length).toBeGreaterThan(0); // the map is read by everyone in the organisation
    expect(cardsOf(off.data!.wallChart)).toEqual([]);
    expect(off.data!.wallChart.headcount).toBe(0);
    // the secretary sees people there: the rep's empty chart is the patch, not an empty site
    expect((await t.as('secretary')<{ wallChart: Chart }>(CHART, { s: offPatchSite })).data!.wallChart.headcount).toBeGreaterThan(0);
  });

  it("shows another branch's secretary none of this branch's people", async () => {
    const res = await t.as('secretary2')<{ wallChart: Chart }>(CHART, { s: site.id });
    expect(res.errors).toBeUndefined();
    expect(cardsOf(res.data!.wallChart)).toEqual([]);
  });

  it('refuses coalition viewers: no person', async () => {
    const res = await t.as('coalition')(CHART, { s: site.id });
    expect(errorOf(res).code).toBe('FORBIDDEN');
    expect(res.data?.wallChart ?? null).toBeNull();
  });

  it("says another organisation's site, ward or union does not exist", async () => {
    expect(errorOf(await t.as('secretary')(CHART, { s: bmaSite })).fields).toEqual({ siteId: 'does not exist' });
    expect(errorOf(await t.as('secretary')(CHART, { w: bmaWard })).fields).toEqual({ wardId: 'does not exist' });
    expect(errorOf(await t.as('secretary')(CHART, { s: site.id, f: { unionIds: [bmaUnion] } })).fields).toEqual({ unionIds: 'include a union that does not exist' });
    // and BMA's secretary cannot chart UNISON's site
    expect(errorOf(await t.as('bmaSecretary')(CHART, { s: site.id })).fields).toEqual({ siteId: 'does not exist' });
  });

  it('wants exactly one of a site and a ward, as valid ids', async () => {
    expect(errorOf(await t.as('secretary')(CHART, {})).fields).toEqual({ siteId: 'give a site or a ward' });
    const ward = (await t.sql('SELECT id FROM ward WHERE site_id = $1 LIMIT 1', [site.id]))[0].id;
    expect(errorOf(await t.as('secretary')(CHART, { s: site.id, w: ward })).fields).toEqual({ wardId: 'give a site or a ward, not both' });
    expect(errorOf(await t.as('secretary')(CHART, { s: 'nope' })).fields).toEqual({ siteId: 'must be a valid id' });
    expect(errorOf(await t.as('secretary')(CHART, { s: site.id, f: { unionIds: ['nope'] } })).fields).toEqual({ unionIds: 'unionIds must be a list of ids' });
  });

  it('narrows the cards by shift, staff group and grade, and counts members of the chosen unions', async () => {
    const all = (await t.as('secretary')<{ wallChart: Chart }>(CHART, { s: site.id })).data!.wallChart;
    const cards = cardsOf(all);
    const shift = cards[0].shiftPattern;
    const group = cards[cards.length - 1].staffGroup;
    const grade = cards.find((c) => c.grade)!.grade!;
    const who = { employers: [t.demoEmployerId], sites: [] };
    for (const [f, want] of [
      [{ shiftPatterns: [shift] }, { shifts: [shift] }],
      [{ staffGroups: [group] }, { groups: [group] }],
      [{ grades: [grade], shiftPatterns: [shift] }, { grades: [grade], shifts: [shift] }],
      [{ unionIds: [unison] }, { unions: [unison] }],
    ] as const) {
      const res = await t.as('secretary')<{ wallChart: Chart }>(CHART, { s: site.id, f });
      expect(res.errors).toBeUndefined();
      const rows = await expected({ siteId: site.id }, who, want as never);
      check(res.data!.wallChart, rows);
      if (!('unionIds' in f)) expect(rows.size).toBeLessThan(cards.length);
    }
    // the union filter hides nobody, and counts only that union's members
    const lens = (await t.as('secretary')<{ wallChart: Chart }>(CHART, { s: site.id, f: { unionIds: [unison] } })).data!.wallChart;
    expect(lens.headcount).toBe(all.headcount);
    const [{ n }] = await t.sql(`SELECT count(DISTINCT c.id)::int AS n FROM contact c JOIN posting p ON p.contact_id = c.id AND p.end_date IS NULL
      JOIN ward w ON w.id = p.ward_id JOIN membership m ON m.contact_id = c.id AND m.union_id = $2 AND m.status = 'MEMBER' AND (m.leave_date IS NULL OR m.leave_date > current_date)
      WHERE w.site_id = $1 AND c.deleted_at IS NULL AND (c.leave_date IS NULL OR c.leave_date > current_date) AND c.employer_id = $3`, [site.id, unison, t.demoEmployerId]);
    expect(lens.members).toBe(n);
  });

  it('reads a whole site in the same few statements however many wards and people it has (no N+1)', async () => {
    const count = async (s: string) => {
      let n = 0;
      const stop = t.counter.record(() => n++);
      try {
        const res = await t.as('secretary')(CHART, { s });
        expect(res.errors).toBeUndefined();
      } finally {
        stop();
      }
      return n;
    };
    const small = (await t.sql(`SELECT s.id FROM site s WHERE s.employer_id = $1 AND s.id <> $2 ORDER BY (SELECT count(*) FROM ward w WHERE w.site_id = s.id) LIMIT 1`,
      [t.demoEmployerId, site.id]))[0].id;
    await count(site.id); // signs in
    expect(await count(site.id)).toBe(await count(small));
    expect(await count(site.id)).toBeLessThanOrEqual(10);
  });
});
