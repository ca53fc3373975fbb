import { CONTACT_REFERENCES } from '../../apps/api/src/access/people-merge.js';
import { PERSON_OWNED } from '../../apps/api/src/access/people-door.js';
import { errorOf, startTestApp, type TestApp } from '../fixtures/app.js';
import { cloneRow, PATCH_SITES } from '../fixtures/scope-targets.js';

/**
 * The duplicates screen and reversible merging over GraphQL on the demo data: each reason is found
 * (a shared employee number across employers, a shared email in another case, similar names on a
 * ward), each caller sees only pairs of people they may see (a rep, pairs within the patch), merging
 * is refused to reps, caseworkers and coalition viewers and across branches and organisations (not
 * found), a merge moves every row naming the merged contact (counted in SQL per table and column),
 * settles collisions in its defined way, is audited, and undo restores both contacts' rows exactly.
 */
let t: TestApp;
let org = '';
let demoBranch = '';
let otherBranch = '';
let patchWard = '';
let offPatchWard = '';
let unionId = '';

const PAIRS = `query($f: DuplicateFilter, $n: Int) { allDuplicateContacts(perPage: $n, filter: $f) { id reasons score a { id firstName wardName employerName } b { id } }
  _allDuplicateContactsMeta(filter: $f) { count } }`;
const MERGE = `mutation($k: ID!, $m: ID!, $c: MergeChoicesInput) { mergeContacts(keepId: $k, mergeId: $m, choices: $c) { id keptId mergedId fields moved absorbed undoneAt } }`;
const UNDO = 'mutation($id: ID!) { undoMerge(mergeId: $id) { id undoneAt } }';
const DISMISS = 'mutation($a: ID!, $b: ID!) { dismissDuplicate(aId: $a, bId: $b) }';

/** A new contact of an employer, currently posted on a ward, with these fields (a copy of a demo contact otherwise). */
async function person(ward: string, fields: Record<string, unknown>): Promise<string> {
  const [model] = await t.sql(`SELECT c.id FROM contact c JOIN posting p ON p.contact_id = c.id AND p.end_date IS NULL
    JOIN ward w ON w.id = p.ward_id JOIN site s ON s.id = w.site_id WHERE w.id = $1 AND c.employer_id = s.employer_id AND c.deleted_at IS NULL LIMIT 1`, [ward]);
  const id = await cloneRow(t, 'contact', model.id, { personal_email: null, work_email: null, preferred_name: null, ...fields });
  await t.sql(`INSERT INTO posting (organisation_id, contact_id, ward_id, start_date) SELECT organisation_id, id, $2, current_date - 30 FROM contact WHERE id = $1`, [id, ward]);
  return id;
}

const pairId = (a: string, b: string) => (a < b ? `${a}:${b}` : `${b}:${a}`);
async function pairsAs(who: Parameters<TestApp['as']>[0], filter: Record<string, unknown> = {}) {
  const res = await t.as(who)(PAIRS, { f: filter, n: 500 });
  expect(res.errors).toBeUndefined();
  return res.data!.allDuplicateContacts as { id: string; reasons: string[]; score: number }[];
}

/** Every row naming these contacts, in every table that names a contact, as JSON (without updated_at). */
async function rowsNaming(ids: string[]): Promise<Record<string, unknown[]>> {
  const out: Record<string, unknown[]> = {};
  for (const [table, columns] of Object.entries(CONTACT_REFERENCES)) {
    // a table that only records (the merge's own records, an import's staged match) is not moved: not compared
    if (!Object.values(columns as Record<string, string>).includes('move')) continue;
    const where = Object.keys(columns).map((c) => `x.${c} = ANY($1)`).join(' OR ');
    out[table] = (await t.sql(`SELECT to_jsonb(x) - 'updated_at' AS row FROM ${table} x WHERE ${where} ORDER BY x.id`, [ids])).map((r) => r.row);
  }
  out.contact = (await t.sql(`SELECT to_jsonb(x) - 'updated_at' AS row FROM contact x WHERE x.id = ANY($1) ORDER BY x.id`, [ids])).map((r) => r.row);
  return out;
}

/** How many rows name this contact, per table and column that moves. */
async function counts(id: string): Promise<Record<string, number>> {
  const out: Record<string, number> = {};
  for (const [table, columns] of Object.entries(CONTACT_REFERENCES)) {
    for (const [column, what] of Object.entries(columns)) {
      if (what === 'move') out[`${table}.${column}`] = (await t.sql(`SELECT count(*)::int AS n FROM ${table} WHERE ${column} = $1`, [id]))[0].n;
    }
  }
  return out;
}

