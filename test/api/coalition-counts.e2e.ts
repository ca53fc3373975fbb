import { errorOf, type Login, LOGINS, startTestApp, type TestApp } from '../fixtures/app.js';
import { type KnownSum, solveSums } from '../fixtures/slice.js';

/**
 * Exact ward and site figures go only to callers who see the people of the ward's or site's
 * employer. An aggregate-only (coalition) caller gets null headcount, members and reps on wards and
 * sites (lists, single reads, nested), null union member counts, no ranking by those figures, and in
 * densityBySite exactly the SITE table of the slice family densitySlice gives them. A test then asks
 * every answer a coalition viewer can get and tries to work out each withheld figure from them all.
 */
let t: TestApp;
beforeAll(async () => { t = await startTestApp(); });
afterAll(async () => { await t?.close(); });

interface Counted { id: string; headcount: number | null; memberCount: number | null; repCount: number | null }
interface Figures { headcount: number | null; members: number | null; density: number | null; suppressed: boolean; suppression: string | null }
interface Key { dimension: string; value: string | null }
interface SliceRow { keys: Key[]; headcount: number | null; members: number | null; suppressed: boolean }
interface Slice { rows: SliceRow[]; margins: SliceRow[]; total: SliceRow }

const COUNTS = 'id headcount memberCount repCount';
const SLICE = `query($by: [SliceDimension!]!) { densitySlice(by: $by) { rows { keys { dimension value } headcount members suppressed }
  margins { keys { dimension value } headcount members suppressed } total { keys { dimension value } headcount members suppressed } } }`;
const BY_SITE = '{ densityBySite { sites { id headcount members density suppressed suppression site { employerId headcount memberCount } } total { headcount members suppressed } } }';

const employerOf = async (level: 'ward' | 'site', id: string): Promise<string> => (await t.sql(level === 'ward'
  ? 'SELECT s.employer_id AS e FROM ward w JOIN site s ON s.id = w.site_id WHERE w.id = $1' : 'SELECT employer_id AS e FROM site WHERE id = $1', [id]))[0].e;

/** Current staff and members on a ward or site, counted here in SQL, of the login's organisation. */
async function truth(who: Login, level: 'ward' | 'site', id: string): Promise<{ headcount: number; members: number }> {
  const [r] = await t.sql(`SELECT count(*)::int AS headcount, count(*) FILTER (WHERE EXISTS (SELECT 1 FROM membership m WHERE m.contact_id = c.id
      AND m.status = 'MEMBER' AND (m.leave_date IS NULL OR m.leave_date > current_date)))::int AS members
    FROM posting p JOIN contact c ON c.id = p.contact_id JOIN ward w ON w.id = p.ward_id
    WHERE ${level === 'ward' ? 'w.id' : 'w.site_id'} = $1 AND p.end_date IS NULL AND c.deleted_at IS NULL AND (c.leave_date IS NULL OR c.leave_date > current_date)
      AND c.organisation_id = (SELECT organisation_id FROM app_user WHERE email = $2)`, [id, LOGINS[who]]);
  return r;
}

