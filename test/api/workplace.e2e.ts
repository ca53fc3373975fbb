import { errorOf, startTestApp, type TestApp } from '../fixtures/app.js';

let t: TestApp;
let sec: ReturnType<TestApp['as']>;
beforeAll(async () => {
  t = await startTestApp();
  sec = t.as('secretary');
});
afterAll(async () => { await t?.close(); });

const count = async (table: string) => (await t.sql(`SELECT count(*)::int AS n FROM ${table}`))[0].n as number;

describe('employers', () => {
  it('creates, reads, updates, lists and deletes', async () => {
    const created = await sec('mutation { createEmployer(data: { name: "Westmoor Health Board", odsCode: "WHB1", region: "Wales" }) { id name odsCode } }');
    expect(created.errors).toBeUndefined();
    const id = created.data?.createEmployer.id;
    const read = await sec('query($id: ID!) { Employer(id: $id) { name region } }', { id });
    expect(read.data?.Employer).toEqual({ name: 'Westmoor Health Board', region: 'Wales' });
    const updated = await sec('mutation($id: ID!) { updateEmployer(id: $id, data: { region: "North Wales" }) { region name } }', { id });
    expect(updated.data?.updateEmployer).toEqual({ region: 'North Wales', name: 'Westmoor Health Board' });
    const found = await sec('{ allEmployers(filter: { q: "westmoor" }) { id } _allEmployersMeta(filter: { q: "westmoor" }) { count } }');
    expect(found.data).toEqual({ allEmployers: [{ id }], _allEmployersMeta: { count: 1 } });
    const deleted = await sec('mutation($id: ID!) { deleteEmployer(id: $id) { id name } }', { id });
    expect(deleted.data?.deleteEmployer).toEqual({ id, name: 'Westmoor Health Board' });
    expect(errorOf(await sec('query($id: ID!) { Employer(id: $id) { id } }', { id })).code).toBe('NOT_FOUND');
  });

  it('refuses a duplicate name or a bad ODS code, naming the field, and changes nothing', async () => {
    const before = await count('employer');
    const [{ name }] = await t.sql('SELECT name FROM employer LIMIT 1');
    const dup = await sec('mutation($n: String!) { createEmployer(data: { name: $n }) { id } }', { n: name });
    expect(errorOf(dup)).toMatchObject({ code: 'BAD_USER_INPUT', fields: { name: 'an employer with this name already exists' } });
    const ods = await sec('mutation { createEmployer(data: { name: "Odd Trust", odsCode: "no good" }) { id } }');
    expect(errorOf(ods).fields?.odsCode).toMatch(/3–5 capital letters/);
    const blank = await sec('mutation { createEmployer(data: { name: "" }) { id } }');
    expect(errorOf(blank).fields).toEqual({ name: 'name is required' });
    expect(await count('employer')).toBe(before);
  });

  it('refuses to delete an employer that still has sites', async () => {
    const [{ id }] = await t.sql('SELECT employer_id AS id FROM site LIMIT 1');
    const res = await sec('mutation($id: ID!) { deleteEmployer(id: $id) { id } }', { id });
    expect(errorOf(res).code).toBe('BAD_USER_INPUT');
    expect(errorOf(res).fields?.id).toMatch(/^cannot delete: it still has (sites|contacts)$/);
    expect((await t.sql('SELECT 1 FROM employer WHERE id = $1', [id])).length).toBe(1);
  });
});

