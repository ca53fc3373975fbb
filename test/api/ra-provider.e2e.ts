/**
 * The web app's data provider (apps/web/src/raGraphql.ts: react-admin's own ra-data-graphql-simple, by react-admin's
 * authors, over the committed schema given statically) against the running API, called as the app calls it. And the
 * library reading the schema by introspection, as it does by default (development lets its introspection through).
 */
import { readFileSync } from 'node:fs';
import { ApolloClient, ApolloLink, HttpLink, InMemoryCache } from '@apollo/client';
import { buildSchema, introspectionFromSchema } from 'graphql';
import { HttpError, type DataProvider, type RaRecord } from 'ra-core';
import buildGraphQLProvider from 'ra-data-graphql-simple';
import { buildRollcallQuery, createRollcallProvider, type RollcallProvider } from '../../apps/web/src/raGraphql.js';
import { startTestApp, type TestApp } from '../fixtures/app.js';

let t: TestApp;
let provider: RollcallProvider;
let client: ApolloClient;
let admin: ReturnType<TestApp['as']>;
/** What the provider sent: each operation's name and variables. */
const sent: { name: string; variables: Record<string, unknown> }[] = [];
const lastSent = (name: string) => sent.filter((s) => s.name === name).at(-1)?.variables;

beforeAll(async () => {
  t = await startTestApp();
  const token = await t.login('admin');
  admin = t.as('admin');
  client = new ApolloClient({
    link: ApolloLink.from([
      new ApolloLink((operation, forward) => {
        sent.push({ name: operation.operationName ?? '', variables: operation.variables });
        return forward(operation);
      }),
      new HttpLink({ uri: `${t.url}/graphql`, headers: { authorization: `Bearer ${token}` } }),
    ]),
    cache: new InMemoryCache(),
  });
  const schema = introspectionFromSchema(buildSchema(readFileSync('apps/api/schema.gql', 'utf8'))).__schema;
  provider = createRollcallProvider({ client, schema });
});
afterAll(async () => { await t?.close(); });

const ids = (records: RaRecord[]) => records.map((r) => r.id);

describe('the list count', () => {
  const metaQueries = Object.keys(
    buildSchema(readFileSync('apps/api/schema.gql', 'utf8')).getQueryType()!.getFields(),
  ).filter((name) => /^_all\w+Meta$/.test(name));

  it('is asked of every list', () => {
    expect(metaQueries.length).toBeGreaterThanOrEqual(14);
  });

  it.each(metaQueries)('%s accepts the page and perPage the provider sends with the filter, and ignores them', async (name) => {
    const plain = await admin<Record<string, { count: number }>>(`{ n: ${name} { count } }`);
    const paged = await admin<Record<string, { count: number }>>(
      `query($page: Int, $perPage: Int) { n: ${name}(page: $page, perPage: $perPage, filter: {}) { count } }`,
      { page: 3, perPage: 2 },
    );
    expect(plain.errors).toBeUndefined();
    expect(paged.errors).toBeUndefined();
    expect(paged.data?.n.count).toBe(plain.data?.n.count);
  });
});