describe('ward and site figures', () => {
  it('are null for a coalition viewer everywhere a ward or site is given: lists, single reads, nested, and union members', async () => {
    const as = t.as('coalition');
    const res = await as<{ allWards: (Counted & { site: Counted })[]; allSites: Counted[]; allUnions: { memberCount: number | null }[] }>(
      `{ allWards(perPage: 500) { ${COUNTS} site { ${COUNTS} } } allSites(perPage: 500) { ${COUNTS} } allUnions { memberCount } }`);
    expect(res.errors).toBeUndefined();
    const { allWards, allSites, allUnions } = res.data!;
    expect(allWards.length).toBeGreaterThan(3);
    expect(allSites.length).toBeGreaterThan(1);
    for (const r of [...allWards, ...allWards.map((w) => w.site), ...allSites]) expect(r).toMatchObject({ headcount: null, memberCount: null, repCount: null });
    for (const u of allUnions) expect(u.memberCount).toBeNull();
    // the wards do have people: the secretary gets their numbers
    expect(await truth('secretary', 'ward', allWards[0].id)).not.toEqual({ headcount: 0, members: 0 });

    const one = await as<{ Ward: Counted; Site: Counted }>(`query($w: ID!, $s: ID!) { Ward(id: $w) { ${COUNTS} } Site(id: $s) { ${COUNTS} } }`,
      { w: allWards[0].id, s: allSites[0].id });
    expect(one.data).toEqual({ Ward: { id: allWards[0].id, headcount: null, memberCount: null, repCount: null }, Site: { id: allSites[0].id, headcount: null, memberCount: null, repCount: null } });
    const nested = await as<{ densityBySite: { sites: { site: { headcount: number | null; memberCount: number | null } }[] } }>(BY_SITE);
    for (const s of nested.data!.densityBySite.sites) expect(s.site).toMatchObject({ headcount: null, memberCount: null });
  });

  it('are the counts for the branch secretary and for a rep on their patch', async () => {
    for (const who of ['secretary', 'rep'] as Login[]) {
      const res = await t.as(who)<{ allWards: Counted[]; allSites: Counted[] }>(`{ allWards(perPage: 500) { ${COUNTS} } allSites(perPage: 500) { ${COUNTS} } }`);
      expect(res.errors).toBeUndefined();
      let checked = 0;
      for (const [level, rows] of [['ward', res.data!.allWards], ['site', res.data!.allSites]] as const) {
        for (const r of rows) {
          if (await employerOf(level, r.id) !== t.demoEmployerId) continue;
          const n = await truth(who, level, r.id);
          expect({ id: r.id, headcount: r.headcount, members: r.memberCount }).toEqual({ id: r.id, ...n });
          checked += 1;
        }
      }
      expect(checked).toBeGreaterThan(4);
    }
    const [{ ward }] = await t.sql(`SELECT w.id AS ward FROM rep_patch rp JOIN app_user u ON u.id = rp.user_id JOIN ward w ON w.site_id = rp.site_id
      WHERE u.email = $1 AND EXISTS (SELECT 1 FROM posting p WHERE p.ward_id = w.id AND p.end_date IS NULL) LIMIT 1`, [LOGINS.rep]);
    const patch = await t.as('rep')<{ Ward: Counted }>(`query($w: ID!) { Ward(id: $w) { ${COUNTS} } }`, { w: ward });
    expect(patch.data!.Ward.headcount).toBe((await truth('rep', 'ward', ward)).headcount);
    expect(patch.data!.Ward.headcount).toBeGreaterThan(0);
  });

  it('sort a coalition viewer\'s list by nothing withheld: by headcount, members or density it is the order of ids', async () => {
    for (const list of ['allWards', 'allSites']) {
      for (const order of ['ASC', 'DESC']) {
        const byId = (await t.as('coalition')<{ rows: Counted[] }>(`{ rows: ${list}(perPage: 500, sortField: "id", sortOrder: "${order}") { id } }`)).data!.rows.map((r) => r.id);
        for (const field of ['headcount', 'memberCount', 'density']) {
          const res = await t.as('coalition')<{ rows: Counted[] }>(`{ rows: ${list}(perPage: 500, sortField: "${field}", sortOrder: "${order}") { id } }`);
          expect(res.errors).toBeUndefined();
          expect({ list, field, order, ids: res.data!.rows.map((r) => r.id) }).toEqual({ list, field, order, ids: byId });
        }
      }
    }
    // the secretary's sort still ranks by the figures (the smallest ward by headcount first)
    const sec = (await t.as('secretary')<{ rows: Counted[] }>('{ rows: allWards(perPage: 500, sortField: "headcount", sortOrder: "DESC", filter: { employerId: "' + t.demoEmployerId + '" }) { id headcount } }')).data!.rows;
    expect(sec.map((r) => r.headcount)).toEqual([...sec.map((r) => r.headcount)].sort((a, b) => b! - a!));
    expect(sec[0].headcount).toBeGreaterThan(sec[sec.length - 1].headcount!);
  });

  it('give someone who is a rep in one branch and a coalition viewer in another the figures only where they see the people', async () => {
    await t.sql(`INSERT INTO user_branch_role (user_id, branch_id, role)
      SELECT u.id, r.branch_id, 'COALITION_VIEWER' FROM app_user u, user_branch_role r JOIN app_user s ON s.id = r.user_id
      WHERE u.email = $1 AND s.email = $2 LIMIT 1`, [LOGINS.rep, LOGINS.secretary2]);
    try {
      const res = await t.as('rep')<{ allWards: (Counted & { site: { employerId: string } })[]; byHeadcount: (Counted & { site: { employerId: string } })[] }>(
        `{ allWards(perPage: 500) { ${COUNTS} site { employerId } } byHeadcount: allWards(perPage: 500, sortField: "headcount", sortOrder: "DESC") { ${COUNTS} site { employerId } } }`);
      expect(res.errors).toBeUndefined();
      const other = res.data!.allWards.filter((w) => w.site.employerId === t.otherEmployerId);
      const own = res.data!.allWards.filter((w) => w.site.employerId === t.demoEmployerId);
      expect(other.length).toBeGreaterThan(0);
      // the second trust has people the rep now counts as a coalition partner: withheld
      expect(await Promise.all(other.map((w) => truth('rep', 'ward', w.id).then((n) => n.headcount)))).toContainEqual(expect.any(Number));
      for (const w of other) expect(w).toMatchObject({ headcount: null, memberCount: null, repCount: null });
      for (const w of own) expect(w.headcount).toBe((await truth('rep', 'ward', w.id)).headcount);
      // sorted: the rep's own branch's wards by their headcount, the withheld ones first (nulls first descending), in id order
      const sorted = res.data!.byHeadcount;
      const nulls = sorted.filter((w) => w.headcount === null);
      expect(sorted.slice(0, nulls.length).every((w) => w.site.employerId === t.otherEmployerId)).toBe(true);
      expect(nulls.map((w) => w.id)).toEqual([...nulls.map((w) => w.id)].sort().reverse());
      const known = sorted.slice(nulls.length).map((w) => w.headcount!);
      expect(known).toEqual([...known].sort((a, b) => b - a));
    } finally {
      await t.sql(`DELETE FROM user_branch_role WHERE role = 'COALITION_VIEWER' AND user_id = (SELECT id FROM app_user WHERE email = $1)`, [LOGINS.rep]);
    }
  });
});

