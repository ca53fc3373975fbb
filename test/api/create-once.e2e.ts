import { randomUUID } from 'node:crypto';
import { errorOf, LOGINS, startTestApp, type GqlResult, type Login, type TestApp } from '../fixtures/app.js';

/**
 * Creates carry a client-made id (an idempotency key kept across retries): a save retried on a bad
 * signal makes one record, and the answer to every attempt is that record. An id that is someone
 * else's is refused with one and the same field error, whoever and wherever they are, and nothing
 * of theirs is shown or changed.
 */
let t: TestApp;
/** A person on the demo rep's patch, one in the second trust (another branch), one of the BMA organisation. */
let onPatch: { id: string; employer_id: string; ward_id: string };
let otherBranch: { id: string; ward_id: string };
let otherOrg: { id: string };

const LOG = `mutation($d: ConversationCreateInput!) { createConversation(data: $d) {
  id contactId repUserId occurredAt createdAt channel aeiouSteps issueTags { name } ask answer assessment notes followUpDate } }`;
const ID_IN_USE = { id: 'is already in use: make a new id for a new record' };

const count = async (table: string, where: string, params: unknown[]) =>
  (await t.sql<{ n: number }>(`SELECT count(*)::int AS n FROM ${table} WHERE ${where}`, params))[0].n;

beforeAll(async () => {
  t = await startTestApp();
  [onPatch] = await t.sql(`SELECT c.id, c.employer_id, p.ward_id FROM contact c
    JOIN posting p ON p.contact_id = c.id AND p.end_date IS NULL JOIN ward w ON w.id = p.ward_id
    JOIN rep_patch rp ON rp.site_id = w.site_id JOIN app_user u ON u.id = rp.user_id AND u.email = $1
    WHERE c.employer_id = $2 AND c.deleted_at IS NULL AND c.organisation_id = u.organisation_id
    ORDER BY c.last_name, c.id LIMIT 1`, [LOGINS.rep, t.demoEmployerId]);
  [otherBranch] = await t.sql(`SELECT c.id, p.ward_id FROM contact c JOIN app_user u ON u.organisation_id = c.organisation_id AND u.email = $1
    JOIN posting p ON p.contact_id = c.id AND p.end_date IS NULL
    WHERE c.employer_id = $2 AND c.deleted_at IS NULL ORDER BY c.id LIMIT 1`, [LOGINS.secretary2, t.otherEmployerId]);
  [otherOrg] = await t.sql(`SELECT c.id FROM contact c JOIN app_user u ON u.organisation_id = c.organisation_id AND u.email = $1
    JOIN user_branch_role r ON r.user_id = u.id JOIN branch_employer be ON be.branch_id = r.branch_id AND be.employer_id = c.employer_id
    WHERE c.deleted_at IS NULL ORDER BY c.id LIMIT 1`, [LOGINS.bmaSecretary]);
  if (!onPatch || !otherBranch || !otherOrg) throw new Error('the demo data lacks the people these tests need');
});
afterAll(async () => { await t?.close(); });

