/**
 * CSV exports (POST /export/<list>.csv): every list exports what its filter shows, all of it, in
 * words (no ids), streamed through a cursor; exports of people are audited and carry only what the
 * role may read; the organisation, branch and patch walls hold as they do for the GraphQL lists.
 */
import http from 'node:http';
import { jest } from '@jest/globals';
import { parse } from 'csv-parse/sync';
import request from 'supertest';
import { PeopleDoor } from '../../apps/api/src/access/people-door.js';
import { Permission, PERMISSION_KEY } from '../../apps/api/src/access/permissions.js';
import { DensityExportController } from '../../apps/api/src/export/density-export.controller.js';
import { ExportController } from '../../apps/api/src/export/export.controller.js';
import {
  CONTRACT_TYPE_LABELS, CONVERSATION_CHANNEL_LABELS, gradeLabel, type Grade, MEMBERSHIP_STATUS_LABELS, SHIFT_PATTERN_LABELS,
  SITE_KIND_LABELS, STAFF_GROUP_LABELS, WARD_TYPE_LABELS,
} from '@rollcall/domain';
import { LOGINS, startTestApp, type Login, type TestApp } from '../fixtures/app.js';

let t: TestApp;

beforeAll(async () => {
  t = await startTestApp();
});
afterAll(async () => { await t?.close(); });

interface Download {
  status: number;
  contentType?: string;
  disposition?: string;
  text: string;
  /** The header row. */
  header: string[];
  /** Every row after the header, as { heading: value }. */
  rows: Record<string, string>[];
  /** An error's JSON body. */
  error?: { message: string; code: string; fields?: Record<string, string> };
}

async function download(list: string, body: unknown, token?: string, app: TestApp = t): Promise<Download> {
  const req = request(app.app.getHttpServer()).post(`/export/${list}.csv`).set('content-type', 'application/json');
  if (token) req.set('authorization', `Bearer ${token}`);
  const res = await req.send(body as object).buffer(true).parse((r, done) => {
    let text = '';
    r.setEncoding('utf8');
    r.on('data', (chunk: string) => { text += chunk; });
    r.on('end', () => done(null, text));
  });
  const text = res.body as string;
  const out: Download = { status: res.status, contentType: res.headers['content-type'], disposition: res.headers['content-disposition'], text, header: [], rows: [] };
  if (res.status !== 200) {
    out.error = JSON.parse(text);
    return out;
  }
  const records: string[][] = parse(text, { bom: true });
  out.header = records[0] ?? [];
  out.rows = records.slice(1).map((r) => Object.fromEntries(out.header.map((h, i) => [h, r[i]])));
  return out;
}

const exportAs = async (who: Login, list: string, body: unknown = {}) => download(list, body, await t.login(who));

const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/i;
const UK_DATE = /^\d{2}\/\d{2}\/\d{4}$/;
const UK_DATE_TIME = /^\d{2}\/\d{2}\/\d{4} \d{2}:\d{2}$/;

async function metaCount(who: Login, plural: string, type: string, filter: Record<string, unknown>): Promise<number> {
  const res = await t.as(who)(`query($f: ${type}Filter) { _all${plural}Meta(filter: $f) { count } }`, { f: filter });
  expect(res.errors).toBeUndefined();
  return res.data?.[`_all${plural}Meta`].count;
}

async function exportEvents(): Promise<{ actor_email: string; entity_type: string; employer_id: string | null; after: Record<string, any> }[]> {
  return t.sql("SELECT actor_email, entity_type, employer_id, after FROM audit_event WHERE action = 'EXPORT' ORDER BY created_at");
}

