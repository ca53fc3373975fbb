import { JitExecutor } from '../../apps/api/src/common/jit-executor.js';
import { errorOf, startTestApp, type TestApp } from '../fixtures/app.js';

/**
 * Queries run on graphql-jit, mutations on graphql-js (common/jit-executor.ts). What the queries answer is what the
 * rest of the suite checks, field by field and caller by caller (authz-nested, authz-scope, contact-page against its
 * SQL oracle, the fuzz test's generated operations): every query there runs through the compiled path. This checks
 * which executor runs what, that a query is compiled once and not per request, and that a query's bad variables are
 * refused as before: bad user input, with graphql-js's words, and nothing run.
 */

let t: TestApp;
let jit: JitExecutor;

beforeAll(async () => {
  t = await startTestApp();
  jit = t.app.get(JitExecutor);
});

afterAll(async () => {
  await t?.close();
});

const LIST = 'query JitList($perPage: Int) { allContacts(perPage: $perPage, sortField: "lastName") { id fullName ward { name site { name } } } }';

it('runs a query compiled, once per document, and a mutation on graphql-js', async () => {
  const sec = t.as('secretary');
  await sec('{ me { id } }'); // signed in: the login's own operations are not counted below
  const before = { ...jit.counts };
  const first = await sec(LIST, { perPage: 5 });
  expect(first.errors).toBeUndefined();
  expect(first.data?.allContacts).toHaveLength(5);
  const second = await sec(LIST, { perPage: 3 });
  expect(second.data?.allContacts).toEqual(first.data?.allContacts.slice(0, 3));
  expect(jit.counts.jit - before.jit).toBe(2);
  expect(jit.counts.compiled - before.compiled).toBe(1);
  expect(jit.counts.graphqlJs).toBe(before.graphqlJs);

  const refused = await sec('mutation { createIssueTag(data: { name: "" }) { id } }'); // not a secretary's to do
  expect(errorOf(refused).code).toBe('FORBIDDEN');
  expect(jit.counts.graphqlJs - before.graphqlJs).toBe(1);
  expect(jit.counts.jit - before.jit).toBe(2);
});

it("refuses a query's bad variables as bad user input, in graphql-js's words, and runs nothing", async () => {
  const sec = t.as('secretary');
  await sec('{ me { id } }');
  const before = { ...jit.counts };
  const res = await sec(LIST, { perPage: 'ten' });
  expect(res.status).toBe(400);
  expect(res.data).toBeUndefined();
  expect(errorOf(res)).toMatchObject({ code: 'BAD_USER_INPUT', message: 'Variable "$perPage" got invalid value "ten"; Int cannot represent non-integer value: "ten"' });
  expect(jit.counts).toEqual(before);
});

it("answers a resolver's error in a compiled query as before: its code and its path, and no data past a required field", async () => {
  const res = await t.as('secretary')('query($id: ID!) { me { id } Contact(id: $id) { id } }', { id: '00000000-0000-4000-8000-000000000000' });
  expect(res.status).toBe(200);
  expect(res.data).toBeNull(); // Contact is required (Contact!): its error takes the whole answer's data with it
  expect(res.errors).toHaveLength(1);
  expect(res.errors![0]).toMatchObject({ path: ['Contact'], extensions: { code: 'NOT_FOUND' } });
  expect(Object.keys(res.errors![0]).sort()).toEqual(['extensions', 'locations', 'message', 'path']);
});
