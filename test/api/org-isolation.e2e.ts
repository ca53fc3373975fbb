import { readFileSync } from 'node:fs';
import { buildSchema } from 'graphql';
import { type GqlResult, type Login, startTestApp, type TestApp } from '../fixtures/app.js';

/**
 * The organisation wall around what decides the walls: nothing a user of one organisation does
 * changes what a user of another organisation sees, may do, or is shown — not people, not
 * structure, not names, not counts. The BMA secretary runs every mutation of the workplace map and
 * the union list, on BMA's own rows (where they succeed) and with UNISON's ids (where they must do
 * nothing); UNISON's users must see exactly the same before and after.
 */

let t: TestApp;
afterAll(async () => { await t?.close(); });

/** What each UNISON user is shown: people, patch, structure, names and counts. */
const VIEWS = {
  people: '{ allContacts(perPage: 500, sortField: "id") { id firstName lastName employer { name } ward { id name site { name } } memberships { union { name shortName } } } _allContactsMeta { count } }',
  patch: '{ myPatch { ward { id name } headcount members assessed supportive leaders neverSpokenTo openFollowUps } }',
  coverage: '{ repCoverage { ward { id name } headcount members repCount status shiftsWithoutRep } }',
  structure: `{ allEmployers(perPage: 500, sortField: "name") { id name odsCode region }
    allSites(perPage: 500, sortField: "name") { id name kind odsCode postcode employerId headcount memberCount repCount }
    allWards(perPage: 500, sortField: "name") { id name type speciality siteId headcount memberCount repCount } }`,
  unions: '{ allUnions(perPage: 100, sortField: "name") { id name shortName memberCount } }',
};
const OBSERVERS: Login[] = ['admin', 'secretary', 'rep', 'caseworker', 'coalition', 'secretary2'];

/** Lists in a canonical order: rows that tie on a list's sort (two wards named A&E) may come either way. */
function canonical(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(canonical).sort((a, b) => (JSON.stringify(a) < JSON.stringify(b) ? -1 : 1));
  if (v && typeof v === 'object') return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, canonical(x)]));
  return v;
}

async function snapshot(): Promise<Record<string, unknown>> {
  const out: Record<string, unknown> = {};
  for (const who of OBSERVERS) {
    for (const [name, query] of Object.entries(VIEWS)) {
      // a refusal is judged by what it says, not by which of the refused fields the server reached first
      const { data, errors } = await t.as(who)(query);
      out[`${who} ${name}`] = canonical({ data, errors: [...new Set(errors?.map((e) => `${e.extensions?.code}: ${e.message}`))] });
    }
  }
  return out;
}

/** Every mutation of the workplace map and the union list, as the schema names them. */
const STRUCTURE_MUTATIONS = ['Employer', 'Site', 'Ward', 'Union'].flatMap((x) => [`create${x}`, `update${x}`, `delete${x}`]);

