import { errorOf, startTestApp, type TestApp } from '../fixtures/app.js';

let t: TestApp;
let sec: ReturnType<TestApp['as']>;
let ward: { id: string; site_id: string; employer_id: string };
let otherWard: { id: string };
let unionId: string;

beforeAll(async () => {
  t = await startTestApp();
  sec = t.as('secretary');
  [ward] = await t.sql('SELECT w.id, w.site_id, s.employer_id FROM ward w JOIN site s ON s.id = w.site_id WHERE s.employer_id = $1 ORDER BY w.name LIMIT 1', [t.demoEmployerId]);
  [otherWard] = await t.sql('SELECT w.id FROM ward w JOIN site s ON s.id = w.site_id WHERE s.employer_id = $1 AND w.id <> $2 LIMIT 1', [ward.employer_id, ward.id]);
  [{ id: unionId }] = await t.sql("SELECT t.id FROM trade_union t JOIN organisation o ON o.id = t.organisation_id WHERE t.short_name = 'UNISON' AND o.name LIKE 'UNISON%'");
});
afterAll(async () => { await t?.close(); });

const CREATE = `mutation($d: ContactCreateInput!) { createContact(data: $d) {
  id fullName staffGroup grade wardId ward { id site { id } } postings { wardId startDate endDate } memberships { id } isMember } }`;

function newContact(overrides: Record<string, unknown> = {}) {
  return {
    firstName: 'Precious', lastName: 'Okonkwo-Zed', preferredName: 'Pree', jobTitle: 'Staff Nurse',
    staffGroup: 'NURSING_MIDWIFERY_REGISTERED', grade: 'AFC_5', shiftPattern: 'NIGHTS', contractType: 'SUBSTANTIVE',
    employerId: ward.employer_id, wardId: ward.id, employeeNumber: '99000001', workEmail: 'pree.okonkwo@nrft.nhs.example',
    startDate: '2024-09-02', consentPersonalPhone: true, personalPhone: '07700 900123',
    ...overrides,
  };
}