describe('densityBySite for a coalition viewer', () => {
  it('is the SITE table of densitySlice: every site equal or withheld in both, and the same total', async () => {
    const by = (await t.as('coalition')<{ densityBySite: { sites: (Figures & { id: string })[]; total: Figures } }>(BY_SITE)).data!.densityBySite;
    const slice = (await t.as('coalition')<{ densitySlice: Slice }>(SLICE, { by: ['SITE'] })).data!.densitySlice;
    const rows = new Map(slice.rows.map((r) => [r.keys[0].value, r]));
    expect(by.sites.some((s) => s.suppressed)).toBe(true);
    for (const s of by.sites) {
      const r = rows.get(s.id);
      if (!r) { expect(s).toMatchObject({ headcount: 0, members: 0, suppressed: false }); continue; }
      expect({ id: s.id, suppressed: s.suppressed, headcount: s.headcount, members: s.members })
        .toEqual({ id: s.id, suppressed: r.suppressed, headcount: r.headcount, members: r.members });
    }
    expect(rows.size).toBe(by.sites.filter((s) => rows.has(s.id)).length);
    expect({ suppressed: by.total.suppressed, headcount: by.total.headcount, members: by.total.members })
      .toEqual({ suppressed: slice.total.suppressed, headcount: slice.total.headcount, members: slice.total.members });
  });

  it('still gives the secretary every site\'s figures', async () => {
    const by = (await t.as('secretary')<{ densityBySite: { sites: (Figures & { id: string })[] } }>(BY_SITE)).data!.densityBySite;
    for (const s of by.sites) {
      expect(s.suppressed).toBe(false);
      expect({ id: s.id, headcount: s.headcount, members: s.members }).toEqual({ id: s.id, ...(await truth('secretary', 'site', s.id)) });
    }
  });
});

/**
 * The attacker (coalition viewer) writes down every figure of allWards, allSites (lists and their
 * nested sites), densityBySite and every densitySlice table of the allowed dimensions, and every sum
 * it knows: each one-dimension table adds up to the total, each two-dimension row or column to its
 * margin, an employer to its sites, a site to its wards; then solves any sum with one figure
 * unknown, again and again. A site's cell is the same people as its (employer, site) cell, so they
 * are one unknown. No withheld figure may come out.
 */