beforeAll(async () => {
  t = await startTestApp();
  [{ organisation_id: org }] = await t.sql('SELECT organisation_id FROM employer WHERE id = $1', [t.demoEmployerId]);
  [{ id: demoBranch }] = await t.sql(`SELECT r.branch_id AS id FROM user_branch_role r JOIN app_user u ON u.id = r.user_id WHERE u.email = 'secretary@unison.example' LIMIT 1`);
  [{ id: otherBranch }] = await t.sql(`SELECT r.branch_id AS id FROM user_branch_role r JOIN app_user u ON u.id = r.user_id WHERE u.email = 'secretary2@unison.example' LIMIT 1`);
  [{ id: patchWard }] = await t.sql(`SELECT w.id FROM ward w WHERE w.site_id IN ${PATCH_SITES} ORDER BY w.id LIMIT 1`);
  [{ id: offPatchWard }] = await t.sql(`SELECT w.id FROM ward w JOIN site s ON s.id = w.site_id WHERE s.employer_id = $1 AND w.site_id NOT IN ${PATCH_SITES} ORDER BY w.id LIMIT 1`,
    [t.demoEmployerId]);
  [{ id: unionId }] = await t.sql(`SELECT id FROM trade_union WHERE organisation_id = $1 ORDER BY name LIMIT 1`, [org]);
  // the admin also administers the second trust's branch, so sees pairs across the two employers
  await t.sql(`INSERT INTO user_branch_role (user_id, branch_id, role) SELECT id, $1, 'ADMIN' FROM app_user WHERE email = 'admin@unison.example'
    ON CONFLICT DO NOTHING`, [otherBranch]);
}, 120_000);

afterAll(() => t?.close());