describe('sites', () => {
  it('creates a site, lists it by employer with its employer, and sorts', async () => {
    const [{ id: employerId }] = await t.sql('SELECT id FROM employer LIMIT 1');
    const created = await sec(
      'mutation($e: ID!) { createSite(data: { name: "Aardvark Clinic", kind: CLINIC, employerId: $e, postcode: "NR1 3SR" }) { id employer { id } headcount memberCount } }',
      { e: employerId },
    );
    expect(created.errors).toBeUndefined();
    expect(created.data?.createSite).toMatchObject({ employer: { id: employerId }, headcount: 0, memberCount: 0 });
    const list = await sec('query($e: ID!) { allSites(filter: { employerId: $e }, sortField: "name", sortOrder: "ASC") { name } }', { e: employerId });
    expect(list.data?.allSites[0].name).toBe('Aardvark Clinic');
    const desc = await sec('query($e: ID!) { allSites(filter: { employerId: $e }, sortField: "name", sortOrder: "DESC") { name } }', { e: employerId });
    expect(desc.data?.allSites.at(-1).name).toBe('Aardvark Clinic');
    const clinics = await sec('{ allSites(filter: { kind: CLINIC }) { kind } }');
    expect(clinics.data?.allSites.every((s: { kind: string }) => s.kind === 'CLINIC')).toBe(true);
  });

  it('refuses a bad enum, a missing field, an unknown employer and a bad postcode', async () => {
    const before = await count('site');
    const [{ id: employerId }] = await t.sql('SELECT id FROM employer LIMIT 1');
    const badEnum = await sec('mutation($e: ID!) { createSite(data: { name: "X", kind: CASTLE, employerId: $e }) { id } }', { e: employerId });
    expect(errorOf(badEnum).code).toBe('GRAPHQL_VALIDATION_FAILED');
    expect(errorOf(badEnum).message).toMatch(/CASTLE/);
    const badEnumVar = await sec('mutation($d: SiteCreateInput!) { createSite(data: $d) { id } }', { d: { name: 'X', kind: 'CASTLE', employerId } });
    expect(errorOf(badEnumVar).code).toBe('BAD_USER_INPUT');
    expect(errorOf(badEnumVar).message).toMatch(/"d\.kind"/);
    const missing = await sec('mutation($e: ID!) { createSite(data: { kind: CLINIC, employerId: $e }) { id } }', { e: employerId });
    expect(errorOf(missing).message).toMatch(/name/);
    const unknown = await sec('mutation { createSite(data: { name: "Ghost", kind: CLINIC, employerId: "00000000-0000-4000-8000-000000000000" }) { id } }');
    expect(errorOf(unknown)).toMatchObject({ code: 'BAD_USER_INPUT', fields: { employerId: 'does not exist' } });
    const postcode = await sec('mutation($e: ID!) { createSite(data: { name: "P", kind: CLINIC, employerId: $e, postcode: "12345" }) { id } }', { e: employerId });
    expect(errorOf(postcode).fields?.postcode).toMatch(/UK postcode/);
    expect(await count('site')).toBe(before);
  });
});