it('no withheld figure comes out of allWards, allSites, densityBySite and densitySlice together', async () => {
  const as = t.as('coalition');
  const ALLOWED = ['EMPLOYER', 'SITE', 'WARD_TYPE', 'STAFF_GROUP', 'UNION'];
  const lists = (await as<{ allWards: (Counted & { siteId: string })[]; allSites: (Counted & { employerId: string })[] }>(
    `{ allWards(perPage: 500) { ${COUNTS} siteId } allSites(perPage: 500) { ${COUNTS} employerId } }`)).data!;
  const employerOfSite = new Map(lists.allSites.map((s) => [s.id, s.employerId]));
  const id = (keys: Key[]) => {
    const sorted = [...keys].sort((x, y) => ALLOWED.indexOf(x.dimension) - ALLOWED.indexOf(y.dimension));
    // a site lies in one employer: (employer, site) is the site's own cell
    const site = sorted.some((k) => k.dimension === 'SITE');
    return JSON.stringify(sorted.filter((k) => !(site && k.dimension === 'EMPLOYER')).map((k) => [k.dimension, k.value]));
  };
  const known = new Map<string, number>();
  const withheld = new Set<string>();
  const cells = new Map<string, Key[]>();
  const note = (keys: Key[], r: { headcount: number | null; members: number | null; suppressed: boolean }) => {
    const k = id(keys);
    cells.set(k, keys);
    if (r.suppressed) { withheld.add(k); return; }
    known.set(`m${k}`, r.members!);
    known.set(`h${k}`, r.headcount!);
  };
  for (const a of ALLOWED) {
    for (const b of [null, ...ALLOWED]) {
      if (a === b) continue;
      const s = (await as<{ densitySlice: Slice }>(SLICE, { by: b ? [a, b] : [a] })).data!.densitySlice;
      for (const r of [...s.rows, ...s.margins, s.total]) note(r.keys, r);
    }
  }
  const by = (await as<{ densityBySite: { sites: (Figures & { id: string })[]; total: Figures } }>(BY_SITE)).data!.densityBySite;
  for (const s of by.sites) note([{ dimension: 'SITE', value: s.id }], s);
  note([], by.total);
  // ward and site figures: a ward is its own unknown, summing to its site
  const wardKey = (w: string) => `["WARD","${w}"]`;
  for (const w of lists.allWards) if (w.headcount !== null) { known.set(`h${wardKey(w.id)}`, w.headcount); known.set(`m${wardKey(w.id)}`, w.memberCount!); }
  for (const s of lists.allSites) {
    const k = id([{ dimension: 'SITE', value: s.id }]);
    if (s.headcount !== null) { known.set(`h${k}`, s.headcount); known.set(`m${k}`, s.memberCount!); }
  }
  expect(withheld.size).toBeGreaterThan(3);

  const sums: KnownSum[] = [];
  const all = [...cells.values()];
  for (const d of ALLOWED) if (d !== 'UNION') sums.push({ whole: id([]), parts: [...new Set(all.filter((k) => k.length === 1 && k[0].dimension === d).map(id))] });
  for (const k of all) {
    if (k.length !== 2) continue;
    for (const [side, other] of [[0, 1], [1, 0]]) {
      if (k[side].dimension === 'UNION' || k[other].dimension === 'UNION') continue;
      const line = all.filter((x) => x.length === 2 && x[other].dimension === k[other].dimension && x[other].value === k[other].value && x[side].dimension === k[side].dimension);
      sums.push({ whole: id([k[other]]), parts: [...new Set(line.map(id))] });
    }
  }
  // an employer is the sum of its sites; a site of its wards
  for (const e of new Set(employerOfSite.values())) {
    sums.push({ whole: id([{ dimension: 'EMPLOYER', value: e }]), parts: [...employerOfSite].filter(([, x]) => x === e).map(([s]) => id([{ dimension: 'SITE', value: s }])) });
  }
  for (const s of lists.allSites) {
    sums.push({ whole: id([{ dimension: 'SITE', value: s.id }]), parts: lists.allWards.filter((w) => w.siteId === s.id).map((w) => wardKey(w.id)) });
  }
  solveSums(known, sums);
  const recovered = [...withheld].filter((k) => known.has(`m${k}`) || known.has(`h${k}`));
  expect(recovered).toEqual([]);
});

it('refuses an anonymous caller the figures', async () => {
  const res = await t.gql('{ allWards { id headcount } }');
  expect(errorOf(res).code).toBe('UNAUTHENTICATED');
});