describe('the web app\'s provider against the API', () => {
  it('getList: filter, sort and page, with the total of the whole filtered list', async () => {
    const all = await admin<{ allContacts: { id: string; lastName: string }[]; _allContactsMeta: { count: number } }>(
      `{ allContacts(filter: { staffGroup: NURSING_MIDWIFERY_REGISTERED }, sortField: "lastName", sortOrder: "DESC", perPage: 500) { id lastName }
         _allContactsMeta(filter: { staffGroup: NURSING_MIDWIFERY_REGISTERED }) { count } }`,
    );
    expect(all.errors).toBeUndefined();
    const everyone = all.data!.allContacts;
    expect(everyone.length).toBeGreaterThan(4);
    const { data, total } = await provider.getList('Contact', {
      filter: { staffGroup: 'NURSING_MIDWIFERY_REGISTERED' }, sort: { field: 'lastName', order: 'DESC' }, pagination: { page: 2, perPage: 2 },
    });
    expect(total).toBe(all.data!._allContactsMeta.count);
    expect(ids(data)).toEqual(everyone.slice(2, 4).map((c) => c.id));
    expect(data.every((c) => c.staffGroup === 'NURSING_MIDWIFERY_REGISTERED')).toBe(true);
    // The schema is the committed one, given statically: the API is never asked for it.
    expect(sent.map((s) => s.name)).not.toContain('IntrospectionQuery');

    const wards = await provider.getList('Ward', { filter: { q: 'ward' }, sort: { field: 'name', order: 'ASC' }, pagination: { page: 1, perPage: 5 } });
    expect(wards.data.length).toBeGreaterThan(0);
    expect(wards.total).toBeGreaterThanOrEqual(wards.data.length);
    const names = wards.data.map((w) => String(w.name));
    expect(names).toEqual([...names].sort((a, b) => a.localeCompare(b, 'en', { sensitivity: 'base' })));

    const tags = await provider.getList('IssueTag', { filter: { active: true }, sort: { field: 'name', order: 'ASC' }, pagination: { page: 1, perPage: 50 } });
    expect(tags.total).toBe(tags.data.length);
    expect(tags.data.every((tag) => tag.active === true)).toBe(true);
  });

  it('getOne, getMany and getManyReference', async () => {
    const { data: [first] } = await provider.getList('Contact', { filter: {}, sort: { field: 'id', order: 'ASC' }, pagination: { page: 1, perPage: 1 } });
    const { data: contact } = await provider.getOne('Contact', { id: first.id });
    expect(contact).toMatchObject({ id: first.id, firstName: first.firstName, lastName: first.lastName });
    expect(contact.ward).toEqual(expect.objectContaining({ id: contact.wardId }));

    const { data: ward } = await provider.getOne('Ward', { id: contact.wardId });
    expect(ward).toMatchObject({ id: contact.wardId, siteId: expect.any(String) });

    const { data: someSites } = await provider.getList('Site', { filter: {}, sort: { field: 'name', order: 'ASC' }, pagination: { page: 1, perPage: 3 } });
    const many = await provider.getMany('Site', { ids: ids(someSites) });
    expect(ids(many.data).sort()).toEqual(ids(someSites).sort());

    const unions = await provider.getList('Union', { filter: {}, sort: { field: 'name', order: 'ASC' }, pagination: { page: 1, perPage: 10 } });
    const manyUnions = await provider.getMany('Union', { ids: ids(unions.data) });
    expect(ids(manyUnions.data).sort()).toEqual(ids(unions.data).sort());

    const onSite = await provider.getManyReference('Ward', {
      target: 'siteId', id: ward.siteId, filter: {}, sort: { field: 'name', order: 'ASC' }, pagination: { page: 1, perPage: 100 },
    });
    expect(ids(onSite.data)).toContain(ward.id);
    expect(onSite.data.every((w) => w.siteId === ward.siteId)).toBe(true);
    expect(onSite.total).toBe(onSite.data.length);

    const member = await admin<{ allMemberships: { contactId: string }[] }>('{ allMemberships(perPage: 1) { contactId } }');
    const contactId = member.data!.allMemberships[0].contactId;
    const memberships = await provider.getManyReference('Membership', {
      target: 'contactId', id: contactId, filter: {}, sort: { field: 'joinDate', order: 'DESC' }, pagination: { page: 1, perPage: 25 },
    });
    expect(memberships.total).toBeGreaterThan(0);
    expect(memberships.data.every((m) => m.contactId === contactId)).toBe(true);
  });

  it('create, update and delete a union', async () => {
    const { data: created } = await provider.create('Union', { data: { name: 'Midwives United', shortName: 'MU' } });
    expect(created).toMatchObject({ id: expect.any(String), name: 'Midwives United', shortName: 'MU' });
    const { data: updated } = await provider.update('Union', { id: created.id, data: { ...created, shortName: 'MidU' }, previousData: created });
    expect(updated).toMatchObject({ id: created.id, name: 'Midwives United', shortName: 'MidU' });
    await provider.delete('Union', { id: created.id, previousData: updated });
    await expect(provider.getOne('Union', { id: created.id })).rejects.toThrow();
  });

  it('create, update and delete a ward: the record as read (nested site, computed counts) goes back as its input only', async () => {
    const { data: [site, otherSite] } = await provider.getList('Site', {
      filter: { employerId: t.demoEmployerId }, sort: { field: 'name', order: 'ASC' }, pagination: { page: 1, perPage: 2 },
    });
    expect(otherSite).toBeDefined();
    const { data: created } = await provider.create('Ward', { data: { name: 'Ward 99', type: 'INPATIENT_WARD', siteId: site.id, speciality: null } });
    expect(created).toMatchObject({ name: 'Ward 99', siteId: site.id });
    const { data: read } = await provider.getOne('Ward', { id: created.id });
    expect(read.site).toEqual(expect.objectContaining({ id: site.id }));
    const { data: moved } = await provider.update('Ward', { id: created.id, data: { ...read, siteId: otherSite.id, name: 'Ward 98' }, previousData: read });
    expect(lastSent('updateWard')).toEqual({ id: created.id, data: { name: 'Ward 98', siteId: otherSite.id } });
    expect(moved).toMatchObject({ id: created.id, name: 'Ward 98', siteId: otherSite.id });
    expect((await provider.getOne('Ward', { id: created.id })).data).toMatchObject({ name: 'Ward 98', siteId: otherSite.id });
    const { data: deleted } = await provider.delete('Ward', { id: created.id, previousData: moved });
    expect(deleted).toMatchObject({ id: created.id });
    expect((await admin<{ _allWardsMeta: { count: number } }>(`{ _allWardsMeta(filter: { ids: ["${created.id}"] }) { count } }`)).data?._allWardsMeta.count).toBe(0);
  });

  it('updates a contact with only what changed', async () => {
    const { data: [first] } = await provider.getList('Contact', { filter: {}, sort: { field: 'lastName', order: 'ASC' }, pagination: { page: 1, perPage: 1 } });
    const { data: contact } = await provider.getOne('Contact', { id: first.id });
    const { data: updated } = await provider.update('Contact', { id: contact.id, data: { ...contact, jobTitle: 'Charge nurse' }, previousData: contact });
    expect(updated).toMatchObject({ id: contact.id, jobTitle: 'Charge nurse', lastName: contact.lastName, wardId: contact.wardId });
    expect(lastSent('updateContact')).toEqual({ id: contact.id, data: { jobTitle: 'Charge nurse' } });
  });

  it('creates and updates an issue tag, and a user with roles (nested input records cut down to their input fields)', async () => {
    const { data: tag } = await provider.create('IssueTag', { data: { name: 'Car parking', active: true } });
    expect(tag).toMatchObject({ name: 'Car parking', active: true });
    const { data: off } = await provider.update('IssueTag', { id: tag.id, data: { ...tag, active: false }, previousData: tag });
    expect(off).toMatchObject({ id: tag.id, name: 'Car parking', active: false });
    await provider.delete('IssueTag', { id: tag.id, previousData: off });

    const { data: branches } = await provider.getList('Branch', { filter: {}, sort: { field: 'name', order: 'ASC' }, pagination: { page: 1, perPage: 1 } });
    const branch = branches[0];
    const { data: user } = await provider.create('User', {
      data: {
        email: 'new.rep@unison.example', displayName: 'New Rep', password: 'a-long-enough-password',
        roles: [{ branchId: branch.id, role: 'REP', branch: { id: branch.id, name: branch.name } }],
      },
    });
    expect(user).toMatchObject({ email: 'new.rep@unison.example', displayName: 'New Rep' });
    expect(user.roles).toEqual([expect.objectContaining({ branchId: branch.id, role: 'REP' })]);
    expect(lastSent('createUser')).toEqual({
      data: { email: 'new.rep@unison.example', displayName: 'New Rep', password: 'a-long-enough-password', roles: [{ branchId: branch.id, role: 'REP' }] },
    });
    const { data: read } = await provider.getOne('User', { id: user.id });
    const { data: renamed } = await provider.update('User', {
      id: user.id,
      data: { ...read, displayName: 'Renamed Rep', roles: [...read.roles, { branchId: branch.id, role: 'CASEWORKER', branch: read.roles[0].branch }] },
      previousData: read,
    });
    expect(renamed).toMatchObject({ id: user.id, displayName: 'Renamed Rep' });
    expect(lastSent('updateUser')).toEqual({
      id: user.id,
      data: { displayName: 'Renamed Rep', roles: [{ branchId: branch.id, role: 'REP' }, { branchId: branch.id, role: 'CASEWORKER' }] },
    });
    expect(renamed.roles.map((r: { role: string }) => r.role).sort()).toEqual(['CASEWORKER', 'REP']);
  });
});