describe('workplace lists', () => {
  it('exports every ward of the filter in words, with its counts, as the list shows them', async () => {
    const filter = { employerIds: [t.demoEmployerId] };
    const res = await exportAs('secretary', 'wards', { filter, sortField: 'name', sortOrder: 'ASC' });
    expect(res.status).toBe(200);
    expect(res.contentType).toMatch(/^text\/csv; charset=utf-8/);
    expect(res.disposition).toMatch(/^attachment; filename="wards-\d{4}-\d{2}-\d{2}\.csv"$/);
    expect(res.text.charCodeAt(0)).toBe(0xfeff); // a byte-order mark for spreadsheet programs
    expect(res.header).toEqual(['Name', 'Type', 'Site', 'Employer', 'Speciality', 'Headcount', 'Members', 'Density', 'Reps', 'Rep coverage']);
    const count = await metaCount('secretary', 'Wards', 'Ward', filter);
    expect(count).toBeGreaterThan(3);
    expect(res.rows).toHaveLength(count);
    expect(res.text).not.toMatch(UUID);

    const page = await t.as('secretary')(`query($f: WardFilter) { allWards(filter: $f, sortField: "name", sortOrder: "ASC", perPage: 500) {
      name type site { name } headcount memberCount repCount } }`, { f: filter });
    const wards = page.data?.allWards as { name: string; type: keyof typeof WARD_TYPE_LABELS; site: { name: string }; headcount: number; memberCount: number; repCount: number }[];
    expect(res.rows.map((r) => r.Name)).toEqual(wards.map((w) => w.name));
    res.rows.forEach((r, i) => {
      expect(r).toMatchObject({
        Type: WARD_TYPE_LABELS[wards[i].type], Site: wards[i].site.name, Headcount: String(wards[i].headcount),
        Members: String(wards[i].memberCount), Reps: String(wards[i].repCount), Employer: expect.stringMatching(/NHS/),
      });
      expect(r.Density).toMatch(/^(\d+%|—)$/);
    });
    expect(res.rows.some((r) => Number(r.Members) > 0)).toBe(true);
    // Wards are not about people: no audit entry.
    expect((await exportEvents()).filter((e) => e.entity_type === 'Ward')).toEqual([]);
  });

  it.each([
    ['sites', 'Sites', 'Site', { employerIds: [] as string[] }, ['Name', 'Kind', 'Employer', 'Address', 'Postcode', 'ODS code', 'Headcount', 'Members', 'Density', 'Reps']],
    ['employers', 'Employers', 'Employer', {}, ['Name', 'ODS code', 'Region']],
    ['unions', 'Unions', 'Union', {}, ['Short name', 'Name', 'Members']],
  ])('exports %s: all the filter shows, no ids', async (list, plural, type, baseFilter, header) => {
    const filter = list === 'sites' ? { employerIds: [t.demoEmployerId] } : baseFilter;
    const res = await exportAs('secretary', list, { filter });
    expect(res.status).toBe(200);
    expect(res.header).toEqual(header);
    const count = await metaCount('secretary', plural, type, filter);
    expect(count).toBeGreaterThan(0);
    expect(res.rows).toHaveLength(count);
    expect(res.text).not.toMatch(UUID);
    if (list === 'sites') expect(res.rows.every((r) => Object.values(SITE_KIND_LABELS).includes(r.Kind))).toBe(true);
    if (list === 'unions') expect(res.rows.find((r) => r['Short name'] === 'UNISON')?.Members).toMatch(/^[1-9]\d*$/);
  });

  it('lets a coalition viewer export wards (aggregates), as the ward list does', async () => {
    const res = await exportAs('coalition', 'wards', { filter: { employerIds: [t.demoEmployerId] } });
    expect(res.status).toBe(200);
    expect(res.rows).toHaveLength(await metaCount('coalition', 'Wards', 'Ward', { employerIds: [t.demoEmployerId] }));
    // a ward's exact figures are withheld from an aggregate-only caller, in the file as on the page
    expect(res.rows.length).toBeGreaterThan(0);
    for (const r of res.rows) expect([r.Headcount, r.Members, r.Density, r.Reps, r['Rep coverage']]).toEqual(['withheld', 'withheld', 'withheld', 'withheld', 'withheld']);
    const unions = await exportAs('coalition', 'unions', {});
    expect(unions.rows.length).toBeGreaterThan(0);
    for (const r of unions.rows) expect(r.Members).toBe('withheld');
  });
});

