import { errorOf, startTestApp, type TestApp } from '../fixtures/app.js';

/** A rep sees and changes only people posted on the sites of their patch. */
let t: TestApp;
let onPatch: { id: string; site_id: string; employer_id: string; contact_id: string };
let offPatch: { id: string; site_id: string; contact_id: string };

beforeAll(async () => {
  t = await startTestApp();
  const sql = (patch: boolean) => `SELECT w.id, w.site_id, s.employer_id, p.contact_id FROM ward w JOIN site s ON s.id = w.site_id
    JOIN posting p ON p.ward_id = w.id AND p.end_date IS NULL JOIN contact c ON c.id = p.contact_id
    JOIN organisation o ON o.id = c.organisation_id AND o.name LIKE 'UNISON%'
    WHERE s.employer_id = $1 AND w.site_id ${patch ? '' : 'NOT '}IN (SELECT rp.site_id FROM rep_patch rp JOIN app_user u ON u.id = rp.user_id WHERE u.email = 'rep@unison.example')
    ORDER BY c.last_name LIMIT 1`;
  [onPatch] = await t.sql(sql(true), [t.demoEmployerId]);
  [offPatch] = await t.sql(sql(false), [t.demoEmployerId]);
});
afterAll(async () => { await t?.close(); });

describe('a rep\'s patch', () => {
  it('exists in the demo data, and leaves people outside it', () => {
    expect(onPatch).toBeDefined();
    expect(offPatch).toBeDefined();
  });

  it('limits lists and counts to people on the patch', async () => {
    const rep = await t.as('rep')('{ allContacts(perPage: 500) { id ward { site { id } } } _allContactsMeta { count } }');
    const sec = await t.as('secretary')('{ _allContactsMeta { count } }');
    const sites = new Set(rep.data?.allContacts.map((c: { ward: { site: { id: string } } }) => c.ward.site.id));
    expect(sites).toEqual(new Set([onPatch.site_id]));
    expect(rep.data?._allContactsMeta.count).toBe(rep.data?.allContacts.length);
    expect(rep.data?._allContactsMeta.count).toBeLessThan(sec.data?._allContactsMeta.count);
    const probe = await t.as('rep')('query($s: ID!) { _allContactsMeta(filter: { siteId: $s }) { count } }', { s: offPatch.site_id });
    expect(probe.data?._allContactsMeta.count).toBe(0);
  });

  it('hides people off the patch by id, by filter, through memberships and rep roles', async () => {
    const rep = t.as('rep');
    expect(errorOf(await rep('query($id: ID!) { Contact(id: $id) { id } }', { id: offPatch.contact_id })).code).toBe('NOT_FOUND');
    expect((await rep('query($id: ID!) { Contact(id: $id) { id } }', { id: onPatch.contact_id })).data?.Contact.id).toBe(onPatch.contact_id);
    const byIds = await rep('query($ids: [String!]) { allContacts(filter: { ids: $ids }) { id } }', { ids: [offPatch.contact_id] });
    expect(byIds.data?.allContacts).toEqual([]);
    const ms = await rep('query($c: ID!) { allMemberships(filter: { contactId: $c }) { id } _allMembershipsMeta(filter: { contactId: $c }) { count } }', { c: offPatch.contact_id });
    expect(ms.data).toEqual({ allMemberships: [], _allMembershipsMeta: { count: 0 } });
    const all = await rep('{ allMemberships(perPage: 500) { contact { id ward { siteId } } } allRepRoles(perPage: 500) { contact { ward { siteId } } } }');
    for (const m of [...all.data?.allMemberships, ...all.data?.allRepRoles]) expect(m.contact.ward.siteId).toBe(onPatch.site_id);
  });

  it('refuses changes to people off the patch and new people on wards off it', async () => {
    const rep = t.as('rep');
    const upd = await rep('mutation($id: ID!) { updateContact(id: $id, data: { jobTitle: "X" }) { id } }', { id: offPatch.contact_id });
    expect(errorOf(upd).code).toBe('NOT_FOUND');
    const [{ id: unionId }] = await t.sql("SELECT id FROM trade_union WHERE short_name ILIKE 'unite'");
    const m = await rep('mutation($c: ID!, $u: ID!) { createMembership(data: { contactId: $c, unionId: $u, status: MEMBER, source: SELF_REPORTED }) { id } }', { c: offPatch.contact_id, u: unionId });
    expect(errorOf(m).fields).toEqual({ contactId: 'does not exist' });
    const person = { firstName: 'Patch', lastName: 'Tester', staffGroup: 'ESTATES_ANCILLARY', shiftPattern: 'DAYS', contractType: 'SUBSTANTIVE', employerId: onPatch.employer_id };
    const CREATE = 'mutation($d: ContactCreateInput!) { createContact(data: $d) { id } }';
    const off = await rep(CREATE, { d: { ...person, wardId: offPatch.id } });
    expect(errorOf(off).fields).toEqual({ wardId: 'is outside your branch or patch' });
    const on = await rep(CREATE, { d: { ...person, wardId: onPatch.id } });
    expect(on.errors).toBeUndefined();
    const move = await rep('mutation($id: ID!, $w: ID!) { updateContact(id: $id, data: { wardId: $w }) { id } }', { id: on.data?.createContact.id, w: offPatch.id });
    expect(errorOf(move).fields).toEqual({ wardId: 'is outside your branch or patch' });
    expect((await t.sql("SELECT count(*)::int AS n FROM contact WHERE last_name = 'Tester'"))[0].n).toBe(1);
    const cover = await rep('mutation($c: ID!, $w: [ID!]!) { createRepRole(data: { contactId: $c, kind: WORKPLACE_REP, wardIds: $w }) { id } }', { c: onPatch.contact_id, w: [onPatch.id, offPatch.id] });
    expect(errorOf(cover).fields).toEqual({ wardIds: 'include a ward outside your branch or patch' });
  });

  it('shows personal phone and email only to those who organise the person', async () => {
    await t.sql("UPDATE contact SET personal_phone = '07700 900999', personal_email = 'pat@example.org' WHERE id = $1", [onPatch.contact_id]);
    const Q = 'query($id: ID!) { Contact(id: $id) { personalPhone personalEmail workEmail } }';
    for (const who of ['rep', 'secretary', 'admin'] as const) {
      const res = await t.as(who)(Q, { id: onPatch.contact_id });
      expect(res.data?.Contact).toMatchObject({ personalPhone: '07700 900999', personalEmail: 'pat@example.org' });
    }
    const cw = await t.as('caseworker')(Q, { id: onPatch.contact_id });
    expect(cw.data?.Contact).toMatchObject({ personalPhone: null, personalEmail: null });
    const list = await t.as('caseworker')('{ allContacts(perPage: 500) { personalPhone personalEmail } }');
    expect(list.data?.allContacts.every((c: { personalPhone: null; personalEmail: null }) => c.personalPhone === null && c.personalEmail === null)).toBe(true);
  });

  it('does not limit the branch secretary', async () => {
    const sec = t.as('secretary');
    expect((await sec('query($id: ID!) { Contact(id: $id) { id } }', { id: offPatch.contact_id })).data?.Contact.id).toBe(offPatch.contact_id);
  });
});