describe('one organisation cannot change what another sees', () => {
  beforeAll(async () => { t = await startTestApp(); });

  it('covers every mutation of the workplace map and union list in the schema', () => {
    const schema = buildSchema(readFileSync('apps/api/schema.gql', 'utf8'));
    const structural = Object.keys(schema.getMutationType()!.getFields()).filter((f) => /^(create|update|delete)(Employer|Site|Ward|Union)$/.test(f));
    expect(structural.sort()).toEqual([...STRUCTURE_MUTATIONS].sort());
  });

  it('leaves every UNISON user\'s view exactly as it was, whatever BMA does to its own map or with UNISON\'s ids', async () => {
    const unisonOrg = "(SELECT id FROM organisation WHERE name LIKE 'UNISON%')";
    const bmaOrg = "(SELECT id FROM organisation WHERE name LIKE 'BMA%')";
    const one = async (sql: string) => (await t.sql(sql))[0];
    // UNISON's rows: the demo trust, a site of the rep's patch, a ward on it with UNISON people, the UNISON union
    const theirs = {
      employer: await one(`SELECT id, name FROM employer WHERE id = '${t.demoEmployerId}'`),
      site: await one(`SELECT s.id, s.name FROM rep_patch rp JOIN app_user u ON u.id = rp.user_id JOIN site s ON s.id = rp.site_id
        WHERE u.email = 'rep@unison.example' ORDER BY s.name LIMIT 1`),
      ward: await one(`SELECT w.id, w.name FROM ward w JOIN rep_patch rp ON rp.site_id = w.site_id JOIN app_user u ON u.id = rp.user_id
        WHERE u.email = 'rep@unison.example' AND EXISTS (SELECT 1 FROM posting p WHERE p.ward_id = w.id AND p.end_date IS NULL) ORDER BY w.name LIMIT 1`),
      union: await one(`SELECT id, name FROM trade_union WHERE organisation_id = ${unisonOrg} AND short_name = 'UNISON'`),
    };
    // BMA's own copies of the same trust, site, ward and union (each organisation owns its map)
    const mine = {
      employer: await one(`SELECT id FROM employer WHERE organisation_id = ${bmaOrg} AND name = '${theirs.employer.name.replace(/'/g, "''")}'`),
      site: await one(`SELECT id FROM site WHERE organisation_id = ${bmaOrg} AND name = '${theirs.site.name.replace(/'/g, "''")}'`),
      union: await one(`SELECT id FROM trade_union WHERE organisation_id = ${bmaOrg} AND short_name = 'UNISON'`),
    };
    const otherSite = await one(`SELECT id FROM site WHERE employer_id = '${mine.employer.id}' AND id <> '${mine.site.id}' ORDER BY name LIMIT 1`);
    const myWard = await one(`SELECT id FROM ward WHERE site_id = '${mine.site.id}' ORDER BY name LIMIT 1`);
    for (const row of [...Object.values(theirs), ...Object.values(mine), otherSite, myWard]) expect(row?.id).toBeDefined();
    expect(mine.employer.id).not.toBe(theirs.employer.id);

    const before = await snapshot();
    const data = (key: string) => (before[key] as GqlResult).data;
    expect(data('rep people')?.allContacts.length).toBeGreaterThan(10);
    expect(data('secretary structure')?.allWards.length).toBeGreaterThan(5);
    expect(data('coalition structure')?.allSites.length).toBeGreaterThan(0);

    const bma = t.as('bmaSecretary');
    const ran = new Set<string>();
    const attempt = async (field: string, query: string, variables: Record<string, unknown>, expectOk: boolean) => {
      ran.add(field);
      const res = await bma(query, variables);
      if (expectOk) expect({ field, errors: res.errors }).toEqual({ field, errors: undefined });
      else expect({ field, data: res.data?.[field] ?? null, refused: !!res.errors?.length }).toEqual({ field, data: null, refused: true });
      return res.data?.[field] as { id: string } | undefined;
    };

    // With UNISON's ids: every one must fail and change nothing.
    await attempt('updateWard', 'mutation($id: ID!, $s: ID!) { updateWard(id: $id, data: { siteId: $s, name: "Moved" }) { id } }', { id: theirs.ward.id, s: mine.site.id }, false);
    await attempt('deleteWard', 'mutation($id: ID!) { deleteWard(id: $id) { id } }', { id: theirs.ward.id }, false);
    await attempt('createWard', 'mutation($s: ID!) { createWard(data: { name: "Smuggled", type: DEPARTMENT, siteId: $s }) { id } }', { s: theirs.site.id }, false);
    await attempt('updateSite', 'mutation($id: ID!, $e: ID!) { updateSite(id: $id, data: { employerId: $e, name: "Moved" }) { id } }', { id: theirs.site.id, e: mine.employer.id }, false);
    await attempt('deleteSite', 'mutation($id: ID!) { deleteSite(id: $id) { id } }', { id: theirs.site.id }, false);
    await attempt('createSite', 'mutation($e: ID!) { createSite(data: { name: "Smuggled", kind: CLINIC, employerId: $e }) { id } }', { e: theirs.employer.id }, false);
    await attempt('updateEmployer', 'mutation($id: ID!) { updateEmployer(id: $id, data: { name: "Renamed Trust" }) { id } }', { id: theirs.employer.id }, false);
    await attempt('deleteEmployer', 'mutation($id: ID!) { deleteEmployer(id: $id) { id } }', { id: theirs.employer.id }, false);
    await attempt('updateUnion', 'mutation($id: ID!) { updateUnion(id: $id, data: { name: "Renamed Union" }) { id } }', { id: theirs.union.id }, false);
    await attempt('deleteUnion', 'mutation($id: ID!) { deleteUnion(id: $id) { id } }', { id: theirs.union.id }, false);

    // On BMA's own map and list: these succeed, and still change nothing for UNISON.
    const employer = await attempt('createEmployer', 'mutation($n: String!) { createEmployer(data: { name: $n, odsCode: "RZZ" }) { id } }', { n: `${theirs.employer.name} (BMA copy)` }, true);
    await attempt('updateEmployer', 'mutation($id: ID!) { updateEmployer(id: $id, data: { region: "Somewhere else" }) { id } }', { id: mine.employer.id }, true);
    const site = await attempt('createSite', 'mutation($e: ID!, $n: String!) { createSite(data: { name: $n, kind: CLINIC, employerId: $e }) { id } }', { e: employer!.id, n: 'New clinic' }, true);
    await attempt('updateSite', 'mutation($id: ID!, $e: ID!) { updateSite(id: $id, data: { employerId: $e }) { id } }', { id: mine.site.id, e: employer!.id }, true);
    await attempt('updateWard', 'mutation($id: ID!, $s: ID!) { updateWard(id: $id, data: { siteId: $s, name: "Moved ward" }) { id } }', { id: myWard.id, s: otherSite.id }, true);
    const ward = await attempt('createWard', 'mutation($s: ID!, $n: String!) { createWard(data: { name: $n, type: DEPARTMENT, siteId: $s }) { id } }', { s: site!.id, n: theirs.ward.name }, true);
    await attempt('deleteWard', 'mutation($id: ID!) { deleteWard(id: $id) { id } }', { id: ward!.id }, true);
    await attempt('deleteSite', 'mutation($id: ID!) { deleteSite(id: $id) { id } }', { id: site!.id }, true);
    await attempt('updateUnion', 'mutation($id: ID!) { updateUnion(id: $id, data: { name: "Renamed Union" }) { id } }', { id: mine.union.id }, true);
    const union = await attempt('createUnion', 'mutation($n: String!) { createUnion(data: { name: $n, shortName: "UNISON2" }) { id } }', { n: theirs.union.name }, true);
    await attempt('deleteUnion', 'mutation($id: ID!) { deleteUnion(id: $id) { id } }', { id: union!.id }, true);
    const spare = await attempt('createEmployer', 'mutation { createEmployer(data: { name: "Spare Trust" }) { id } }', {}, true);
    await attempt('deleteEmployer', 'mutation($id: ID!) { deleteEmployer(id: $id) { id } }', { id: spare!.id }, true);
    expect([...ran].sort()).toEqual([...STRUCTURE_MUTATIONS].sort());

    const after = await snapshot();
    for (const key of Object.keys(before)) expect({ key, view: after[key] }).toEqual({ key, view: before[key] });
  });
});