describe('contacts', () => {
  let id: string;

  it('creates a contact on a ward with an opening posting', async () => {
    const res = await sec(CREATE, { d: newContact() });
    expect(res.errors).toBeUndefined();
    const c = res.data?.createContact;
    id = c.id;
    expect(c).toMatchObject({ fullName: 'Pree Okonkwo-Zed', wardId: ward.id, ward: { id: ward.id, site: { id: ward.site_id } }, isMember: false, memberships: [] });
    expect(c.postings).toEqual([{ wardId: ward.id, startDate: '2024-09-02', endDate: null }]);
  });

  it('finds the contact by name, employee number, site, ward and attributes', async () => {
    const find = async (filter: Record<string, unknown>) =>
      (await sec('query($f: ContactFilter) { allContacts(filter: $f, perPage: 500) { id } _allContactsMeta(filter: $f) { count } }', { f: filter })).data;
    for (const filter of [
      { q: 'okonkwo' }, { q: 'Pree Okonkwo' }, { q: '99000001' }, { siteId: ward.site_id, q: 'okon' }, { wardId: ward.id },
      { staffGroup: 'NURSING_MIDWIFERY_REGISTERED', grade: 'AFC_5', shiftPattern: 'NIGHTS', q: 'zed' },
      { membershipStatus: 'NON_MEMBER', unionId, q: 'zed' }, { isRep: false, q: 'zed' },
    ]) {
      const data = await find(filter);
      expect(data?.allContacts.map((c: { id: string }) => c.id)).toContain(id);
      expect(data?._allContactsMeta.count).toBe(data?.allContacts.length);
    }
    for (const filter of [{ q: 'okonkwo', grade: 'AFC_6' }, { q: 'zed', wardId: otherWard.id }, { q: 'zed', isRep: true }, { q: 'zed', membershipStatus: 'MEMBER' }]) {
      expect((await find(filter))?._allContactsMeta.count).toBe(0);
    }
  });

  it('counts the same people on a ward as its headcount when asked for current staff', async () => {
    const [w] = await t.sql(`SELECT p.ward_id AS id FROM posting p JOIN contact c ON c.id = p.contact_id
      JOIN organisation o ON o.id = c.organisation_id
      WHERE p.end_date IS NULL AND c.leave_date < current_date AND c.deleted_at IS NULL AND o.name LIKE 'UNISON%' AND c.employer_id = $1
      GROUP BY p.ward_id LIMIT 1`, [t.demoEmployerId]);
    expect(w).toBeDefined(); // the demo data has leavers
    const res = await sec('query($w: ID!) { Ward(id: $w) { headcount } all: _allContactsMeta(filter: { wardId: $w }) { count } current: _allContactsMeta(filter: { wardId: $w, isCurrent: true }) { count } }', { w: w.id });
    expect(res.data?.current.count).toBe(res.data?.Ward.headcount);
    expect(res.data?.all.count).toBeGreaterThan(res.data?.current.count);
  });

  it('treats LIKE wildcards in a search as plain text', async () => {
    const res = await sec('{ _allContactsMeta(filter: { q: "%" }) { count } }');
    expect(res.data?._allContactsMeta.count).toBe(0);
  });

  it('adds a membership, which then shows on the contact and the ward', async () => {
    const before = (await sec('query($id: ID!) { Ward(id: $id) { headcount memberCount } }', { id: ward.id })).data?.Ward;
    const m = await sec(
      'mutation($d: MembershipCreateInput!) { createMembership(data: $d) { id status union { shortName } contact { id } } }',
      { d: { contactId: id, unionId, status: 'MEMBER', source: 'SELF_REPORTED', joinDate: '2025-01-10', membershipNumber: 'U-1234' } },
    );
    expect(m.errors).toBeUndefined();
    expect(m.data?.createMembership).toMatchObject({ status: 'MEMBER', union: { shortName: 'UNISON' }, contact: { id } });
    const c = await sec('query($id: ID!) { Contact(id: $id) { isMember memberships { status membershipNumber } } }', { id });
    expect(c.data?.Contact).toEqual({ isMember: true, memberships: [{ status: 'MEMBER', membershipNumber: 'U-1234' }] });
    const after = (await sec('query($id: ID!) { Ward(id: $id) { headcount memberCount } }', { id: ward.id })).data?.Ward;
    expect(after.memberCount).toBe(before.memberCount + 1);
    const members = await sec('query($u: ID!) { allContacts(filter: { q: "zed", unionId: $u, membershipStatus: MEMBER }) { id } }', { u: unionId });
    expect(members.data?.allContacts).toEqual([{ id }]);

    const dup = await sec('mutation($d: MembershipCreateInput!) { createMembership(data: $d) { id } }', {
      d: { contactId: id, unionId, status: 'PENDING', source: 'SELF_REPORTED' },
    });
    expect(errorOf(dup).fields).toEqual({ unionId: 'this contact already has a membership of this union: edit it instead' });
    const badDates = await sec('mutation($id: ID!) { updateMembership(id: $id, data: { leaveDate: "2020-01-01" }) { id } }', { id: m.data?.createMembership.id });
    expect(errorOf(badDates).fields).toEqual({ leaveDate: 'must not be before joinDate' });
  });

  it('moves the contact to another ward, keeping the posting history', async () => {
    const res = await sec('mutation($id: ID!, $w: ID!) { updateContact(id: $id, data: { wardId: $w, movedOn: "2025-08-06" }) { wardId postings { wardId startDate endDate } } }', { id, w: otherWard.id });
    expect(res.errors).toBeUndefined();
    expect(res.data?.updateContact).toEqual({
      wardId: otherWard.id,
      postings: [
        { wardId: otherWard.id, startDate: '2025-08-06', endDate: null },
        { wardId: ward.id, startDate: '2024-09-02', endDate: '2025-08-05' },
      ],
    });
    const early = await sec('mutation($id: ID!, $w: ID!) { updateContact(id: $id, data: { wardId: $w, movedOn: "2020-01-01" }) { id } }', { id, w: ward.id });
    expect(errorOf(early).fields?.movedOn).toMatch(/on or after the current posting's start \(2025-08-06\)/);
  });

  it('makes the contact a rep covering wards', async () => {
    const r = await sec('mutation($d: RepRoleCreateInput!) { createRepRole(data: $d) { id kind wardIds wards { id } contact { id } } }', {
      d: { contactId: id, kind: 'WORKPLACE_REP', wardIds: [ward.id, otherWard.id], startDate: '2025-09-01' },
    });
    expect(r.errors).toBeUndefined();
    expect(new Set(r.data?.createRepRole.wardIds)).toEqual(new Set([ward.id, otherWard.id]));
    const reps = await sec('{ allContacts(filter: { q: "zed", isRep: true }) { id repRoles { kind } } }');
    expect(reps.data?.allContacts).toEqual([{ id, repRoles: [{ kind: 'WORKPLACE_REP' }] }]);
    const byWard = await sec('query($w: ID!) { allRepRoles(filter: { wardId: $w }) { id } }', { w: otherWard.id });
    expect(byWard.data?.allRepRoles.map((x: { id: string }) => x.id)).toContain(r.data?.createRepRole.id);
    const noWards = await sec('mutation($c: ID!) { createRepRole(data: { contactId: $c, kind: LEARNING_REP, wardIds: [] }) { id } }', { c: id });
    expect(errorOf(noWards).fields).toEqual({ wardIds: 'wardIds must name at least one ward' });
  });

  it('refuses a duplicate employee number at the same employer and changes nothing', async () => {
    const before = (await t.sql('SELECT count(*)::int AS n FROM contact'))[0].n;
    const res = await sec(CREATE, { d: newContact({ firstName: 'Second', employeeNumber: '99000001' }) });
    expect(errorOf(res)).toMatchObject({ code: 'BAD_USER_INPUT', fields: { employeeNumber: 'is already used by another contact at this employer' } });
    expect((await t.sql('SELECT count(*)::int AS n FROM contact'))[0].n).toBe(before);
    expect((await t.sql('SELECT count(*)::int AS n FROM posting WHERE contact_id NOT IN (SELECT id FROM contact)'))[0].n).toBe(0);
  });

  it('refuses bad input field by field: enum, missing name, email, dates, ward of another employer', async () => {
    const before = (await t.sql('SELECT count(*)::int AS n FROM contact'))[0].n;
    const badEnum = await sec(CREATE, { d: newContact({ staffGroup: 'WIZARDS', employeeNumber: null }) });
    expect(errorOf(badEnum).code).toBe('BAD_USER_INPUT');
    expect(errorOf(badEnum).message).toMatch(/staffGroup/);
    const missing = await sec(CREATE, { d: newContact({ lastName: undefined, employeeNumber: null }) });
    expect(errorOf(missing).message).toMatch(/lastName/);
    const blank = await sec(CREATE, { d: newContact({ lastName: '  ', firstName: '', employeeNumber: null }) });
    expect(errorOf(blank).fields?.firstName).toBe('firstName is required');
    const email = await sec(CREATE, { d: newContact({ workEmail: 'not-an-email', employeeNumber: null }) });
    expect(errorOf(email).fields).toEqual({ workEmail: 'workEmail must be an email address' });
    const date = await sec(CREATE, { d: newContact({ startDate: '2025-02-30', employeeNumber: null }) });
    expect(errorOf(date).fields).toEqual({ startDate: 'startDate must be a real calendar date' });
    const order = await sec(CREATE, { d: newContact({ leaveDate: '2020-01-01', employeeNumber: null }) });
    expect(errorOf(order).fields).toEqual({ leaveDate: 'must not be before startDate' });
    const [other] = await t.sql('SELECT id FROM employer WHERE id <> $1 AND organisation_id = (SELECT organisation_id FROM employer WHERE id = $1) LIMIT 1', [ward.employer_id]);
    if (other) {
      const wrongEmployer = await sec(CREATE, { d: newContact({ employerId: other.id, employeeNumber: null }) });
      expect(errorOf(wrongEmployer).fields).toEqual({ wardId: "must be a ward of the contact's employer" });
    }
    const extra = await sec(CREATE, { d: newContact({ organisationId: '00000000-0000-4000-8000-000000000000' }) });
    expect(errorOf(extra).code).toBe('BAD_USER_INPUT');
    expect((await t.sql('SELECT count(*)::int AS n FROM contact'))[0].n).toBe(before);
  });

  it('sorts and paginates with counts that match', async () => {
    const page = async (p: number, order = 'ASC') =>
      (await sec(`{ allContacts(page: ${p}, perPage: 10, sortField: "lastName", sortOrder: "${order}") { id lastName } }`)).data?.allContacts;
    const [a, b] = [await page(0), await page(1)];
    expect(a).toHaveLength(10);
    const names = [...a, ...b].map((c: { lastName: string }) => c.lastName);
    // in the database's own collation, each name sorts after the one before
    for (let i = 1; i < names.length; i++) expect((await t.sql('SELECT $1::text <= $2::text AS ok', [names[i - 1], names[i]]))[0].ok).toBe(true);
    const desc = (await page(0, 'DESC')).map((c: { lastName: string }) => c.lastName);
    expect((await t.sql('SELECT $1::text >= $2::text AS ok', [desc[0], names[0]]))[0].ok).toBe(true);
    expect(new Set([...a, ...b].map((c: { id: string }) => c.id)).size).toBe(20);
    const total = (await sec('{ _allContactsMeta { count } }')).data?._allContactsMeta.count;
    const [{ n }] = await t.sql("SELECT count(*)::int AS n FROM contact c JOIN organisation o ON o.id = c.organisation_id WHERE o.name LIKE 'UNISON%' AND c.deleted_at IS NULL AND c.employer_id = $1", [t.demoEmployerId]);
    expect(total).toBe(n);
    const tooMany = await sec('{ allContacts(perPage: 100000) { id } }');
    expect(errorOf(tooMany).fields).toEqual({ perPage: 'perPage must not exceed 500' });
  });

  it('soft-deletes: the contact disappears but the row and history stay', async () => {
    const res = await sec('mutation($id: ID!) { deleteContact(id: $id) { id lastName } }', { id });
    expect(res.data?.deleteContact).toEqual({ id, lastName: 'Okonkwo-Zed' });
    expect(errorOf(await sec('query($id: ID!) { Contact(id: $id) { id } }', { id })).code).toBe('NOT_FOUND');
    const rows = await t.sql('SELECT deleted_at FROM contact WHERE id = $1', [id]);
    expect(rows[0].deleted_at).not.toBeNull();
    expect((await sec('{ _allContactsMeta(filter: { q: "okonkwo-zed" }) { count } }')).data?._allContactsMeta.count).toBe(0);
    // the employee number is free again
    const again = await sec(CREATE, { d: newContact({ firstName: 'Again' }) });
    expect(again.errors).toBeUndefined();
  });
});

describe('no N+1', () => {
  const QUERY = `query($n: Int) { allContacts(perPage: $n) {
    id fullName ward { id name site { id name employer { name } } } memberships { status union { shortName } } repRoles { kind wards { name } } isMember } }`;

  it('lists 100 contacts with ward, site, memberships and rep roles in a constant number of statements', async () => {
    const statements = async (n: number) => {
      await sec(QUERY, { n }); // warm: login and caches
      const before = t.counter.statements;
      const res = await sec(QUERY, { n });
      expect(res.errors).toBeUndefined();
      expect(res.data?.allContacts).toHaveLength(n);
      return t.counter.statements - before;
    };
    const few = await statements(5);
    const many = await statements(100);
    expect(many).toBe(few);
    // 12 data statements, plus the request's BEGIN, set_config (row-level security identity) and COMMIT
    expect(many).toBeLessThanOrEqual(15);
  });
});
