import { startTestApp, type Login, type TestApp } from '../fixtures/app.js';
import { PATCH_SITES } from '../fixtures/scope-targets.js';

/**
 * A page of contacts in few statements. Its count comes from the page's own statement when a
 * request asks for both (common/list-page.ts), and it fetches its fields' per-contact values ahead,
 * in one statement (contacts/contact-prefetch.ts), instead of one statement per field's loader. What it hands the
 * loaders must be what the loaders would have read themselves: the same contacts reached through
 * a conversation (`Conversation.contact`, which fetches nothing ahead) are the oracle, field by
 * field, nested rows included, for callers of every scope.
 */

/** A request's statements that are not its reads: its transaction, and the sign-in that begins it (auth/active-user.ts). */
const TRANSACTION_AND_IDENTITY = /^(START TRANSACTION|COMMIT|WITH me AS \(SELECT u\.id, u\.email)/;

let t: TestApp;

/** The contact's own fields (read with the page), every field a page fetches ahead, and the nested rows it hands on, each with all its scalar fields. */
const FIELDS = `id firstName lastName preferredName fullName jobTitle staffGroup grade shiftPattern contractType employerId employeeNumber
  workEmail workPhone postalAddressLines postalPostcode consentPersonalEmail consentPersonalPhone startDate leaveDate leader leaderReason
  leaderMarkedAt leaderMarkedById createdAt updatedAt wardId personalEmail personalPhone postalTown addressConfirmedOn isMember assessment hasOpenCase lastConversationAt
  ward { id name type speciality siteId createdAt updatedAt headcount site { id name kind address postcode odsCode employerId createdAt updatedAt headcount } }
  memberships { id contactId unionId status source joinDate leaveDate membershipNumber recruitedByContactId recruitedByUserId createdAt updatedAt
    union { id name shortName createdAt updatedAt } }`;

type Row = Record<string, unknown> & { id: string };
let contactIds: string[];
let conversationIds: string[];

beforeAll(async () => {
  t = await startTestApp();
  // People of the demo trust with what each field can be: an open case, several memberships, a lapsed
  // one, no current posting, an assessment, and people on the rep's patch.
  const pick = (where: string, n: number) => `(SELECT c.id FROM contact c WHERE c.organisation_id = o.id AND c.employer_id = $1
    AND c.deleted_at IS NULL AND ${where} ORDER BY c.id LIMIT ${n})`;
  const rows = await t.sql<{ id: string }>(`SELECT DISTINCT x.id FROM organisation o CROSS JOIN LATERAL (
      ${pick("EXISTS (SELECT 1 FROM case_file k WHERE k.contact_id = c.id AND k.status <> 'CLOSED' AND k.deleted_at IS NULL)", 3)}
      UNION ${pick('(SELECT count(*) FROM membership m WHERE m.contact_id = c.id) >= 2', 3)}
      UNION ${pick('EXISTS (SELECT 1 FROM membership m WHERE m.contact_id = c.id AND m.leave_date IS NOT NULL)', 3)}
      UNION ${pick('NOT EXISTS (SELECT 1 FROM posting p WHERE p.contact_id = c.id AND p.end_date IS NULL)', 3)}
      UNION ${pick('EXISTS (SELECT 1 FROM assessment a WHERE a.contact_id = c.id)', 3)}
      UNION ${pick(`EXISTS (SELECT 1 FROM posting p JOIN ward w ON w.id = p.ward_id WHERE p.contact_id = c.id AND p.end_date IS NULL AND w.site_id IN ${PATCH_SITES})`, 6)}
      UNION ${pick('true', 6)}
    ) x WHERE o.name LIKE 'UNISON%'`, [t.demoEmployerId]);
  contactIds = rows.map((r) => r.id);
  const sec = t.as('secretary');
  // What the demo data may lack: a second membership (a lapsed one, in another union) and someone
  // with no current posting (their last posting ended), off the rep's patch.
  const [two] = await t.sql(`SELECT c.id, u.id AS union_id FROM contact c JOIN trade_union u ON u.organisation_id = c.organisation_id AND u.short_name = 'RCN'
    WHERE c.id = ANY($1) AND EXISTS (SELECT 1 FROM membership m WHERE m.contact_id = c.id)
      AND NOT EXISTS (SELECT 1 FROM membership m WHERE m.contact_id = c.id AND m.union_id = u.id) ORDER BY c.id LIMIT 1`, [contactIds]);
  const lapsed = await sec('mutation($d: MembershipCreateInput!) { createMembership(data: $d) { id } }', {
    d: { contactId: two.id, unionId: two.union_id, status: 'LAPSED', source: 'SELF_REPORTED', joinDate: '2019-04-01', leaveDate: '2023-03-31' },
  });
  expect(lapsed.errors).toBeUndefined();
  const ended = await t.sql(`UPDATE posting SET end_date = greatest(start_date, current_date - 1) WHERE end_date IS NULL AND contact_id = (
    SELECT c.id FROM contact c JOIN posting p ON p.contact_id = c.id AND p.end_date IS NULL
    WHERE c.id = ANY($1) AND c.id <> $2 ORDER BY c.id LIMIT 1) RETURNING id`, [contactIds, two.id]);
  expect(ended).toHaveLength(1);
  // Each of them spoken with just now (by the secretary), so each is reachable through a conversation. Written
  // directly: one statement, where a mutation each took most of a minute on a loaded machine.
  conversationIds = (await t.sql<{ id: string }>(`INSERT INTO conversation (organisation_id, contact_id, rep_user_id, occurred_at, channel, type)
    SELECT c.organisation_id, c.id, u.id, now(), 'IN_PERSON', 'ONE_TO_ONE' FROM contact c JOIN app_user u ON u.email = 'secretary@unison.example'
    WHERE c.id = ANY($1) RETURNING id`, [contactIds])).map((r) => r.id);
  expect(conversationIds).toHaveLength(contactIds.length);
});
afterAll(async () => { await t?.close(); });

/** The contacts as a page reads them (fetched ahead) and as a conversation's contact reads them (each field's own loader). */
async function bothWays(who: Login): Promise<{ page: Map<string, Row>; oracle: Map<string, Row> }> {
  const as = t.as(who);
  const page = await as(`query($ids: [String!]) { allContacts(filter: { ids: $ids }, perPage: 100) { ${FIELDS} } }`, { ids: contactIds });
  expect(page.errors).toBeUndefined();
  const oracle = await as(`query($ids: [String!]) { allConversations(filter: { ids: $ids }, perPage: 100) { contact { ${FIELDS} } } }`, { ids: conversationIds });
  expect(oracle.errors).toBeUndefined();
  const byId = (rows: Row[]) => new Map(rows.map((r) => [r.id, r]));
  return {
    page: byId(page.data?.allContacts),
    oracle: byId(oracle.data?.allConversations.map((c: { contact: Row | null }) => c.contact).filter(Boolean)),
  };
}

describe('a page of contacts fetched ahead', () => {
  it('picked people with every kind of value', async () => {
    const [counts] = await t.sql(`SELECT
        count(*) FILTER (WHERE EXISTS (SELECT 1 FROM case_file k WHERE k.contact_id = c.id AND k.status <> 'CLOSED' AND k.deleted_at IS NULL)) AS open_case,
        count(*) FILTER (WHERE (SELECT count(*) FROM membership m WHERE m.contact_id = c.id) >= 2) AS two_memberships,
        count(*) FILTER (WHERE NOT EXISTS (SELECT 1 FROM posting p WHERE p.contact_id = c.id AND p.end_date IS NULL)) AS unposted,
        count(*) FILTER (WHERE EXISTS (SELECT 1 FROM assessment a WHERE a.contact_id = c.id)) AS assessed
      FROM contact c WHERE c.id = ANY($1)`, [contactIds]);
    expect(Object.entries(counts).filter(([, n]) => Number(n) === 0).map(([kind]) => kind)).toEqual([]); // names any kind missing
  });

  for (const who of ['secretary', 'caseworker', 'rep', 'admin', 'secretary2'] as const) {
    it(`hands ${who} the values each field's own loader reads, for the same people`, async () => {
      const { page, oracle } = await bothWays(who);
      expect([...page.keys()].sort()).toEqual([...oracle.keys()].sort());
      for (const [id, row] of page) expect(row).toEqual(oracle.get(id)); // each person's, compared whole
      const rows = [...page.values()];
      if (who === 'secretary2') {
        expect(rows).toHaveLength(0); // another branch's people: none
        return;
      }
      expect(rows.length).toBeGreaterThan(0);
      // the comparison covered what each field can be (a rep sees only people posted on their patch, and may not
      // know whether anyone has a case)
      const seen = {
        twoMemberships: rows.some((r) => (r.memberships as unknown[]).length >= 2),
        ward: rows.some((r) => r.ward !== null),
        assessment: rows.some((r) => r.assessment !== null),
        noWard: rows.some((r) => r.ward === null),
        openCase: rows.some((r) => r.hasOpenCase === true),
        noOpenCase: rows.some((r) => r.hasOpenCase === false),
        caseUnknown: rows.every((r) => r.hasOpenCase === null),
      };
      const rep = who === 'rep';
      expect(seen).toEqual({
        twoMemberships: true, ward: true, assessment: true, noWard: !rep, openCase: !rep, noOpenCase: !rep, caseUnknown: rep,
      });
    });
  }

  it("reads every field of a page in the list's own statement", async () => {
    const sec = t.as('secretary');
    const Q = `query($ids: [String!]) { allContacts(filter: { ids: $ids }, perPage: 100) { ${FIELDS.replace(/headcount/g, '')} } }`;
    await sec(Q, { ids: contactIds }); // warm: login
    const seen: string[] = [];
    const stop = t.counter.record((sql) => seen.push(sql.replace(/\s+/g, ' ').trim()));
    const res = await sec(Q, { ids: contactIds });
    stop();
    expect(res.errors).toBeUndefined();
    const reads = seen.filter((s) => !TRANSACTION_AND_IDENTITY.test(s));
    expect(reads).toHaveLength(1);
    expect(reads[0]).toMatch(/^WITH list AS \(SELECT l\.\*, row_number\(\) OVER \(\) AS rollcall_n FROM \(SELECT "contact"\."id"/);
  });

  it("keeps the list's order, its page and its count", async () => {
    const sec = t.as('secretary');
    for (const [sortField, sortOrder] of [['lastName', 'ASC'], ['lastName', 'DESC'], ['createdAt', 'DESC'], ['jobTitle', 'ASC']]) {
      const Q = (fields: string) => `query($s: String, $o: String) {
        allContacts(filter: { q: "a" }, page: 1, perPage: 40, sortField: $s, sortOrder: $o) { ${fields} } _allContactsMeta(filter: { q: "a" }) { count } }`;
      const plain = await sec(Q('id'), { s: sortField, o: sortOrder });
      const fetched = await sec(Q(FIELDS.replace(/headcount/g, '')), { s: sortField, o: sortOrder });
      expect(plain.errors).toBeUndefined();
      expect(fetched.errors).toBeUndefined();
      expect(plain.data?.allContacts).toHaveLength(40);
      expect(fetched.data?.allContacts.map((c: Row) => c.id)).toEqual(plain.data?.allContacts.map((c: Row) => c.id));
      expect(fetched.data?._allContactsMeta.count).toBe(plain.data?._allContactsMeta.count);
    }
  });

  it('fetches nothing ahead that the query does not ask for', async () => {
    const seen: string[] = [];
    const sec = t.as('secretary');
    await sec('{ allContacts(perPage: 5) { id } }');
    const stop = t.counter.record((sql) => seen.push(sql));
    const res = await sec('{ allContacts(perPage: 5) { id fullName lastName } }');
    stop();
    expect(res.data?.allContacts).toHaveLength(5);
    expect(seen.some((s) => /WITH (page|list) AS/.test(s))).toBe(false);
  });
});

describe("a list page's count", () => {
  const PAGE = `query($f: ContactFilter, $page: Int, $perPage: Int) {
    allContacts(filter: $f, page: $page, perPage: $perPage, sortField: "lastName") { id } _allContactsMeta(filter: $f) { count } }`;
  const COUNT = 'query($f: ContactFilter) { _allContactsMeta(filter: $f) { count } }';

  /** The statements a request sent, apart from its transaction and identity. */
  async function reads(who: Login, query: string, variables: Record<string, unknown>) {
    const as = t.as(who);
    await as('{ allContacts(perPage: 1) { id } }'); // warm: login
    const seen: string[] = [];
    const stop = t.counter.record((sql) => seen.push(sql.replace(/\s+/g, ' ').trim()));
    const res = await as(query, variables);
    stop();
    expect(res.errors).toBeUndefined();
    return { data: res.data!, reads: seen.filter((s) => !TRANSACTION_AND_IDENTITY.test(s)) };
  }

  it("is the page statement's own total, the same as a count asked alone, for any filter, page and caller", async () => {
    const cases: [Login, Record<string, unknown>][] = [
      ['secretary', { f: { q: 'a' }, page: 0, perPage: 10 }],
      ['secretary', { f: { q: 'a' }, page: 3, perPage: 10 }],
      ['secretary', { f: { q: 'no such person at all' }, page: 0, perPage: 10 }],
      ['secretary', { f: { q: 'a' }, page: 500, perPage: 10 }], // past the end: no row carries the total
      ['rep', { f: {}, page: 0, perPage: 5 }],
      ['caseworker', { f: { membershipStatus: 'MEMBER' }, page: 1, perPage: 25 }],
      ['secretary2', { f: { isRep: true }, page: 0, perPage: 25 }],
    ];
    for (const [who, variables] of cases) {
      const both = await reads(who, PAGE, variables);
      const alone = await reads(who, COUNT, { f: variables.f });
      expect({ who, variables, count: both.data._allContactsMeta.count }).toEqual({ who, variables, count: alone.data._allContactsMeta.count });
      expect(both.data.allContacts.length).toBeLessThanOrEqual(variables.perPage as number);
      // one statement for page and count, unless the page was empty past the first (then the count's own)
      const counted = both.reads.filter((s) => /^SELECT COUNT\(/.test(s));
      const empty = both.data.allContacts.length === 0 && (variables.page as number) > 0;
      expect({ who, variables, counted: counted.length }).toEqual({ who, variables, counted: empty ? 1 : 0 });
    }
  });

  it('counts for itself when asked first, or for another filter than the page', async () => {
    const first = await reads('secretary', `query($f: ContactFilter) { _allContactsMeta(filter: $f) { count } allContacts(filter: $f, perPage: 5) { id } }`, { f: { q: 'e' } });
    const other = await reads('secretary', `query($f: ContactFilter, $g: ContactFilter) {
      allContacts(filter: $f, perPage: 5) { id } _allContactsMeta(filter: $g) { count } }`, { f: { q: 'e' }, g: { q: 'o' } });
    const [e, o] = await Promise.all([{ q: 'e' }, { q: 'o' }].map(async (f) => (await reads('secretary', COUNT, { f })).data._allContactsMeta.count));
    expect(first.data._allContactsMeta.count).toBe(e);
    expect(other.data._allContactsMeta.count).toBe(o);
    expect(e).not.toBe(o);
  });
});