describe('finding likely duplicates', () => {
  const x = { numberA: '', numberB: '', emailA: '', emailB: '', nameA: '', nameB: '', offA: '', offB: '', otherA: '', otherB: '' };
  let otherWard = '';

  beforeAll(async () => {
    [{ id: otherWard }] = await t.sql('SELECT w.id FROM ward w JOIN site s ON s.id = w.site_id WHERE s.employer_id = $1 ORDER BY w.id LIMIT 1', [t.otherEmployerId]);
    // one person on both trusts' lists: the same employee number at two employers
    x.numberA = await person(offPatchWard, { first_name: 'Priya', last_name: 'Raman', employee_number: 'DUP-0001' });
    x.numberB = await person(otherWard, { first_name: 'P', last_name: 'Raman-Shah', employee_number: 'DUP-0001' });
    // one email in two cases (case-insensitive), on two wards of the patch
    x.emailA = await person(patchWard, { first_name: 'Olu', last_name: 'Adeyemi', work_email: 'olu.adeyemi@nhs.example' });
    x.emailB = await person(patchWard, { first_name: 'Oluwaseun', last_name: 'Ade', personal_email: 'OLU.Adeyemi@NHS.example' });
    // similar names on the same ward (the patch's)
    x.nameA = await person(patchWard, { first_name: 'Katherine', last_name: 'Mulligan' });
    x.nameB = await person(patchWard, { first_name: 'Catherine', last_name: 'Mulligan' });
    x.otherA = await person(patchWard, { first_name: 'Miguel', last_name: 'Schmidt' });
    x.otherB = await person(patchWard, { first_name: 'Mihai', last_name: 'Schmidt' });
    // a pair with one side on the rep's patch and one off it
    x.offA = await person(patchWard, { first_name: 'Bartholomew', last_name: 'Quayle', work_email: 'b.quayle@nhs.example' });
    x.offB = await person(offPatchWard, { first_name: 'Bart', last_name: 'Quayle', work_email: 'B.Quayle@nhs.example' });
  });

  it('finds each reason, with a score', async () => {
    const pairs = await pairsAs('admin');
    const of = (a: string, b: string) => pairs.find((p) => p.id === pairId(a, b));
    expect(of(x.numberA, x.numberB)).toMatchObject({ reasons: ['EMPLOYEE_NUMBER'], score: 1 });
    expect(of(x.emailA, x.emailB)).toMatchObject({ reasons: ['EMAIL'], score: 0.9 });
    expect(of(x.nameA, x.nameB)?.reasons).toEqual(['SIMILAR_NAME']);
    expect(of(x.nameA, x.nameB)!.score).toBeGreaterThanOrEqual(0.6);
    // two different people sharing a surname on the ward are not a pair (similarity 0.53)
    expect(of(x.otherA, x.otherB)).toBeUndefined();
    // two different people on one ward are not a pair: no two of the demo's own seeded people on the patch ward
    // share a name closely, so the only similar-name pairs there are ours (and the seed's own planted duplicates)
    const filtered = await pairsAs('admin', { reason: 'EMPLOYEE_NUMBER' });
    expect(filtered.every((p) => p.reasons.includes('EMPLOYEE_NUMBER'))).toBe(true);
    expect(filtered.some((p) => p.id === pairId(x.numberA, x.numberB))).toBe(true);
    const onWard = await pairsAs('admin', { wardId: otherWard });
    expect(onWard.map((p) => p.id)).toContain(pairId(x.numberA, x.numberB));
    expect(onWard.map((p) => p.id)).not.toContain(pairId(x.nameA, x.nameB));
  });

  it('shows each caller only pairs of people they may see', async () => {
    const ids = async (who: Parameters<TestApp['as']>[0]) => (await pairsAs(who)).map((p) => p.id);
    const secretary = await ids('secretary');
    expect(secretary).toEqual(expect.arrayContaining([pairId(x.emailA, x.emailB), pairId(x.nameA, x.nameB), pairId(x.offA, x.offB)]));
    expect(secretary).not.toContain(pairId(x.numberA, x.numberB)); // one side is another branch's
    const rep = await ids('rep');
    expect(rep).toEqual(expect.arrayContaining([pairId(x.emailA, x.emailB), pairId(x.nameA, x.nameB)]));
    expect(rep).not.toContain(pairId(x.offA, x.offB)); // one side off the patch
    expect(rep).not.toContain(pairId(x.numberA, x.numberB));
    // every pair a rep sees is two people on the patch
    const onPatch = new Set((await t.sql(`SELECT p.contact_id AS id FROM posting p JOIN ward w ON w.id = p.ward_id WHERE p.end_date IS NULL AND w.site_id IN ${PATCH_SITES}`))
      .map((r) => r.id));
    for (const id of rep) for (const side of id.split(':')) expect(onPatch.has(side)).toBe(true);
    expect(await ids('bmaSecretary')).not.toEqual(expect.arrayContaining([pairId(x.emailA, x.emailB)]));
    expect((await ids('bmaSecretary')).filter((id) => secretary.includes(id))).toEqual([]);
    expect(errorOf(await t.as('coalition')(PAIRS, {})).code).toBe('FORBIDDEN');
  });

  it('refuses merging to reps, caseworkers and coalition viewers, and across branches and organisations', async () => {
    for (const who of ['rep', 'caseworker', 'coalition'] as const) {
      expect([who, errorOf(await t.as(who)(MERGE, { k: x.nameA, m: x.nameB })).code]).toEqual([who, 'FORBIDDEN']);
      expect([who, errorOf(await t.as(who)(DISMISS, { a: x.nameA, b: x.nameB })).code]).toEqual([who, 'FORBIDDEN']);
    }
    expect(errorOf(await t.as('bmaSecretary')(MERGE, { k: x.nameA, m: x.nameB })).code).toBe('NOT_FOUND');
    expect(errorOf(await t.as('bmaSecretary')(DISMISS, { a: x.nameA, b: x.nameB })).code).toBe('NOT_FOUND');
    expect(errorOf(await t.as('secretary')(MERGE, { k: x.numberA, m: x.numberB })).code).toBe('NOT_FOUND');
    expect(errorOf(await t.as('secretary2')(MERGE, { k: x.numberB, m: x.numberA })).code).toBe('NOT_FOUND');
    expect(errorOf(await t.as('secretary')(MERGE, { k: x.nameA, m: x.nameA })).fields).toEqual({ mergeId: expect.any(String) });
    expect(errorOf(await t.as('secretary')(MERGE, { k: 'nope', m: x.nameA })).fields).toEqual({ keepId: expect.any(String) });
    // nothing changed
    expect((await t.sql('SELECT count(*)::int AS n FROM contact WHERE id = ANY($1) AND deleted_at IS NULL', [[x.nameA, x.nameB, x.numberA, x.numberB]]))[0].n).toBe(4);
    expect((await t.sql('SELECT count(*)::int AS n FROM contact_merge'))[0].n).toBe(0);
  });

  it('does not show a dismissed pair again', async () => {
    const res = await t.as('secretary')(DISMISS, { a: x.offB, b: x.offA });
    expect(res.errors).toBeUndefined();
    expect(res.data!.dismissDuplicate).toBe(true);
    expect((await pairsAs('secretary')).map((p) => p.id)).not.toContain(pairId(x.offA, x.offB));
    expect((await pairsAs('admin')).map((p) => p.id)).not.toContain(pairId(x.offA, x.offB));
    // again: no error, no second row
    expect((await t.as('secretary')(DISMISS, { a: x.offA, b: x.offB })).data!.dismissDuplicate).toBe(true);
    expect((await t.sql('SELECT count(*)::int AS n FROM duplicate_dismissal'))[0].n).toBe(1);
    const audit = await t.sql("SELECT after FROM audit_event WHERE entity_type = 'DuplicateDismissal'");
    expect(audit).toHaveLength(1);
  });
});