describe('contacts', () => {
  const filter = { staffGroup: 'NURSING_MIDWIFERY_REGISTERED', isCurrent: true };

  it('exports every contact of the filter, in the list order, in words, with personal details for a secretary; audited', async () => {
    const res = await exportAs('secretary', 'contacts', { filter, sortField: 'lastName', sortOrder: 'ASC' });
    expect(res.status).toBe(200);
    expect(res.disposition).toMatch(/filename="contacts-\d{4}-\d{2}-\d{2}\.csv"/);
    expect(res.header).toEqual([
      'First name', 'Last name', 'Preferred name', 'Job title', 'Staff group', 'Grade', 'Shift pattern', 'Contract', 'Employer',
      'Site', 'Ward', 'Employee number', 'Work email', 'Work phone', 'Personal email', 'Personal phone',
      'Consents to personal email', 'Consents to personal phone', 'Start date', 'Leave date', 'Memberships', 'Rep roles',
      'Assessment', 'Organic leader', 'Last spoken to',
    ]);
    const count = await metaCount('secretary', 'Contacts', 'Contact', filter);
    expect(count).toBeGreaterThan(10);
    expect(res.rows).toHaveLength(count);
    expect(res.text).not.toMatch(UUID);
    expect(new Set(res.rows.map((r) => r['Staff group']))).toEqual(new Set([STAFF_GROUP_LABELS.NURSING_MIDWIFERY_REGISTERED]));
    expect(res.rows.some((r) => r.Grade === 'Band 5')).toBe(true);
    for (const r of res.rows) {
      expect(Object.values(SHIFT_PATTERN_LABELS)).toContain(r['Shift pattern']);
      expect(Object.values(CONTRACT_TYPE_LABELS)).toContain(r.Contract);
      if (r['Start date']) expect(r['Start date']).toMatch(UK_DATE);
      if (r['Last spoken to']) expect(r['Last spoken to']).toMatch(UK_DATE_TIME);
      expect(r['Organic leader']).toMatch(/^(Yes|No)$/);
    }
    expect(res.rows.some((r) => /^UNISON: (Member|Lapsed|Applied|Pending)/.test(r.Memberships))).toBe(true);
    expect(res.rows.some((r) => /^\d · /.test(r.Assessment))).toBe(true);

    // The same rows as the GraphQL list, page by page, with the same personal details.
    const first = await t.as('secretary')(`query($f: ContactFilter) { allContacts(filter: $f, sortField: "lastName", sortOrder: "ASC", perPage: 100) {
      firstName lastName grade ward { name site { name } } personalEmail personalPhone memberships { status union { shortName } } } }`, { f: filter });
    const people = first.data?.allContacts as { firstName: string; lastName: string; grade: Grade | null; ward: { name: string; site: { name: string } } | null; personalEmail: string | null; personalPhone: string | null; memberships: { status: keyof typeof MEMBERSHIP_STATUS_LABELS; union: { shortName: string } }[] }[];
    people.forEach((p, i) => {
      expect(res.rows[i]).toMatchObject({
        'First name': p.firstName, 'Last name': p.lastName, Grade: p.grade ? gradeLabel(p.grade) : '',
        Ward: p.ward?.name ?? '', Site: p.ward?.site.name ?? '', 'Personal email': p.personalEmail ?? '', 'Personal phone': p.personalPhone ?? '',
        Memberships: p.memberships.map((m) => `${m.union.shortName}: ${MEMBERSHIP_STATUS_LABELS[m.status]}`).join('; '),
      });
    });
    expect(people.some((p) => p.personalEmail || p.personalPhone)).toBe(true);

    const events = (await exportEvents()).filter((e) => e.entity_type === 'Contact' && e.actor_email === LOGINS.secretary);
    expect(events).toHaveLength(1);
    expect(events[0].employer_id).toBe(t.demoEmployerId);
    expect(events[0].after).toMatchObject({ list: 'contacts', filter, sortField: 'lastName', sortOrder: 'ASC', rows: count, complete: true });
    expect(events[0].after.columns).toContain('Personal phone');
    // And the branch's admin finds it in the audit log.
    const log = await t.as('admin')('{ allAuditEvents(filter: { action: EXPORT }) { actorEmail entityType after } }');
    expect(log.errors).toBeUndefined();
    expect(log.data?.allAuditEvents).toContainEqual(expect.objectContaining({ actorEmail: LOGINS.secretary, entityType: 'Contact', after: expect.objectContaining({ rows: count }) }));
  });

  it('gives a rep only the people on their patch', async () => {
    const res = await exportAs('rep', 'contacts', {});
    expect(res.status).toBe(200);
    const mine = await metaCount('rep', 'Contacts', 'Contact', {});
    const branch = await metaCount('secretary', 'Contacts', 'Contact', {});
    expect(mine).toBeGreaterThan(0);
    expect(mine).toBeLessThan(branch);
    expect(res.rows).toHaveLength(mine);
    const patch: { name: string }[] = await t.sql(`SELECT s.name FROM rep_patch p JOIN app_user u ON u.id = p.user_id JOIN site s ON s.id = p.site_id WHERE u.email = $1`, [LOGINS.rep]);
    expect(patch.length).toBeGreaterThan(0);
    expect(new Set(res.rows.map((r) => r.Site))).toEqual(new Set(patch.map((p) => p.name)));
    expect(res.header).toContain('Personal phone'); // they organise these people
  });

  it('gives a caseworker no personal phone or email, not even a column', async () => {
    const res = await exportAs('caseworker', 'contacts', {});
    expect(res.status).toBe(200);
    expect(res.rows).toHaveLength(await metaCount('caseworker', 'Contacts', 'Contact', {}));
    expect(res.header).not.toContain('Personal email');
    expect(res.header).not.toContain('Personal phone');
    const personal: { personal_email: string | null; personal_phone: string | null }[] = await t.sql(
      `SELECT personal_email, personal_phone FROM contact WHERE employer_id = $1 AND deleted_at IS NULL
       AND (personal_email IS NOT NULL OR personal_phone IS NOT NULL) LIMIT 200`, [t.demoEmployerId]);
    expect(personal.length).toBeGreaterThan(0);
    for (const p of personal) {
      if (p.personal_email) expect(res.text).not.toContain(p.personal_email);
      if (p.personal_phone) expect(res.text).not.toContain(p.personal_phone);
    }
  });

  it('refuses a coalition viewer any export of people, and logs the refusal', async () => {
    for (const list of ['contacts', 'conversations', 'memberships', 'rep-roles']) {
      const res = await exportAs('coalition', list, {});
      expect(res.status).toBe(403);
      expect(res.error).toMatchObject({ code: 'FORBIDDEN' });
      expect(res.text).not.toMatch(/Last name|When|Person/);
    }
    const [refused] = await t.sql("SELECT entity_type FROM audit_event WHERE action = 'REFUSED' AND actor_email = $1 AND entity_type LIKE 'POST /export/%' LIMIT 1", [LOGINS.coalition]);
    expect(refused?.entity_type).toBe('POST /export/contacts.csv');
  });

  it("gives another organisation nothing of UNISON's, even with UNISON's ids", async () => {
    const created = await t.as('secretary')(`mutation($d: ContactCreateInput!) { createContact(data: $d) { id wardId } }`, {
      d: await (async () => {
        const [w] = await t.sql('SELECT w.id, s.employer_id FROM ward w JOIN site s ON s.id = w.site_id WHERE s.employer_id = $1 LIMIT 1', [t.demoEmployerId]);
        return { firstName: 'Zebedee', lastName: 'Exportcheck', jobTitle: '=HYPERLINK("http://example.org","pay")', staffGroup: 'ESTATES_ANCILLARY', shiftPattern: 'DAYS', contractType: 'SUBSTANTIVE', employerId: w.employer_id, wardId: w.id };
      })(),
    });
    expect(created.errors).toBeUndefined();
    const mine = await exportAs('secretary', 'contacts', { filter: { q: 'Exportcheck' } });
    expect(mine.rows.map((r) => r['Last name'])).toEqual(['Exportcheck']);
    // Typed text a spreadsheet would run as a formula is kept as text.
    expect(mine.rows[0]['Job title']).toBe(`'=HYPERLINK("http://example.org","pay")`);

    const bma = await exportAs('bmaSecretary', 'contacts', { filter: { q: 'Exportcheck' } });
    expect(bma.status).toBe(200);
    expect(bma.rows).toEqual([]);
    const byWard = await exportAs('bmaSecretary', 'contacts', { filter: { wardId: created.data?.createContact.wardId } });
    expect(byWard.rows).toEqual([]);
    const all = await exportAs('bmaSecretary', 'contacts', {});
    expect(all.rows).toHaveLength(await metaCount('bmaSecretary', 'Contacts', 'Contact', {}));
    expect(all.text).not.toContain('Exportcheck');
    const unisonOnly: { employee_number: string }[] = await t.sql(`SELECT c.employee_number FROM contact c JOIN organisation o ON o.id = c.organisation_id
      WHERE o.name LIKE 'UNISON%' AND c.employee_number IS NOT NULL AND c.employee_number NOT IN
      (SELECT b.employee_number FROM contact b JOIN organisation bo ON bo.id = b.organisation_id WHERE bo.name LIKE 'BMA%' AND b.employee_number IS NOT NULL) LIMIT 50`);
    expect(unisonOnly.length).toBeGreaterThan(0);
    const numbers = new Set(all.rows.map((r) => r['Employee number']));
    for (const u of unisonOnly) expect(numbers.has(u.employee_number)).toBe(false);
    // Nor UNISON's wards: BMA's own map only.
    const wards = await exportAs('bmaSecretary', 'wards', { filter: { ids: [created.data?.createContact.wardId] } });
    expect(wards.rows).toEqual([]);
  });
});