describe('wards', () => {
  it('lists wards of a site with headcount, members and reps, paginated with a matching count', async () => {
    const [{ id: siteId }] = await t.sql('SELECT w.site_id AS id FROM ward w JOIN site s ON s.id = w.site_id WHERE s.employer_id = $1 GROUP BY w.site_id ORDER BY count(*) DESC LIMIT 1', [t.demoEmployerId]);
    const all = await sec('query($s: ID!) { allWards(filter: { siteId: $s }, perPage: 100) { id } _allWardsMeta(filter: { siteId: $s }) { count } }', { s: siteId });
    const n = all.data?._allWardsMeta.count;
    expect(all.data?.allWards).toHaveLength(n);
    const page0 = await sec('query($s: ID!) { allWards(filter: { siteId: $s }, perPage: 2, page: 0) { id } }', { s: siteId });
    const page1 = await sec('query($s: ID!) { allWards(filter: { siteId: $s }, perPage: 2, page: 1) { id } }', { s: siteId });
    expect(page0.data?.allWards).toHaveLength(2);
    expect(page1.data?.allWards[0].id).not.toBe(page0.data?.allWards[0].id);

    const [w] = await t.sql(`SELECT p.ward_id AS id, count(*)::int AS n FROM posting p JOIN contact c ON c.id = p.contact_id
      JOIN organisation o ON o.id = c.organisation_id WHERE p.end_date IS NULL AND o.name LIKE 'UNISON%' AND c.deleted_at IS NULL
      AND (c.leave_date IS NULL OR c.leave_date > current_date) AND c.employer_id = $1 GROUP BY p.ward_id ORDER BY 2 DESC LIMIT 1`, [t.demoEmployerId]);
    const ward = await sec('query($id: ID!) { Ward(id: $id) { headcount memberCount repCount site { name } } }', { id: w.id });
    expect(ward.data?.Ward.headcount).toBe(w.n);
    expect(ward.data?.Ward.memberCount).toBeLessThanOrEqual(w.n);
    expect(ward.data?.Ward.site.name).toBeTruthy();
  });

  it('refuses an unknown sort field without reaching SQL', async () => {
    const res = await sec('{ allWards(sortField: "name; DROP TABLE ward") { id } }');
    expect(errorOf(res).fields?.sortField).toMatch(/cannot sort by/);
    expect(await count('ward')).toBeGreaterThan(0);
  });

  it('refuses a duplicate ward name on one site and deleting a ward with people on it', async () => {
    const [{ id, name, site_id }] = await t.sql('SELECT w.id, w.name, w.site_id FROM ward w WHERE EXISTS (SELECT 1 FROM posting p WHERE p.ward_id = w.id) LIMIT 1');
    const dup = await sec('mutation($s: ID!, $n: String!) { createWard(data: { name: $n, type: INPATIENT_WARD, siteId: $s }) { id } }', { s: site_id, n: name });
    expect(errorOf(dup).fields).toEqual({ name: 'this site already has a ward with this name' });
    const del = await sec('mutation($id: ID!) { deleteWard(id: $id) { id } }', { id });
    expect(errorOf(del).fields).toEqual({ id: 'cannot delete: it still has people posted to it' });
  });

  it('creates, renames and deletes an empty ward', async () => {
    const [{ id: siteId }] = await t.sql('SELECT id FROM site LIMIT 1');
    const c = await sec('mutation($s: ID!) { createWard(data: { name: "Ward 99Z", type: DEPARTMENT, siteId: $s, speciality: "Audiology" }) { id type speciality } }', { s: siteId });
    const id = c.data?.createWard.id;
    expect(c.data?.createWard).toMatchObject({ type: 'DEPARTMENT', speciality: 'Audiology' });
    const u = await sec('mutation($id: ID!) { updateWard(id: $id, data: { name: "Ward 99Y" }) { name } }', { id });
    expect(u.data?.updateWard.name).toBe('Ward 99Y');
    expect((await sec('mutation($id: ID!) { deleteWard(id: $id) { id } }', { id })).errors).toBeUndefined();
  });
});

describe('unions', () => {
  it('lists unions with members recorded by the caller organisation, and refuses duplicates', async () => {
    const res = await sec('{ allUnions(sortField: "shortName") { shortName memberCount } }');
    const names = res.data?.allUnions.map((u: { shortName: string }) => u.shortName);
    expect(names).toEqual([...names].sort());
    const unison = res.data?.allUnions.find((u: { shortName: string }) => u.shortName === 'UNISON');
    expect(unison.memberCount).toBeGreaterThan(0);
    const bma = await t.as('bmaSecretary')('{ allUnions { shortName memberCount } }');
    expect(bma.data?.allUnions.find((u: { shortName: string }) => u.shortName === 'UNISON').memberCount).toBeLessThan(unison.memberCount);
    const dup = await sec('mutation { createUnion(data: { name: "Another", shortName: "UNISON" }) { id } }');
    expect(errorOf(dup).fields).toEqual({ shortName: 'a union with this short name already exists' });
    const ok = await sec('mutation { createUnion(data: { name: "Royal College of Midwives", shortName: "RCM" }) { id shortName memberCount } }');
    expect(ok.data?.createUnion).toMatchObject({ shortName: 'RCM', memberCount: 0 });
  });
});

