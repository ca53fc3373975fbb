import { errorOf, startTestApp, type TestApp } from '../fixtures/app.js';

/**
 * Employee numbers are unique per organisation and employer, so a clash must be refused; but the
 * refusal must not tell a rep more than they may see. A clash with someone the caller can see names
 * it as such; a clash with someone outside their patch gets one plain answer that names no one.
 */
let t: TestApp;
let patchWard: string;
/** Two people on the demo rep's patch, and a colleague of the same branch off it. */
interface Person { id: string; employee_number: string; ward_id: string }
let onPatch: Person;
let onPatch2: Person;
let offPatch: Person;

const CREATE = 'mutation($d: ContactCreateInput!) { createContact(data: $d) { id employeeNumber } }';
const UPDATE = 'mutation($id: ID!, $d: ContactUpdateInput!) { updateContact(id: $id, data: $d) { id employeeNumber } }';
const IN_USE = 'is already used by another contact at this employer';
const UNUSABLE = 'cannot be used here: check it with your branch secretary';

const newContact = (employeeNumber: string) => ({
  firstName: 'Numbered', lastName: 'Probe', staffGroup: 'STUDENTS', shiftPattern: 'DAYS', contractType: 'BANK',
  employerId: t.demoEmployerId, wardId: patchWard, employeeNumber,
});
const contactCount = async () => (await t.sql('SELECT count(*)::int AS n FROM contact'))[0].n as number;

beforeAll(async () => {
  t = await startTestApp();
  const people = (patch: boolean) => t.sql<Person>(`SELECT c.id, c.employee_number, p.ward_id FROM contact c
    JOIN posting p ON p.contact_id = c.id AND p.end_date IS NULL JOIN ward w ON w.id = p.ward_id
    JOIN organisation o ON o.id = c.organisation_id AND o.name LIKE 'UNISON%'
    WHERE c.employer_id = $1 AND c.deleted_at IS NULL AND c.employee_number IS NOT NULL
      AND w.site_id ${patch ? '' : 'NOT '}IN (SELECT rp.site_id FROM rep_patch rp JOIN app_user u ON u.id = rp.user_id WHERE u.email = 'rep@unison.example')
    ORDER BY c.last_name, c.id LIMIT 2`, [t.demoEmployerId]);
  [onPatch, onPatch2] = await people(true);
  [offPatch] = await people(false);
  patchWard = onPatch.ward_id;
});
afterAll(async () => { await t?.close(); });

describe('a clashing employee number', () => {
  it('is found in the demo data on and off the rep\'s patch', () => {
    expect([onPatch, onPatch2, offPatch].every((c) => c?.employee_number)).toBe(true);
  });

  it('off the rep\'s patch: one plain answer, for a new person and a changed one, and nothing saved', async () => {
    const rep = t.as('rep');
    const before = await contactCount();
    const created = await rep(CREATE, { d: newContact(offPatch.employee_number) });
    const updated = await rep(UPDATE, { id: onPatch.id, d: { employeeNumber: offPatch.employee_number } });
    for (const res of [created, updated]) {
      expect(res.data ?? null).toBeNull();
      expect(errorOf(res)).toEqual({ code: 'BAD_USER_INPUT', message: `Invalid input — employeeNumber: ${UNUSABLE}`, fields: { employeeNumber: UNUSABLE } });
    }
    expect(await contactCount()).toBe(before);
    expect((await t.sql('SELECT employee_number FROM contact WHERE id = $1', [onPatch.id]))[0].employee_number).toBe(onPatch.employee_number);
  });

  it('on the rep\'s patch, or for a secretary who sees the whole branch, says it is used by another contact', async () => {
    const before = await contactCount();
    expect(errorOf(await t.as('rep')(CREATE, { d: newContact(onPatch2.employee_number) })).fields).toEqual({ employeeNumber: IN_USE });
    expect(errorOf(await t.as('rep')(UPDATE, { id: onPatch.id, d: { employeeNumber: onPatch2.employee_number } })).fields).toEqual({ employeeNumber: IN_USE });
    expect(errorOf(await t.as('secretary')(CREATE, { d: newContact(offPatch.employee_number) })).fields).toEqual({ employeeNumber: IN_USE });
    expect(await contactCount()).toBe(before);
  });

  it('is no clash with oneself, and a free number saves', async () => {
    const same = await t.as('rep')(UPDATE, { id: onPatch.id, d: { employeeNumber: onPatch.employee_number } });
    expect(same.errors).toBeUndefined();
    const fresh = await t.as('rep')(CREATE, { d: newContact('WALLS-0001') });
    expect(fresh.errors).toBeUndefined();
    expect(fresh.data?.createContact.employeeNumber).toBe('WALLS-0001');
  });
});