describe('merging', () => {
  let keep = '';
  let merge = '';
  let caseId = '';

  /** A merged contact with a row in every table that names a contact, and the collisions a merge settles. */
  beforeAll(async () => {
    keep = await person(offPatchWard, { first_name: 'Samira', last_name: 'Okafor', employee_number: 'DUP-K1', personal_email: null });
    merge = await person(patchWard, { first_name: 'Sam', last_name: 'Okafor', employee_number: 'DUP-M1', personal_email: 'sam.o@example.org' });
    const any = async (table: string, where = 'TRUE') => (await t.sql(`SELECT id FROM ${table} WHERE organisation_id = $1 AND ${where} ORDER BY id LIMIT 1`, [org]))[0].id as string;
    const other = await person(offPatchWard, { first_name: 'Zebedee', last_name: 'Unrelated' });
    await cloneRow(t, 'conversation', await any('conversation'), { contact_id: merge });
    await cloneRow(t, 'conversation', await any('conversation'), { contact_id: merge });
    await cloneRow(t, 'assessment', await any('assessment'), { contact_id: merge, conversation_id: null });
    await cloneRow(t, 'rep_role', await any('rep_role'), { contact_id: merge });
    await cloneRow(t, 'contact_link', await any('contact_link'), { leader_id: merge, follower_id: other });
    await cloneRow(t, 'contact_link', await any('contact_link'), { leader_id: keep, follower_id: merge }); // between the two: absorbed
    const ballotState = await any('ballot_member_state');
    await cloneRow(t, 'ballot_member_state', ballotState, { contact_id: merge });
    const action = await any('participation');
    await cloneRow(t, 'participation', action, { contact_id: merge });
    await cloneRow(t, 'participation', action, { contact_id: keep }); // the same action: the kept contact's stays
    // memberships of one union: the kept one self-reported, the merged one verified (which wins)
    await t.sql(`INSERT INTO membership (organisation_id, contact_id, union_id, status, source, join_date) VALUES
      ($1, $2, $4, 'MEMBER', 'SELF_REPORTED', '2020-01-01'), ($1, $3, $4, 'MEMBER', 'VERIFIED_LIST', '2019-05-01')`, [org, keep, merge, unionId]);
    // someone else's membership recruited by the merged contact
    await t.sql('UPDATE membership SET recruited_by_contact_id = $1, recruited_by_user_id = NULL WHERE id = $2', [merge, await any('membership', `contact_id IN (SELECT id FROM contact WHERE employer_id = '${t.demoEmployerId}') AND contact_id NOT IN ('${keep}', '${merge}')`)]);
    // a case of the demo branch (the secretary reads it)
    caseId = await cloneRow(t, 'case_file', await any('case_file', `branch_id = '${demoBranch}' AND deleted_at IS NULL`), { contact_id: merge, employer_id: t.demoEmployerId });
    // an older posting too
    await t.sql(`INSERT INTO posting (organisation_id, contact_id, ward_id, start_date, end_date) VALUES ($1, $2, $3, '2020-01-01', '2020-12-31')`, [org, merge, offPatchWard]);
  });

  it('knows every column that names a contact (a new one fails here until the merge handles it)', async () => {
    const keys = await t.sql(`SELECT cl.relname AS table, a.attname AS column FROM pg_constraint k
      JOIN pg_class cl ON cl.oid = k.conrelid JOIN pg_attribute a ON a.attrelid = k.conrelid AND a.attnum = ANY(k.conkey)
      WHERE k.contype = 'f' AND k.confrelid = 'contact'::regclass AND a.attname <> 'organisation_id'
      UNION SELECT table_name, column_name FROM information_schema.columns WHERE table_schema = 'public' AND table_name <> 'contact'
        AND column_name IN ('contact_id', 'leader_id', 'follower_id')`);
    const known = Object.entries(CONTACT_REFERENCES).flatMap(([table, columns]) => Object.keys(columns).map((c) => `${table}.${c}`));
    expect(keys.map((k) => `${k.table}.${k.column}`).sort()).toEqual([...known].sort());
    // and every table about a person moves
    for (const [table, columns] of Object.entries(PERSON_OWNED)) {
      if (table === 'contact') continue;
      for (const c of columns) expect([table, c, (CONTACT_REFERENCES as Record<string, Record<string, string>>)[table]?.[c]]).toEqual([table, c, 'move']);
    }
  });

  it('moves everything to the kept contact in one go, settles collisions, audits it, and undo restores both exactly', async () => {
    const before = await rowsNaming([keep, merge]);
    const [keepCounts, mergeCounts] = [await counts(keep), await counts(merge)];
    for (const [k, n] of Object.entries(mergeCounts)) expect([k, n > 0]).toEqual([k, true]);
    const [keptPosting] = await t.sql('SELECT id FROM posting WHERE contact_id = $1 AND end_date IS NULL', [keep]);
    const [mergedPosting] = await t.sql('SELECT id FROM posting WHERE contact_id = $1 AND end_date IS NULL', [merge]);

    const res = await t.as('secretary')(MERGE, { k: keep, m: merge, c: { fromMerged: ['firstName', 'personalEmail', 'employeeNumber'] } });
    expect(res.errors).toBeUndefined();
    const m = res.data!.mergeContacts;
    // the merged contact is deleted while the merge stands: named, never by id
    expect(m).toMatchObject({ keptId: keep, mergedId: null, absorbed: 3, undoneAt: null });
    expect(m.fields).toEqual({
      firstName: { from: 'Samira', to: 'Sam' }, personalEmail: { from: null, to: 'sam.o@example.org' }, employeeNumber: { from: 'DUP-K1', to: 'DUP-M1' },
    });

    // counted in SQL: nothing names the merged contact any more; the kept contact has both's rows, less what collided
    const absorbed = { 'membership.contact_id': 1, 'participation.contact_id': 1, 'contact_link.leader_id': 1, 'contact_link.follower_id': 1 };
    const after = await counts(keep);
    for (const k of Object.keys(keepCounts)) {
      expect([k, after[k]]).toEqual([k, keepCounts[k] + mergeCounts[k] - (absorbed[k as keyof typeof absorbed] ?? 0)]);
    }
    expect(Object.values(await counts(merge)).every((n) => n === 0)).toBe(true);
    expect((await t.sql('SELECT contact_id FROM case_file WHERE id = $1', [caseId]))[0].contact_id).toBe(keep);
    // collisions: the kept contact's posting stays current, the merged one's ends; the verified membership wins
    expect((await t.sql('SELECT id FROM posting WHERE contact_id = $1 AND end_date IS NULL', [keep])).map((r) => r.id)).toEqual([keptPosting.id]);
    expect((await t.sql('SELECT end_date FROM posting WHERE id = $1', [mergedPosting.id]))[0].end_date).not.toBeNull();
    expect(await t.sql('SELECT source, join_date::text AS j FROM membership WHERE contact_id = $1 AND union_id = $2', [keep, unionId]))
      .toEqual([{ source: 'VERIFIED_LIST', j: '2019-05-01' }]);
    const [k] = await t.sql('SELECT first_name, personal_email, employee_number FROM contact WHERE id = $1', [keep]);
    expect(k).toEqual({ first_name: 'Sam', personal_email: 'sam.o@example.org', employee_number: 'DUP-M1' });
    expect((await t.sql('SELECT deleted_at FROM contact WHERE id = $1', [merge]))[0].deleted_at).not.toBeNull();
    const audit = await t.sql('SELECT action, entity_type, entity_id FROM audit_event WHERE entity_id = ANY($1) ORDER BY id', [[m.id, keep, merge]]);
    expect(audit).toEqual(expect.arrayContaining([
      { action: 'CREATE', entity_type: 'ContactMerge', entity_id: m.id },
      { action: 'DELETE', entity_type: 'Contact', entity_id: merge },
      { action: 'UPDATE', entity_type: 'Contact', entity_id: keep },
    ]));
    // the merge shows in the history of both
    const history = await t.as('secretary')('query($c: ID) { contactMerges(contactId: $c) { id keptName mergedName undoneAt } }', { c: keep });
    expect(history.data!.contactMerges).toEqual([{ id: m.id, keptName: 'Sam Okafor', mergedName: 'Sam Okafor', undoneAt: null }]);
    // the merged contact is gone from the lists, and its pair too
    expect((await pairsAs('secretary')).flatMap((p) => p.id.split(':'))).not.toContain(merge);

    const undone = await t.as('secretary')('mutation($id: ID!) { undoMerge(mergeId: $id) { id undoneAt mergedId } }', { id: m.id });
    expect(undone.errors).toBeUndefined();
    expect(undone.data!.undoMerge.undoneAt).not.toBeNull();
    expect(undone.data!.undoMerge.mergedId).toBe(merge);
    expect(await rowsNaming([keep, merge])).toEqual(before);
    expect((await t.sql("SELECT count(*)::int AS n FROM audit_event WHERE entity_id = $1 AND action = 'UPDATE' AND entity_type = 'ContactMerge'", [m.id]))[0].n).toBe(1);
    expect(errorOf(await t.as('secretary')(UNDO, { id: m.id })).fields).toEqual({ mergeId: 'has already been undone' });
  });

  it('refuses to undo once the kept contact changed in what the merge wrote, or was merged again', async () => {
    const first = (await t.as('secretary')(MERGE, { k: keep, m: merge, c: { fromMerged: ['firstName'] } })).data!.mergeContacts;
    expect(first.fields).toEqual({ firstName: { from: 'Samira', to: 'Sam' } });
    await t.sql("UPDATE contact SET first_name = 'Sammy' WHERE id = $1", [keep]);
    expect(errorOf(await t.as('secretary')(UNDO, { id: first.id })).fields).toEqual({ mergeId: expect.stringContaining('firstName') });
    await t.sql("UPDATE contact SET first_name = 'Sam' WHERE id = $1", [keep]);
    // the kept contact merged into a third
    const third = await person(offPatchWard, { first_name: 'Samira', last_name: 'Okafor' });
    const second = (await t.as('secretary')(MERGE, { k: third, m: keep })).data!.mergeContacts;
    expect(errorOf(await t.as('secretary')(UNDO, { id: first.id })).fields).toEqual({ mergeId: expect.stringContaining('merged into another contact') });
    // undone in order, both go back
    expect((await t.as('secretary')(UNDO, { id: second.id })).errors).toBeUndefined();
    expect((await t.as('secretary')(UNDO, { id: first.id })).errors).toBeUndefined();
    expect((await t.sql('SELECT count(*)::int AS n FROM contact WHERE id = ANY($1) AND deleted_at IS NULL', [[keep, merge, third]]))[0].n).toBe(3);
    // undo is refused to those who may not merge
    expect(errorOf(await t.as('rep')(UNDO, { id: first.id })).code).toBe('FORBIDDEN');
    expect(errorOf(await t.as('bmaSecretary')(UNDO, { id: first.id })).code).toBe('NOT_FOUND');
  });

  it('refuses to merge a contact with a case the caller may not see, saying nothing of it and changing nothing', async () => {
    // a case of the other branch's (its secretary's alone) on the merged contact
    const hidden = await cloneRow(t, 'case_file', caseId, { branch_id: otherBranch });
    const before = await rowsNaming([keep, merge]);
    const res = await t.as('secretary')(MERGE, { k: keep, m: merge });
    expect(errorOf(res)).toMatchObject({ code: 'BAD_USER_INPUT', fields: { mergeId: expect.stringContaining('a case you may not see') } });
    expect(JSON.stringify(res)).not.toContain(hidden);
    expect(await rowsNaming([keep, merge])).toEqual(before);
    await t.sql('DELETE FROM case_file WHERE id = $1', [hidden]);
  });
});