describe('createConversation with a client-made id', () => {
  it('sent twice, one after the other: one conversation, one assessment, one audit entry, the same answer', async () => {
    const id = randomUUID();
    const d = { id, contactId: onPatch.id, assessment: 2, answer: 'YES', ask: 'Come to the meeting', notes: 'Short-staffed on nights' };
    const first = await t.as('rep')(LOG, { d });
    expect(first.errors).toBeUndefined();
    const again = await t.as('rep')(LOG, { d });
    expect(again.errors).toBeUndefined();
    expect(first.data?.createConversation.id).toBe(id);
    expect(again.data?.createConversation).toEqual(first.data?.createConversation);
    expect(await count('conversation', 'id = $1', [id])).toBe(1);
    expect(await count('assessment', 'conversation_id = $1', [id])).toBe(1);
    expect(await count('audit_event', "entity_id = $1 AND action = 'CREATE'", [id])).toBe(1);
  });

  it('sent twice at once (a second tap while the first is still committing): still one of each', async () => {
    const id = randomUUID();
    const d = { id, contactId: onPatch.id, assessment: 3, notes: 'Two taps on a bad signal' };
    const [a, b] = await Promise.all([t.as('rep')(LOG, { d }), t.as('rep')(LOG, { d })]);
    expect([a.errors, b.errors]).toEqual([undefined, undefined]);
    expect(a.data?.createConversation).toEqual(b.data?.createConversation);
    expect(await count('conversation', 'id = $1', [id])).toBe(1);
    expect(await count('assessment', 'conversation_id = $1', [id])).toBe(1);
    expect(await count('audit_event', "entity_id = $1 AND action = 'CREATE'", [id])).toBe(1);
  });

  it("refuses another user's reuse of the id alike in the same branch, another branch and another organisation, showing and changing nothing", async () => {
    const id = randomUUID();
    const logged = await t.as('rep')(LOG, { d: { id, contactId: onPatch.id, assessment: 1, notes: 'Private notes of the rep' } });
    expect(logged.errors).toBeUndefined();
    const [before] = await t.sql('SELECT * FROM conversation WHERE id = $1', [id]);
    const attempts: [Login, string][] = [['secretary', onPatch.id], ['secretary2', otherBranch.id], ['bmaSecretary', otherOrg.id]];
    const answers: GqlResult[] = [];
    for (const [who, contactId] of attempts) {
      const res = await t.as(who)(LOG, { d: { id, contactId, assessment: 5, notes: `Overwritten by ${who}` } });
      expect({ who, ...errorOf(res), data: res.data ?? null }).toEqual({
        who, code: 'BAD_USER_INPUT', message: `Invalid input — id: ${ID_IN_USE.id}`, fields: ID_IN_USE, data: null,
      });
      answers.push(res);
    }
    // One answer for all three: it says nothing of whose the id is or where.
    expect(new Set(answers.map((r) => JSON.stringify(r.errors?.map(({ path: _p, ...e }) => e)))).size).toBe(1);
    expect(JSON.stringify(answers)).not.toMatch(/Private notes|Jo Whitehead/);
    const [after] = await t.sql('SELECT * FROM conversation WHERE id = $1', [id]);
    expect(after).toEqual(before);
    expect(await count('conversation', 'id = $1', [id])).toBe(1);
    expect(await count('assessment', 'conversation_id = $1', [id])).toBe(1);
  });

  it('refuses an id that is not a version 4 UUID, and ids of records made before ids were kept', async () => {
    const bad = await t.as('rep')(LOG, { d: { id: 'not-a-uuid', contactId: onPatch.id } });
    expect(errorOf(bad)).toMatchObject({ code: 'BAD_USER_INPUT', fields: { id: 'id must be a UUID (version 4) made by the client' } });
    // A seeded conversation of the rep's (the seed keeps no client ids): its id cannot make a second one.
    const [seeded] = await t.sql(`SELECT cv.id FROM conversation cv JOIN app_user u ON u.id = cv.rep_user_id AND u.email = $1
      WHERE cv.id::text ~ '^[0-9a-f]{8}-[0-9a-f]{4}-4' ORDER BY cv.created_at LIMIT 1`, [LOGINS.rep]);
    const before = await count('conversation', 'true', []);
    const reused = await t.as('secretary')(LOG, { d: { id: seeded.id, contactId: onPatch.id } });
    expect(errorOf(reused).fields).toEqual(ID_IN_USE);
    expect(await count('conversation', 'true', [])).toBe(before);
  });

  it('is not accepted by updates: a record keeps its id', async () => {
    const res = await t.as('rep')('mutation($id: ID!, $n: ID) { updateConversation(id: $id, data: { id: $n }) { id } }', { id: randomUUID(), n: randomUUID() });
    expect(errorOf(res).code).toBe('GRAPHQL_VALIDATION_FAILED');
  });
});