describe('organising lists', () => {
  it('exports conversations in words, as many as the list counts; audited', async () => {
    const res = await exportAs('secretary', 'conversations', { sortField: 'occurredAt', sortOrder: 'DESC' });
    expect(res.status).toBe(200);
    const count = await metaCount('secretary', 'Conversations', 'Conversation', {});
    expect(count).toBeGreaterThan(0);
    expect(res.rows).toHaveLength(count);
    expect(res.header.slice(0, 6)).toEqual(['When', 'Person', 'Ward', 'Site', 'Had by', 'Channel']);
    expect(res.text).not.toMatch(UUID);
    for (const r of res.rows) {
      expect(r.When).toMatch(UK_DATE_TIME);
      expect(Object.values(CONVERSATION_CHANNEL_LABELS)).toContain(r.Channel);
      expect(r.Person).not.toBe('');
    }
    const events = (await exportEvents()).filter((e) => e.entity_type === 'Conversation');
    expect(events.at(-1)?.after).toMatchObject({ list: 'conversations', rows: count, sortField: 'occurredAt', complete: true });
  });

  it('exports memberships and rep roles of the branch, as many as their lists count', async () => {
    const memberships = await exportAs('secretary', 'memberships', { filter: { status: 'MEMBER' } });
    expect(memberships.status).toBe(200);
    expect(memberships.rows).toHaveLength(await metaCount('secretary', 'Memberships', 'Membership', { status: 'MEMBER' }));
    expect(new Set(memberships.rows.map((r) => r.Status))).toEqual(new Set(['Member']));
    const roles = await exportAs('rep', 'rep-roles', {});
    expect(roles.status).toBe(200);
    expect(roles.rows).toHaveLength(await metaCount('rep', 'RepRoles', 'RepRole', {}));
    expect(roles.header).toEqual(['Person', 'Role', 'Wards covered', 'Start date', 'End date']);
  });
});

