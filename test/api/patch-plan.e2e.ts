import { jest } from '@jest/globals';
import { PERSON_OWNED, PeopleDoor, type PeopleSql } from '../../apps/api/src/access/people-door.js';
import { patchWardsSql } from '../../apps/api/src/organising/organising.sql.js';
import { startTestApp, type TestApp } from '../fixtures/app.js';

/**
 * What my patch costs under row-level security. Its work grows with the people, not with the
 * people squared, whatever joins the planner picks: under row-level security it thinks a set of
 * people holds about one row (each policy's check multiplies its estimate down) and joins by nested
 * loops, and a join of the people with per-person aggregates then rescanned the aggregate for every
 * person (ten times slower at 25,000 contacts). The planner is made to pick nested loops here, as
 * it does at that scale, and the statement is explained in the request that runs it: the app's own
 * transaction, as the role the policies bind, with the caller's identity and parameters. At that
 * scale a person's assessment, membership or conversations are read by an index probe: so here too
 * (seq scans off). Since the people tables' policies became column checks (PersonEmployer), the
 * planner otherwise costs a per-person scan of this test's 141 assessments as cheaper than a probe,
 * a plan it never picks at scale. And the policies, which every row it reads passes, read the
 * caller's identity once per statement.
 */
interface PlanNode {
  'Node Type': string;
  'Actual Rows': number;
  'Actual Loops': number;
  'Rows Removed by Filter'?: number;
  'Rows Removed by Join Filter'?: number;
  Plans?: PlanNode[];
}

const PEOPLE_TABLES = ['contact', 'posting', 'membership', 'conversation', 'assessment'];

let t: TestApp;
const plans: PlanNode[] = [];

beforeAll(async () => {
  const run = PeopleDoor.prototype.sql;
  jest.spyOn(PeopleDoor.prototype, 'sql').mockImplementation(async function (this: PeopleDoor, user, build: (people: PeopleSql) => string, params) {
    if (build === patchWardsSql) {
      const joins = (on: boolean) => run.call(this, user, () => `SELECT set_config('enable_hashjoin', '${on}', true), set_config('enable_mergejoin', '${on}', true),
        set_config('enable_seqscan', '${on}', true)`);
      await joins(false);
      const [row] = await run.call(this, user, (people) => `EXPLAIN (ANALYZE, FORMAT JSON) ${build(people)}`, params) as { 'QUERY PLAN': { Plan: PlanNode }[] }[];
      plans.push(row['QUERY PLAN'][0].Plan);
      await joins(true);
    }
    return run.call(this, user, build, params) as never;
  });
  t = await startTestApp();
  await t.sql('ANALYZE'); // statistics, as a live database has them
});
afterAll(async () => {
  jest.restoreAllMocks();
  await t?.close();
});

/** The most rows any one step of the plan handled: the rows it returned and those its filters threw away, over all its loops. */
function busiestStep(node: PlanNode): number {
  // EXPLAIN gives rows per loop.
  const own = (node['Actual Rows'] + (node['Rows Removed by Filter'] ?? 0) + (node['Rows Removed by Join Filter'] ?? 0)) * node['Actual Loops'];
  return Math.max(own, ...(node.Plans ?? []).map(busiestStep));
}

describe('my patch under row-level security', () => {
  it.each(['rep', 'secretary'] as const)('as the %s, handles no more rows in any step than the largest table holds', async (who) => {
    plans.length = 0;
    const res = await t.as(who)('{ myPatch { id headcount members assessed supportive leaders spokenTo neverSpokenTo openFollowUps } }');
    expect(res.errors).toBeUndefined();
    expect(res.data?.myPatch.length).toBeGreaterThan(0);
    expect(plans).toHaveLength(1);
    // A step may read a table once (a scan, or a probe per person of their posting, membership,
    // assessment or conversations), not once per person: that handles their number squared.
    const [{ n: largest }] = await t.sql(`SELECT greatest(${PEOPLE_TABLES.map((x) => `(SELECT count(*) FROM ${x})`).join(', ')})::int AS n`);
    expect(busiestStep(plans[0])).toBeLessThanOrEqual(largest);
  });
});

describe('the policies on people', () => {
  it("read the caller's identity once per statement, not once per row", async () => {
    // (SELECT rollcall_organisation()) is an init plan, run once; called bare, it runs for every row,
    // and so does the contact policy's once for every row of the tables whose policies probe contact.
    // A policy for INSERT has only a check (its USING is null): both are read.
    const policies = await t.sql<{ table: string; qual: string }>("SELECT tablename AS table, concat_ws(' ', qual, with_check) AS qual FROM pg_policies WHERE tablename = ANY($1)", [Object.keys(PERSON_OWNED)]);
    expect(new Set(policies.map((p) => p.table))).toEqual(new Set(Object.keys(PERSON_OWNED)));
    for (const { table, qual } of policies) {
      const bare = qual.replace(/\( SELECT (rollcall_organisation|rollcall_employers)\(\) AS \1\)/g, '');
      expect({ table, bare: /rollcall_(organisation|employers)\(/.test(bare) }).toEqual({ table, bare: false });
    }
  });
});