describe('who may change the workplace structure', () => {
  it("lets a branch change its own employer's sites and wards, not another branch's; an unclaimed employer is open", async () => {
    const [mine] = await t.sql('SELECT id FROM site WHERE employer_id = $1 ORDER BY name LIMIT 1', [t.demoEmployerId]);
    const [theirs] = await t.sql('SELECT id, name FROM site WHERE employer_id = $1 ORDER BY name LIMIT 1', [t.otherEmployerId]);
    const [theirWard] = await t.sql('SELECT id, name FROM ward WHERE site_id = $1 LIMIT 1', [theirs.id]);
    const RENAME_SITE = 'mutation($id: ID!, $n: String!) { updateSite(id: $id, data: { name: $n }) { name } }';
    expect((await t.as('secretary')(RENAME_SITE, { id: mine.id, n: 'Riverside Renamed' })).errors).toBeUndefined();
    // Another branch of one's own organisation: refused. Another organisation's map: not there at all.
    for (const [who, code] of [['secretary', 'FORBIDDEN'], ['bmaSecretary', 'NOT_FOUND']] as const) {
      expect(errorOf(await t.as(who)(RENAME_SITE, { id: theirs.id, n: 'Taken over' })).code).toBe(code);
      expect(errorOf(await t.as(who)('mutation($id: ID!) { updateWard(id: $id, data: { name: "Taken over" }) { id } }', { id: theirWard.id })).code).toBe(code);
    }
    expect(errorOf(await t.as('secretary')('mutation($s: ID!) { createWard(data: { name: "Smuggled ward", type: DEPARTMENT, siteId: $s }) { id } }', { s: theirs.id })).code).toBe('FORBIDDEN');
    expect(errorOf(await t.as('bmaSecretary')('mutation($s: ID!) { createWard(data: { name: "Smuggled ward", type: DEPARTMENT, siteId: $s }) { id } }', { s: theirs.id })).fields).toEqual({ siteId: 'does not exist' });
    expect(errorOf(await t.as('secretary')('mutation($id: ID!, $e: ID!) { updateSite(id: $id, data: { employerId: $e }) { id } }', { id: mine.id, e: t.otherEmployerId })).code).toBe('FORBIDDEN');
    expect(errorOf(await t.as('bmaSecretary')('mutation($id: ID!, $e: ID!) { updateSite(id: $id, data: { employerId: $e }) { id } }', { id: mine.id, e: t.otherEmployerId })).code).toBe('NOT_FOUND');
    expect((await t.sql('SELECT name FROM site WHERE id = $1', [theirs.id]))[0].name).toBe(theirs.name);
    expect((await t.sql('SELECT name FROM ward WHERE id = $1', [theirWard.id]))[0].name).toBe(theirWard.name);
    expect((await t.sql("SELECT count(*)::int AS n FROM ward WHERE name = 'Smuggled ward'"))[0].n).toBe(0);
    // secretary2's branch organises the other trust
    expect((await t.as('secretary2')(RENAME_SITE, { id: theirs.id, n: `${theirs.name} (renamed)` })).errors).toBeUndefined();
    // a new employer belongs to no branch yet: anyone of its organisation who may change the structure may build it up
    const created = await t.as('secretary2')('mutation { createEmployer(data: { name: "Unclaimed Trust" }) { id } }');
    const NEW_SITE = 'mutation($e: ID!) { createSite(data: { name: "New Site", kind: CLINIC, employerId: $e }) { id } }';
    expect((await t.as('secretary')(NEW_SITE, { e: created.data?.createEmployer.id })).errors).toBeUndefined();
    // …but it is in that organisation's map only: to another organisation it does not exist
    expect(errorOf(await t.as('bmaSecretary')(NEW_SITE, { e: created.data?.createEmployer.id })).fields).toEqual({ employerId: 'does not exist' });
  });
});