describe('refusals and bad input', () => {
  it('has every export route name the permission its list needs', () => {
    const routes = Object.getOwnPropertyNames(ExportController.prototype).filter((m) => m !== 'constructor');
    expect(routes.length).toBe(8);
    const people = new Set(['contacts', 'memberships', 'repRoles', 'conversations']);
    for (const m of routes) {
      const handler = (ExportController.prototype as unknown as Record<string, object>)[m];
      expect([m, Reflect.getMetadata(PERMISSION_KEY, handler)]).toEqual([m, people.has(m) ? Permission.PEOPLE_READ : Permission.WORKPLACE_READ]);
    }
    // The slice explorer's export (test/api/density-export.e2e.ts): densitySlice's permission.
    const slices = Object.getOwnPropertyNames(DensityExportController.prototype).filter((m) => m !== 'constructor');
    expect(slices.map((m) => [m, Reflect.getMetadata(PERMISSION_KEY, (DensityExportController.prototype as unknown as Record<string, object>)[m])]))
      .toEqual([['densitySlice', Permission.AGGREGATES_READ]]);
  });

  it('refuses an anonymous request', async () => {
    const res = await download('contacts', {});
    expect(res.status).toBe(401);
    expect(res.error).toMatchObject({ code: 'UNAUTHENTICATED' });
    const bad = await download('wards', {}, 'not-a-token');
    expect(bad.status).toBe(401);
  });

  it('names each bad field and sends no file', async () => {
    const unknownField = await exportAs('secretary', 'contacts', { filter: { shoeSize: 9 } });
    expect(unknownField.status).toBe(400);
    expect(unknownField.error).toMatchObject({ code: 'BAD_USER_INPUT', fields: { shoeSize: expect.any(String) } });
    const badEnum = await exportAs('secretary', 'contacts', { filter: { staffGroup: 'ASTRONAUTS' } });
    expect(badEnum.error?.fields).toHaveProperty('staffGroup');
    const badSort = await exportAs('secretary', 'wards', { sortField: 'password' });
    expect(badSort.status).toBe(400);
    expect(badSort.error?.fields?.sortField).toMatch(/cannot sort by "password"/);
    const badOrder = await exportAs('secretary', 'wards', { sortOrder: 'SIDEWAYS' });
    expect(badOrder.error?.fields).toHaveProperty('sortOrder');
    const badId = await exportAs('secretary', 'contacts', { filter: { wardId: "1' OR 1=1" } });
    expect(badId.error?.fields).toHaveProperty('wardId');
    const notObject = await exportAs('secretary', 'contacts', { filter: 'all' });
    expect(notObject.error?.fields).toHaveProperty('filter');
    const extra = await exportAs('secretary', 'contacts', { perPage: 100000 });
    expect(extra.error?.fields).toHaveProperty('perPage');
    for (const r of [unknownField, badEnum, badSort, badOrder, badId, notObject, extra]) {
      expect(r.status).toBe(400);
      expect(r.text).not.toMatch(/at .*\.ts|SELECT|stack/i);
    }
    const unknownList = await exportAs('secretary', 'passwords', {});
    expect(unknownList.status).toBe(404);
  });
});