describe('what the app adds to the library', () => {
  it('knows resources by the names the app registers them under, lists of another type\'s records included', async () => {
    const wards = await provider.getList('Wards', { filter: {}, sort: { field: 'name', order: 'ASC' }, pagination: { page: 1, perPage: 3 } });
    expect(wards.data).toHaveLength(3);
    // Follow-ups are the caller's own: the rep has some.
    const rep = new ApolloClient({
      link: new HttpLink({ uri: `${t.url}/graphql`, headers: { authorization: `Bearer ${await t.login('rep')}` } }),
      cache: new InMemoryCache(),
    });
    const repProvider = createRollcallProvider({ client: rep, schema: introspectionFromSchema(buildSchema(readFileSync('apps/api/schema.gql', 'utf8'))).__schema });
    const followUps = await repProvider.getList('FollowUps', { filter: { includeDone: true }, sort: { field: 'followUpDate', order: 'ASC' }, pagination: { page: 1, perPage: 5 } });
    expect(followUps.total).toBeGreaterThan(0);
    expect(followUps.data.length).toBe(Math.min(5, followUps.total ?? 0));
    expect(followUps.data[0]).toMatchObject({ id: expect.any(String), followUpDate: expect.any(String), contact: { id: expect.any(String), fullName: expect.any(String) } });
    await expect(provider.getList('Nonsense', { filter: {}, sort: { field: 'id', order: 'ASC' }, pagination: { page: 1, perPage: 1 } }))
      .rejects.toThrow('Unknown resource: Nonsense');
  });

  it('selects linked records as named (not only their ids) and keeps nulls', async () => {
    const { data } = await provider.getList('Contacts', { filter: { isCurrent: true }, sort: { field: 'lastName', order: 'ASC' }, pagination: { page: 1, perPage: 25 } });
    const placed = data.find((c) => c.wardId);
    expect(placed?.ward).toEqual({ id: placed?.wardId, name: expect.any(String), siteId: expect.any(String), site: { id: expect.any(String), name: expect.any(String) } });
    const member = data.find((c) => c.memberships.length > 0);
    expect(member?.memberships[0]).toEqual(expect.objectContaining({ union: { id: expect.any(String), shortName: expect.any(String) }, status: expect.any(String) }));
    // A value the person has not got is there, as null: the library's own parser would drop the key.
    expect(data.some((c) => 'preferredName' in c && c.preferredName === null)).toBe(true);
    // One record brings what its page shows; lists leave out what only that page needs.
    expect(data[0]).not.toHaveProperty('leaders');
    const { data: one } = await provider.getOne('Contacts', { id: data[0].id });
    expect(one).toEqual(expect.objectContaining({ leaders: expect.any(Array), followers: expect.any(Array), postings: expect.any(Array), assessmentHistory: expect.any(Array) }));
  });

  it('sends only the filter keys the API declares, without empty values', async () => {
    await provider.getList('Sites', {
      filter: { q: '', kind: null, employerId: t.demoEmployerId, notAFilter: 'x', myBranches: true },
      sort: { field: 'name', order: 'ASC' }, pagination: { page: 1, perPage: 5 },
    });
    expect(lastSent('allSites')?.filter).toEqual({ employerId: t.demoEmployerId });
    expect(await provider.listFilter('Sites', { q: 'Royal', bogus: 1 })).toEqual({ q: 'Royal' });
  });

  it('getMany asks for as many rows as ids, past the API\'s page size and its own chunk of 100', async () => {
    const all = await admin<{ allContacts: { id: string }[] }>('{ allContacts(perPage: 500) { id } }');
    const wanted = all.data!.allContacts.map((c) => c.id);
    expect(wanted.length).toBeGreaterThan(100);
    const { data } = await provider.getMany('Contacts', { ids: wanted });
    expect(ids(data).sort()).toEqual([...wanted].sort());
  });

  it('a create whose input takes an id sends a client-made one; sent again, it is the same record', async () => {
    const { data: [contact] } = await provider.getList('Contacts', { filter: { membershipStatus: 'NON_MEMBER' }, sort: { field: 'lastName', order: 'ASC' }, pagination: { page: 1, perPage: 1 } });
    const { data: [union] } = await provider.getList('Unions', { filter: {}, sort: { field: 'name', order: 'ASC' }, pagination: { page: 1, perPage: 1 } });
    const { data: made } = await provider.create('Memberships', { data: { contactId: contact.id, unionId: union.id, status: 'MEMBER', source: 'SELF_REPORTED' } });
    expect(lastSent('createMembership')?.data).toMatchObject({ id: made.id });
    const { data: again } = await provider.create('Memberships', { data: { id: made.id, contactId: contact.id, unionId: union.id, status: 'MEMBER', source: 'SELF_REPORTED' } });
    expect(again.id).toBe(made.id);
    await provider.delete('Memberships', { id: made.id, previousData: made });
  });

  it('a refused write keeps the API\'s field messages (the library alone keeps only the first message)', async () => {
    const refused = await provider.create('IssueTags', { data: { name: ' ', active: true } }).catch((e: unknown) => e);
    expect(refused).not.toBeInstanceOf(HttpError);
    expect((refused as { errors: { extensions: { code: string; fields: Record<string, string> } }[] }).errors[0].extensions)
      .toMatchObject({ code: 'BAD_USER_INPUT', fields: { name: expect.any(String) } });
  });
});

describe('the library on its own, reading the schema by introspection', () => {
  it('lists and reads with the standard introspection query (which the depth limit lets through)', async () => {
    // The library's types name Apollo Client 3's class; it only calls query() and mutate(), which 4 has too.
    const introspecting: DataProvider = buildGraphQLProvider({ client: client as never, buildQuery: buildRollcallQuery as never });
    sent.length = 0;
    const { data, total } = await introspecting.getList('Employer', { filter: {}, sort: { field: 'name', order: 'ASC' }, pagination: { page: 1, perPage: 10 } });
    expect(total).toBeGreaterThan(0);
    expect(data[0]).toMatchObject({ id: expect.any(String), name: expect.any(String) });
    expect(sent.map((s) => s.name)).toEqual(['IntrospectionQuery', 'allEmployers']);
  });
});
