import { errorOf, LOGINS, startTestApp, type Login, type TestApp } from '../fixtures/app.js';

/**
 * Who may change a conversation: whoever logged it, and a secretary or admin of the person's branch.
 * A rep may not rewrite or delete what the secretary logged about someone on the rep's own patch.
 */
let t: TestApp;
let onPatch: string;

const LOG = 'mutation($d: ConversationCreateInput!) { createConversation(data: $d) { id } }';
const UPDATE = 'mutation($id: ID!, $d: ConversationUpdateInput!) { updateConversation(id: $id, data: $d) { id notes assessment } }';
const DELETE = 'mutation($id: ID!) { deleteConversation(id: $id) { id } }';
const REFUSAL = (doing: string) => `Only the person who logged this conversation, or a branch secretary or admin, may ${doing} it`;

async function logAs(who: Login, notes: string): Promise<string> {
  const res = await t.as(who)(LOG, { d: { contactId: onPatch, assessment: 2, notes } });
  expect(res.errors).toBeUndefined();
  return res.data?.createConversation.id;
}

const row = async (id: string) => (await t.sql('SELECT * FROM conversation WHERE id = $1', [id]))[0];
const history = async (id: string) => t.sql('SELECT value FROM assessment WHERE conversation_id = $1 ORDER BY created_at', [id]);

beforeAll(async () => {
  t = await startTestApp();
  [{ id: onPatch }] = await t.sql(`SELECT c.id FROM contact c
    JOIN posting p ON p.contact_id = c.id AND p.end_date IS NULL JOIN ward w ON w.id = p.ward_id
    JOIN rep_patch rp ON rp.site_id = w.site_id JOIN app_user u ON u.id = rp.user_id AND u.email = $1
    WHERE c.employer_id = $2 AND c.deleted_at IS NULL AND c.organisation_id = u.organisation_id
    ORDER BY c.last_name, c.id LIMIT 1`, [LOGINS.rep, t.demoEmployerId]);
});
afterAll(async () => { await t?.close(); });

describe('who may change or delete a conversation', () => {
  it("refuses a rep changing or deleting the secretary's conversation with someone on the rep's patch, and changes nothing", async () => {
    const id = await logAs('secretary', 'Logged by the secretary');
    const before = await row(id);
    // The rep can see it (the person is on their patch)…
    expect((await t.as('rep')('query($id: ID!) { Conversation(id: $id) { notes } }', { id })).data?.Conversation.notes).toBe('Logged by the secretary');
    // …but not rewrite or delete it.
    const update = await t.as('rep')(UPDATE, { id, d: { notes: 'Rewritten by the rep', assessment: 5 } });
    expect(errorOf(update)).toMatchObject({ code: 'FORBIDDEN', message: REFUSAL('change') });
    const del = await t.as('rep')(DELETE, { id });
    expect(errorOf(del)).toMatchObject({ code: 'FORBIDDEN', message: REFUSAL('delete') });
    expect(await row(id)).toEqual(before);
    expect(await history(id)).toEqual([{ value: 2 }]);
    const audited = await t.sql("SELECT action FROM audit_event WHERE entity_id = $1 AND action <> 'CREATE'", [id]);
    expect(audited).toEqual([]);
  });

  it('lets a rep change and delete their own conversation', async () => {
    const id = await logAs('rep', 'Logged by the rep');
    const update = await t.as('rep')(UPDATE, { id, d: { notes: 'Corrected by the rep', assessment: 3 } });
    expect(update.errors).toBeUndefined();
    expect(update.data?.updateConversation).toMatchObject({ notes: 'Corrected by the rep', assessment: 3 });
    expect((await t.as('rep')(DELETE, { id })).errors).toBeUndefined();
    expect(await row(id)).toBeUndefined();
  });

  it("lets the branch's secretary and admin change and delete a rep's conversation", async () => {
    const id = await logAs('rep', 'Logged by the rep');
    const bySecretary = await t.as('secretary')(UPDATE, { id, d: { notes: 'Corrected by the secretary' } });
    expect(bySecretary.errors).toBeUndefined();
    expect(bySecretary.data?.updateConversation.notes).toBe('Corrected by the secretary');
    const byAdmin = await t.as('admin')(UPDATE, { id, d: { assessment: 1 } });
    expect(byAdmin.errors).toBeUndefined();
    expect((await t.as('secretary')(DELETE, { id })).errors).toBeUndefined();
    expect(await row(id)).toBeUndefined();
  });

  it("refuses a caseworker, and another branch's secretary does not even find it", async () => {
    const id = await logAs('rep', 'Logged by the rep');
    const before = await row(id);
    expect(errorOf(await t.as('caseworker')(UPDATE, { id, d: { notes: 'By the caseworker' } })).code).toBe('FORBIDDEN');
    expect(errorOf(await t.as('caseworker')(DELETE, { id })).code).toBe('FORBIDDEN');
    expect(errorOf(await t.as('secretary2')(UPDATE, { id, d: { notes: 'By another branch' } })).code).toBe('NOT_FOUND');
    expect(errorOf(await t.as('secretary2')(DELETE, { id })).code).toBe('NOT_FOUND');
    expect(await row(id)).toEqual(before);
  });
});

describe('Conversation.mayChange says beforehand what the mutations decide', () => {
  const MAY = 'query($id: ID!) { Conversation(id: $id) { mayChange } }';
  const mayChange = async (who: Login, id: string) => (await t.as(who)<{ Conversation: { mayChange: boolean } }>(MAY, { id })).data?.Conversation.mayChange;

  it.each([
    ['the secretary', 'secretary', { rep: false, secretary: true, admin: true, caseworker: false }],
    ['the rep', 'rep', { rep: true, secretary: true, admin: true, caseworker: false }],
  ] as const)('on a conversation logged by %s', async (_by, author, expected) => {
    const id = await logAs(author, `Logged by ${author}`);
    for (const [who, may] of Object.entries(expected) as [Login, boolean][]) {
      expect({ who, may: await mayChange(who, id) }).toEqual({ who, may });
      // The mutation agrees (a harmless change: the same notes again).
      const res = await t.as(who)(UPDATE, { id, d: { notes: `Logged by ${author}` } });
      expect({ who, refused: errorOf(res)?.code === 'FORBIDDEN' }).toEqual({ who, refused: !may });
    }
  });

  it('in a list, row by row', async () => {
    const mine = await logAs('rep', 'The rep again');
    const theirs = await logAs('secretary', 'The secretary again');
    const res = await t.as('rep')<{ allConversations: { id: string; mayChange: boolean }[] }>(
      'query($ids: [String!]) { allConversations(filter: { ids: $ids }, perPage: 10) { id mayChange } }', { ids: [mine, theirs] });
    expect(Object.fromEntries(res.data!.allConversations.map((c) => [c.id, c.mayChange]))).toEqual({ [mine]: true, [theirs]: false });
  });
});