describe('a large export', () => {
  it('streams 30,000 contacts, all of them, without error', async () => {
    const [ward] = await t.sql<{ id: string; organisation_id: string; employer_id: string }>(
      'SELECT w.id, w.organisation_id, s.employer_id FROM ward w JOIN site s ON s.id = w.site_id WHERE s.employer_id = $1 ORDER BY w.name LIMIT 1', [t.demoEmployerId]);
    await t.sql(`WITH made AS (
        INSERT INTO contact (organisation_id, employer_id, first_name, last_name, staff_group, grade, shift_pattern, contract_type, employee_number, start_date)
        SELECT $1, $2, 'Bulk' || n, 'Bulkexport', 'ADDITIONAL_CLINICAL_SERVICES', 'AFC_3', 'NIGHTS', 'BANK', 'BX' || n, DATE '2020-01-01' + (n % 1000)
        FROM generate_series(1, 30000) AS n RETURNING id)
      INSERT INTO posting (organisation_id, contact_id, ward_id, start_date) SELECT $1, id, $3, DATE '2020-01-01' FROM made`,
    [ward.organisation_id, ward.employer_id, ward.id]);
    const filter = { q: 'Bulkexport' };
    expect(await metaCount('secretary', 'Contacts', 'Contact', filter)).toBe(30_000);
    const res = await exportAs('secretary', 'contacts', { filter, sortField: 'employeeNumber', sortOrder: 'ASC' });
    expect(res.status).toBe(200);
    expect(res.rows).toHaveLength(30_000);
    expect(new Set(res.rows.map((r) => r['Employee number'])).size).toBe(30_000);
    expect(res.rows[0]).toMatchObject({ 'Last name': 'Bulkexport', 'Staff group': 'Additional Clinical Services', Grade: 'Band 3', 'Shift pattern': SHIFT_PATTERN_LABELS.NIGHTS, 'Employee number': 'BX1', 'Start date': '02/01/2020' });
    const [event] = (await exportEvents()).filter((e) => e.after.filter?.q === 'Bulkexport');
    expect(event.after).toMatchObject({ rows: 30_000, complete: true });
  }, 240_000);

  it('records a download cut short by the client, with the rows sent', async () => {
    const token = await t.login('caseworker');
    await new Promise<void>((resolve, reject) => {
      const req = http.request(`${t.url}/export/contacts.csv`, {
        method: 'POST', headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      }, (res) => {
        if (res.statusCode !== 200) reject(new Error(`status ${res.statusCode}`));
        res.once('data', () => {
          req.destroy();
          resolve();
        });
      });
      req.on('error', () => undefined); // the destroy above
      req.end(JSON.stringify({ filter: { q: 'Bulkexport' } }));
    });
    // Written on its own once the server notices the client has gone: wait for it (bounded).
    let entry: { after: Record<string, any> } | undefined;
    for (let i = 0; i < 600 && !entry; i++) {
      [entry] = await t.sql("SELECT after FROM audit_event WHERE action = 'EXPORT' AND actor_email = $1 AND after->'filter'->>'q' = 'Bulkexport'", [LOGINS.caseworker]);
      if (!entry) await new Promise((r) => setTimeout(r, 100));
    }
    expect(entry?.after).toMatchObject({ list: 'contacts', filter: { q: 'Bulkexport' }, complete: false });
    expect(entry?.after.rows).toBeGreaterThan(0);
    expect(entry?.after.rows).toBeLessThan(30_000);
  }, 120_000);
});

