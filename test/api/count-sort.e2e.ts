import { errorOf, startTestApp, type Login, type TestApp } from '../fixtures/app.js';

/**
 * Wards and sites sort by headcount, members and density, counted as their numbers are shown to the
 * caller (their organisation, the employers they may count): the order never ranks by people the
 * caller cannot count, and agrees with the numbers on the page.
 */
let t: TestApp;

beforeAll(async () => {
  t = await startTestApp();
});
afterAll(async () => {
  await t?.close();
});

interface Row {
  id: string;
  headcount: number | null;
  memberCount: number | null;
}

/** Null where there is no one to divide by, or the figures are withheld from the caller (a coalition viewer). */
const density = (r: Row) => (r.headcount === 0 || r.headcount === null || r.memberCount === null ? null : Math.min(r.memberCount, r.headcount) / r.headcount);

/** The rows' values in list order, nulls as the API places them (last ascending, first descending). */
function expectSorted(values: (number | null)[], order: 'ASC' | 'DESC') {
  const known = values.filter((v): v is number => v !== null);
  const nulls = values.length - known.length;
  const expected = [...known].sort((a, b) => (order === 'ASC' ? a - b : b - a));
  const placed = order === 'ASC' ? [...expected, ...Array(nulls).fill(null)] : [...Array(nulls).fill(null), ...expected];
  expect(values).toEqual(placed);
}

const LIST = {
  Wards: (field: string, order: string) => `{ rows: allWards(perPage: 500, sortField: "${field}", sortOrder: "${order}") { id headcount memberCount } }`,
  Sites: (field: string, order: string) => `{ rows: allSites(perPage: 500, sortField: "${field}", sortOrder: "${order}") { id headcount memberCount } }`,
};

describe.each(Object.keys(LIST) as (keyof typeof LIST)[])('%s by their counts', (resource) => {
  it.each(['secretary', 'rep', 'coalition', 'secretary2'] as Login[])('sort as %s sees the numbers', async (who) => {
    const as = t.as(who);
    for (const order of ['ASC', 'DESC'] as const) {
      const byDensity = await as<{ rows: Row[] }>(LIST[resource]('density', order));
      expect(byDensity.errors).toBeUndefined();
      const rows = byDensity.data!.rows;
      expect(rows.length).toBeGreaterThan(1);
      expectSorted(rows.map(density), order);

      const byHeadcount = await as<{ rows: Row[] }>(LIST[resource]('headcount', order));
      expectSorted(byHeadcount.data!.rows.map((r) => r.headcount), order);
      const byMembers = await as<{ rows: Row[] }>(LIST[resource]('memberCount', order));
      expectSorted(byMembers.data!.rows.map((r) => r.memberCount), order);
      // The same rows, only in another order.
      expect(new Set(byHeadcount.data!.rows.map((r) => r.id))).toEqual(new Set(rows.map((r) => r.id)));
    }
  });

  it('pages through a sort without losing or repeating a row', async () => {
    const as = t.as('secretary');
    const all = await as<{ rows: Row[] }>(LIST[resource]('density', 'ASC'));
    const ids: string[] = [];
    const query = resource === 'Wards' ? 'allWards' : 'allSites';
    for (let page = 0; page * 3 < all.data!.rows.length; page++) {
      const res = await as<{ rows: { id: string }[] }>(`{ rows: ${query}(page: ${page}, perPage: 3, sortField: "density", sortOrder: "ASC") { id } }`);
      ids.push(...res.data!.rows.map((r) => r.id));
    }
    expect(ids).toEqual(all.data!.rows.map((r) => r.id));
  });
});

it('counts only what the caller may count: another branch ranks the demo trust\'s wards as empty', async () => {
  // secretary2 counts the second trust only: the demo trust's wards' figures are withheld from them, so
  // sorting by headcount cannot tell their sizes apart (it would, were the sort unscoped).
  const theirs = await t.as('secretary2')<{ rows: (Row & { site: { employerId: string } })[] }>(
    '{ rows: allWards(perPage: 500, sortField: "headcount", sortOrder: "DESC") { id headcount memberCount site { employerId } } }',
  );
  const demoWards = theirs.data!.rows.filter((r) => r.site.employerId === t.demoEmployerId);
  expect(demoWards.length).toBeGreaterThan(0);
  const ours = await t.as('secretary')<{ rows: Row[] }>(
    '{ rows: allWards(perPage: 500, sortField: "headcount", sortOrder: "DESC", filter: { employerId: "' + t.demoEmployerId + '" }) { id headcount memberCount } }',
  );
  expect(ours.data!.rows.some((r) => (r.headcount ?? 0) > 0)).toBe(true);
  for (const r of demoWards) expect(r.headcount).toBeNull(); // not theirs to count: withheld
});

it('refuses an unknown sort field on the field, naming the sorts there are', async () => {
  const res = await t.as('secretary')('{ allWards(sortField: "popularity") { id } }');
  expect(errorOf(res).code).toBe('BAD_USER_INPUT');
  expect(errorOf(res).fields?.sortField).toMatch(/headcount, memberCount, density/);
});