describe('createContact, createMembership and createRepRole with a client-made id', () => {
  const CONTACT = 'mutation($d: ContactCreateInput!) { createContact(data: $d) { id fullName wardId createdAt postings { wardId } } }';
  const MEMBERSHIP = 'mutation($d: MembershipCreateInput!) { createMembership(data: $d) { id contactId unionId status createdAt } }';
  const REP_ROLE = 'mutation($d: RepRoleCreateInput!) { createRepRole(data: $d) { id contactId kind wardIds createdAt } }';

  it('a retried contact is one contact with one posting', async () => {
    const id = randomUUID();
    const d = { id, firstName: 'Retry', lastName: 'Onceonly', staffGroup: 'ADDITIONAL_CLINICAL_SERVICES', shiftPattern: 'DAYS',
      contractType: 'BANK', employerId: onPatch.employer_id, wardId: onPatch.ward_id };
    const first = await t.as('rep')(CONTACT, { d });
    const again = await t.as('rep')(CONTACT, { d });
    expect([first.errors, again.errors]).toEqual([undefined, undefined]);
    expect(again.data?.createContact).toEqual(first.data?.createContact);
    expect(first.data?.createContact.id).toBe(id);
    expect(await count('contact', "last_name = 'Onceonly'", [])).toBe(1);
    expect(await count('posting', 'contact_id = $1', [id])).toBe(1);
    const other = await t.as('secretary')(CONTACT, { d: { ...d, firstName: 'Overwritten' } });
    expect(errorOf(other).fields).toEqual(ID_IN_USE);
    expect((await t.sql('SELECT first_name FROM contact WHERE id = $1', [id]))[0].first_name).toBe('Retry');
  });

  it('a retried membership is one membership, not "already a member"', async () => {
    const [{ id: unionId }] = await t.sql("SELECT id FROM trade_union WHERE short_name = 'Unite'");
    const [person] = await t.sql(`SELECT c.id FROM contact c WHERE c.id <> $1 AND c.employer_id = $2 AND c.deleted_at IS NULL
      AND EXISTS (SELECT 1 FROM posting p WHERE p.contact_id = c.id AND p.end_date IS NULL AND p.ward_id = $3)
      AND NOT EXISTS (SELECT 1 FROM membership m WHERE m.contact_id = c.id AND m.union_id = $4) ORDER BY c.id LIMIT 1`,
    [onPatch.id, onPatch.employer_id, onPatch.ward_id, unionId]);
    const id = randomUUID();
    const d = { id, contactId: person.id, unionId, status: 'PENDING', source: 'SELF_REPORTED' };
    const [a, b] = await Promise.all([t.as('rep')(MEMBERSHIP, { d }), t.as('rep')(MEMBERSHIP, { d })]);
    const c = await t.as('rep')(MEMBERSHIP, { d });
    expect([a.errors, b.errors, c.errors]).toEqual([undefined, undefined, undefined]);
    expect(b.data?.createMembership).toEqual(a.data?.createMembership);
    expect(c.data?.createMembership).toEqual(a.data?.createMembership);
    expect(await count('membership', 'contact_id = $1 AND union_id = $2', [person.id, unionId])).toBe(1);
    // A new id for the same person and union is a second membership: refused as before.
    const second = await t.as('rep')(MEMBERSHIP, { d: { ...d, id: randomUUID() } });
    expect(errorOf(second).fields).toEqual({ unionId: 'this contact already has a membership of this union: edit it instead' });
    const other = await t.as('secretary')(MEMBERSHIP, { d: { ...d, status: 'MEMBER' } });
    expect(errorOf(other).fields).toEqual(ID_IN_USE);
    expect((await t.sql('SELECT status FROM membership WHERE id = $1', [id]))[0].status).toBe('PENDING');
  });

  it('a retried rep role is one rep role', async () => {
    const id = randomUUID();
    const d = { id, contactId: onPatch.id, kind: 'LEARNING_REP', wardIds: [onPatch.ward_id] };
    const first = await t.as('rep')(REP_ROLE, { d });
    const again = await t.as('rep')(REP_ROLE, { d });
    expect([first.errors, again.errors]).toEqual([undefined, undefined]);
    expect(again.data?.createRepRole).toEqual(first.data?.createRepRole);
    expect(first.data?.createRepRole.wardIds).toEqual([onPatch.ward_id]);
    expect(await count('rep_role', 'id = $1', [id])).toBe(1);
    expect(await count('rep_role_ward', 'rep_role_id = $1', [id])).toBe(1);
    expect(errorOf(await t.as('secretary2')(REP_ROLE, { d: { ...d, contactId: otherBranch.id, wardIds: [otherBranch.ward_id] } })).fields).toEqual(ID_IN_USE);
  });

  it('without an id, every create is a new record (as before)', async () => {
    const d = { contactId: onPatch.id, notes: 'No id sent' };
    const [a, b] = [await t.as('rep')(LOG, { d }), await t.as('rep')(LOG, { d })];
    expect(a.data?.createConversation.id).not.toBe(b.data?.createConversation.id);
  });
});