describe('with the API-layer checks switched off', () => {
  let api: TestApp;
  beforeAll(async () => {
    // Every people query loses its organisation, branch and patch conditions: only the database's
    // row-level security, keyed on the identity the export's transaction sets, is left to say no.
    jest.spyOn(PeopleDoor.prototype, 'condition').mockReturnValue({ sql: 'TRUE', params: {} });
    api = await startTestApp();
  });
  afterAll(async () => {
    jest.restoreAllMocks();
    await api?.close();
  });

  it("exports exactly the caller's branch: the database's own wall holds in the export's transaction", async () => {
    const [{ n }] = await api.sql(`SELECT count(*)::int AS n FROM contact c JOIN organisation o ON o.id = c.organisation_id
      WHERE o.name LIKE 'UNISON%' AND c.employer_id = $1 AND c.deleted_at IS NULL`, [api.demoEmployerId]);
    const [{ n: everyone }] = await api.sql('SELECT count(*)::int AS n FROM contact WHERE deleted_at IS NULL');
    expect(everyone).toBeGreaterThan(n);
    const rep = await download('contacts', {}, await api.login('rep'), api);
    expect(rep.rows).toHaveLength(n); // the switch is real: a rep now gets the whole branch
    const sec = await download('contacts', {}, await api.login('secretary'), api);
    expect(sec.rows).toHaveLength(n);
    const bma = await download('contacts', {}, await api.login('bmaSecretary'), api);
    const [{ n: bmaBranch }] = await api.sql(`SELECT count(DISTINCT c.id)::int AS n FROM contact c JOIN organisation o ON o.id = c.organisation_id
      JOIN branch_employer be ON be.employer_id = c.employer_id JOIN branch b ON b.id = be.branch_id AND b.organisation_id = o.id
      JOIN user_branch_role r ON r.branch_id = b.id JOIN app_user u ON u.id = r.user_id
      WHERE o.name LIKE 'BMA%' AND u.email = $1 AND c.deleted_at IS NULL`, [LOGINS.bmaSecretary]);
    expect(bma.rows).toHaveLength(bmaBranch);
  });
});
