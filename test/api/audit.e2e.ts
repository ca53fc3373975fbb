import { jest } from '@jest/globals';
import { AuditService } from '../../apps/api/src/audit/audit.service.js';
import { DEMO_PASSWORD, errorOf, LOGINS, startTestApp, type TestApp } from '../fixtures/app.js';

let t: TestApp;
beforeAll(async () => { t = await startTestApp(); });
afterAll(async () => { await t?.close(); });

const EVENTS = `query($f: AuditEventFilter) { allAuditEvents(filter: $f, perPage: 50) {
  id action actorEmail entityType entityId before after ip userId createdAt } _allAuditEventsMeta(filter: $f) { count } }`;
const LOGIN = 'mutation($e: String!, $p: String!) { login(email: $e, password: $p) { token } }';

describe('audit log', () => {
  it('records successful and failed logins, with the address', async () => {
    await t.gql(LOGIN, { e: LOGINS.rep, p: 'not-the-password' });
    await t.login('rep');
    const res = await t.as('admin')(EVENTS, { f: { q: LOGINS.rep } });
    const actions = res.data?.allAuditEvents.map((e: { action: string }) => e.action);
    expect(actions).toEqual(expect.arrayContaining(['LOGIN_FAILED', 'LOGIN_SUCCEEDED']));
    const failed = res.data?.allAuditEvents.find((e: { action: string }) => e.action === 'LOGIN_FAILED');
    expect(failed).toMatchObject({ actorEmail: LOGINS.rep, userId: null });
    expect(failed.ip).toMatch(/127\.0\.0\.1/);
  });

  it('records every change to a person with who, when, before and after', async () => {
    const [c] = await t.sql("SELECT c.id, c.job_title FROM contact c JOIN organisation o ON o.id = c.organisation_id WHERE o.name LIKE 'UNISON%' AND c.employer_id = $1 LIMIT 1", [t.demoEmployerId]);
    const upd = await t.as('secretary')('mutation($id: ID!) { updateContact(id: $id, data: { jobTitle: "Ward Manager" }) { id } }', { id: c.id });
    expect(upd.errors).toBeUndefined();
    const res = await t.as('admin')(EVENTS, { f: { entityId: c.id, action: 'UPDATE' } });
    expect(res.data?._allAuditEventsMeta.count).toBe(1);
    const e = res.data?.allAuditEvents[0];
    expect(e).toMatchObject({ action: 'UPDATE', entityType: 'Contact', entityId: c.id, actorEmail: LOGINS.secretary });
    expect(e.before.jobTitle).toBe(c.job_title);
    expect(e.after.jobTitle).toBe('Ward Manager');

    const [{ id: unionId }] = await t.sql("SELECT t.id FROM trade_union t JOIN organisation o ON o.id = t.organisation_id WHERE t.short_name = 'GMB' AND o.name LIKE 'UNISON%'");
    const m = await t.as('rep')('mutation($c: ID!, $u: ID!) { createMembership(data: { contactId: $c, unionId: $u, status: PENDING, source: SELF_REPORTED }) { id } }', { c: c.id, u: unionId });
    const mid = m.data?.createMembership.id;
    await t.as('rep')('mutation($id: ID!) { deleteMembership(id: $id) { id } }', { id: mid });
    const ms = await t.as('admin')(EVENTS, { f: { entityId: mid } });
    expect(ms.data?.allAuditEvents.map((x: { action: string }) => x.action).sort()).toEqual(['CREATE', 'DELETE']);
    const del = ms.data?.allAuditEvents.find((x: { action: string }) => x.action === 'DELETE');
    expect(del).toMatchObject({ entityType: 'Membership', actorEmail: LOGINS.rep, after: null });
    expect(del.before.status).toBe('PENDING');
  });

  it('records refused requests', async () => {
    const refused = await t.as('coalition')('{ allContacts { id } }');
    expect(errorOf(refused).code).toBe('FORBIDDEN');
    const res = await t.as('admin')(EVENTS, { f: { action: 'REFUSED', q: LOGINS.coalition } });
    expect(res.data?.allAuditEvents[0]).toMatchObject({ entityType: 'Query.allContacts', actorEmail: LOGINS.coalition });
    expect(res.data?.allAuditEvents[0].after).toMatchObject({ permission: 'PEOPLE_READ', roles: [{ role: 'COALITION_VIEWER' }] });
  });

  it('shows the log to admins only, and only their organisation\'s events', async () => {
    for (const who of ['secretary', 'rep', 'caseworker', 'coalition', 'bmaSecretary'] as const) {
      expect(errorOf(await t.as(who)(EVENTS)).code).toBe('FORBIDDEN');
    }
    await t.gql(LOGIN, { e: LOGINS.bmaSecretary, p: DEMO_PASSWORD });
    const res = await t.as('admin')(EVENTS, { f: { q: 'bma.example' } });
    expect(res.data?._allAuditEventsMeta.count).toBe(0);
    const [{ n }] = await t.sql("SELECT count(*)::int AS n FROM audit_event WHERE actor_email = $1", [LOGINS.bmaSecretary]);
    expect(n).toBeGreaterThan(0);
  });

  it('filters by date range and refuses a bad date', async () => {
    const future = await t.as('admin')(EVENTS, { f: { from: '2999-01-01' } });
    expect(future.data?._allAuditEventsMeta.count).toBe(0);
    const past = await t.as('admin')(EVENTS, { f: { to: '2000-01-01' } });
    expect(past.data?._allAuditEventsMeta.count).toBe(0);
    const all = await t.as('admin')(EVENTS, { f: { from: '2000-01-01' } });
    expect(all.data?._allAuditEventsMeta.count).toBeGreaterThan(0);
    const bad = await t.as('admin')(EVENTS, { f: { from: 'yesterday' } });
    expect(errorOf(bad).fields).toEqual({ from: 'from must be a date or date-time' });
  });

  it('is append-only: the database refuses UPDATE, DELETE and TRUNCATE, even to the owner', async () => {
    const before = (await t.sql('SELECT count(*)::int AS n FROM audit_event'))[0].n;
    expect(before).toBeGreaterThan(0);
    await expect(t.sql("UPDATE audit_event SET actor_email = 'someone@else'")).rejects.toThrow(/append-only: UPDATE refused/);
    await expect(t.sql('DELETE FROM audit_event')).rejects.toThrow(/append-only: DELETE refused/);
    await expect(t.sql('TRUNCATE audit_event')).rejects.toThrow(/append-only: TRUNCATE refused/);
    expect((await t.sql('SELECT count(*)::int AS n FROM audit_event'))[0].n).toBe(before);
    expect((await t.sql("SELECT count(*)::int AS n FROM audit_event WHERE actor_email = 'someone@else'"))[0].n).toBe(0);
  });

  it('writes a change and its audit entry in one transaction: no entry, no change', async () => {
    const [c] = await t.sql('SELECT id, job_title FROM contact WHERE employer_id = $1 AND organisation_id = (SELECT organisation_id FROM app_user WHERE email = $2) LIMIT 1', [t.demoEmployerId, LOGINS.secretary]);
    const spy = jest.spyOn(AuditService.prototype, 'record').mockRejectedValueOnce(new Error('audit store unavailable'));
    try {
      const res = await t.as('secretary')('mutation($id: ID!) { updateContact(id: $id, data: { jobTitle: "Unaudited" }) { id } }', { id: c.id });
      expect(errorOf(res).code).toBe('INTERNAL_SERVER_ERROR');
      expect(JSON.stringify(res.errors)).not.toMatch(/audit store/);
    } finally {
      spy.mockRestore();
    }
    expect((await t.sql('SELECT job_title FROM contact WHERE id = $1', [c.id]))[0].job_title).toBe(c.job_title);
  });
});

describe('audit log across branches', () => {
  it("shows entries about a person only to the admins of that person's branch", async () => {
    const [other] = await t.sql('SELECT id FROM contact WHERE employer_id = $1 AND organisation_id = (SELECT organisation_id FROM app_user WHERE email = $2) LIMIT 1', [t.otherEmployerId, LOGINS.secretary2]);
    const upd = await t.as('secretary2')('mutation($id: ID!) { updateContact(id: $id, data: { jobTitle: "Theatre Lead" }) { id } }', { id: other.id });
    expect(upd.errors).toBeUndefined();
    const [row] = await t.sql("SELECT employer_id FROM audit_event WHERE entity_id = $1 AND action = 'UPDATE'", [other.id]);
    expect(row.employer_id).toBe(t.otherEmployerId);
    // the admin of the demo trust's branch, same organisation: the entry exists but is not theirs to read
    const res = await t.as('admin')('query($id: ID!) { allAuditEvents(filter: { entityId: $id }) { id } _allAuditEventsMeta(filter: { entityId: $id }) { count } }', { id: other.id });
    expect(res.data).toEqual({ allAuditEvents: [], _allAuditEventsMeta: { count: 0 } });
  });
});
