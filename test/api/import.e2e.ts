import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import request from 'supertest';
import { startTestApp, type TestApp } from '../fixtures/app.js';
import { demoWardsOf, ESR_SAMPLE, uploadImport } from '../fixtures/imports.js';
import { until } from '../fixtures/wait.js';

const RUN = `id status kind fileName headers sampleRows suggestedMapping mapping defaults rowsTotal rowsDone ratePerSecond secondsLeft
  created updated unchanged refused review leavers markLeavers error createdBy createdAt finishedAt locations { location rows wardId }`;

/**
 * The sample ESR staff list through the whole import: suggested mapping, locations mapped to wards,
 * dry run, apply as a job, re-apply (nothing changes), a newer list (a moved ward, leavers), every
 * figure checked against the database.
 */
describe('import: staff list', () => {
  let api: TestApp;
  let as: ReturnType<TestApp['as']>;
  let token: string;
  const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/London' }).format(new Date());
  const sampleNumbers = ESR_SAMPLE.toString('utf8').trim().split(/\r?\n/).slice(1).map((l) => l.split(',')[0]);

  beforeAll(async () => {
    api = await startTestApp();
    as = api.as('secretary');
    token = await api.login('secretary');
  }, 120_000);
  afterAll(() => api?.close());

  const upload = async (file: Buffer, name = 'esr.csv') => {
    const res = await uploadImport(api, token, { kind: 'STAFF', employerId: api.demoEmployerId }, file, name);
    expect(res.status).toBe(201);
    return res.body.id!;
  };
  const run = async (id: string) => {
    const res = await as(`query($id: ID!) { importRun(id: $id) { ${RUN} } }`, { id });
    expect(res.errors).toBeUndefined();
    return res.data!.importRun;
  };
  const outcomes = async (id: string) => Object.fromEntries((await api.sql<{ outcome: string; n: number }>(
    'SELECT outcome, count(*)::int AS n FROM import_row WHERE import_id = $1 GROUP BY outcome', [id])).map((r) => [r.outcome, r.n]));
  const applied = async (id: string, markLeavers = false) => {
    const res = await as('mutation($id: ID!, $m: Boolean!) { applyImport(id: $id, markLeavers: $m) { id status } }', { id, m: markLeavers });
    expect(res.errors).toBeUndefined();
    expect(['QUEUED', 'APPLYING', 'APPLIED']).toContain(res.data!.applyImport.status);
    return until('the apply to end', async () => {
      const [r] = await api.sql('SELECT status, error FROM import_run WHERE id = $1', [id]);
      return ['APPLIED', 'FAILED', 'CANCELLED'].includes(r.status) && r;
    });
  };
  const wardsOfLocations = (locations: string[]) => demoWardsOf(api, locations);

  let first: string;
  let mapping: (string | null)[];
  let mapped: { location: string; wardId: string }[];

  it('suggests the mapping of an ESR export with no manual change, and lists the distinct locations', async () => {
    first = await upload(ESR_SAMPLE);
    const r = await run(first);
    mapping = r.suggestedMapping;
    expect(Object.fromEntries(r.headers.map((h: string, i: number) => [h, mapping[i]]))).toMatchObject({
      'Employee Number': 'employeeNumber', 'Assignment Number': 'assignmentNumber', 'Last Name': 'lastName', 'First Name': 'firstName',
      Location: 'location', 'Position Title': 'jobTitle', 'Staff Group': 'staffGroup', 'Pay Band': 'grade', 'Assignment Category': 'contractType',
      'Work Email': 'workEmail',
    });
    expect(r.sampleRows).toHaveLength(10);
    const locations = await api.sql<{ location: string; n: number }>(
      'SELECT cells[6] AS location, count(*)::int AS n FROM import_row WHERE import_id = $1 GROUP BY 1 ORDER BY 1', [first]);
    expect(r.locations).toEqual(locations.map((l) => ({ location: l.location, rows: l.n, wardId: null })));
  });

  it('refuses a bad mapping with field errors, changing nothing', async () => {
    const set = (input: Record<string, unknown>) => as('mutation($i: ImportMappingInput!) { setImportMapping(input: $i) { id } }', { i: { id: first, ...input } });
    const fieldsOf = (res: Awaited<ReturnType<typeof set>>) => res.errors?.[0].extensions?.fields;
    expect(fieldsOf(await set({ mapping: mapping.slice(1) }))).toEqual({ mapping: 'must have one entry per column (13)' });
    expect(fieldsOf(await set({ mapping: mapping.map((k, i) => (i === 0 ? 'shoeSize' : k)) }))).toEqual({ mapping: expect.stringMatching(/"shoeSize" is not a field/) });
    expect(fieldsOf(await set({ mapping: mapping.map((k) => (k === 'lastName' ? null : k)) }))).toEqual({ mapping: expect.stringMatching(/name/) });
    expect(fieldsOf(await set({ mapping, defaults: '{"shiftPattern":"sometimes"}' }))).toEqual({ 'defaults.shiftPattern': expect.any(String) });
    expect(fieldsOf(await set({ mapping, defaults: '{"grade":"Band 5"}' }))).toEqual({ defaults: expect.stringMatching(/cannot have a default/) });
    const [otherWard] = await api.sql('SELECT w.id FROM ward w JOIN site s ON s.id = w.site_id WHERE s.employer_id = $1 LIMIT 1', [api.otherEmployerId]);
    expect(fieldsOf(await set({ mapping, locations: [{ location: 'Anywhere', wardId: otherWard.id }] }))).toEqual({ locations: expect.stringMatching(/not one of this employer's/) });
    const [r] = await api.sql('SELECT mapping, defaults FROM import_run WHERE id = $1', [first]);
    expect(r).toEqual({ mapping: null, defaults: {} });
    expect(await api.sql('SELECT * FROM location_ward')).toEqual([]);
    const early = await as('mutation($id: ID!) { applyImport(id: $id) { id } }', { id: first });
    expect(early.errors?.[0].extensions?.fields).toEqual({ id: 'dry-run the import first' });
  });

  it('dry run: every row normalised and given its outcome, the counts matching the rows', async () => {
    const r0 = await run(first);
    mapped = await wardsOfLocations(r0.locations.map((l: { location: string }) => l.location));
    expect(mapped.length).toBeGreaterThanOrEqual(2);
    expect(mapped.length).toBeLessThan(r0.locations.length); // some locations are not on the demo map: refused, not guessed
    const set = await as(`mutation($i: ImportMappingInput!) { setImportMapping(input: $i) { ${RUN} } }`, {
      i: { id: first, mapping, defaults: JSON.stringify({ shiftPattern: 'Days' }), locations: mapped },
    });
    expect(set.errors).toBeUndefined();
    expect(set.data!.setImportMapping.locations.filter((l: { wardId: string | null }) => l.wardId)).toHaveLength(mapped.length);
    const res = await as(`mutation($id: ID!) { dryRunImport(id: $id) { ${RUN} } }`, { id: first });
    expect(res.errors).toBeUndefined();
    const r = res.data!.dryRunImport;
    expect(r.status).toBe('DRY_RUN');
    const o = await outcomes(first);
    expect({ created: r.created, updated: r.updated, unchanged: r.unchanged, refused: r.refused, review: r.review }).toEqual({
      created: o.CREATE ?? 0, updated: o.UPDATE ?? 0, unchanged: o.UNCHANGED ?? 0, refused: o.REFUSED ?? 0, review: o.REVIEW ?? 0,
    });
    expect(r.created + r.updated + r.unchanged + r.refused + r.review).toBe(60);
    // Refused: exactly the rows whose location has no ward, or that have a problem.
    const [expected] = await api.sql(`SELECT count(*)::int AS n FROM import_row r WHERE r.import_id = $1
      AND (NOT (r.cells[6] = ANY($2::text[])) OR jsonb_array_length(r.problems) > 0)`, [first, mapped.map((m) => m.location)]);
    expect(r.refused).toBe(expected.n);
    // Nobody in the sample exists yet: everyone else is new.
    const [existing] = await api.sql('SELECT count(*)::int AS n FROM contact WHERE employee_number = ANY($1)', [sampleNumbers]);
    expect(existing.n).toBe(0);
    expect(r.created).toBe(60 - r.refused);
    expect(r.created).toBeGreaterThan(5);
    const unknown = await api.sql(`SELECT reason FROM import_row WHERE import_id = $1 AND outcome = 'REFUSED' AND reason LIKE 'Unknown ward%' LIMIT 1`, [first]);
    expect(unknown[0].reason).toMatch(/^Unknown ward: map the location ".+ · .+" to a ward$/);
    // the page of refused rows, and the error report
    const page = await as('query($id: ID!) { importRows(importId: $id, outcome: REFUSED, perPage: 500) { rowNo reason problems { field reason } } }', { id: first });
    expect(page.data!.importRows).toHaveLength(r.refused);
    const csv = await request(api.app.getHttpServer()).get(`/imports/${first}/problems.csv`).set('authorization', `Bearer ${token}`);
    expect(csv.status).toBe(200);
    expect(csv.headers['content-type']).toMatch(/text\/csv/);
    const lines = csv.text.replace(/^\uFEFF/, '').trim().split(/\r?\n/);
    expect(lines[0]).toBe('Row,Field,Reason');
    const [problems] = await api.sql(`SELECT count(*)::int AS n FROM import_row r LEFT JOIN LATERAL jsonb_array_elements(coalesce(r.problems, '[]')) p ON true
      WHERE r.import_id = $1 AND r.outcome IN ('REFUSED', 'REVIEW')`, [first]);
    expect(lines).toHaveLength(1 + problems.n);
    // the remembered ward
    expect(await api.sql('SELECT count(*)::int AS n FROM location_ward WHERE employer_id = $1', [api.demoEmployerId])).toEqual([{ n: mapped.length }]);
  });

  it('applies as a background job: people created with their postings and field sources, counts and audit recorded', async () => {
    const [before] = await api.sql('SELECT count(*)::int AS contacts, (SELECT count(*)::int FROM posting) AS postings FROM contact');
    const end = await applied(first);
    expect(end).toEqual({ status: 'APPLIED', error: null });
    const r = await run(first);
    const creates = await api.sql(`SELECT r.values, r.ward_id, r.contact_id FROM import_row r WHERE r.import_id = $1 AND r.outcome = 'CREATE'`, [first]);
    expect(r).toMatchObject({ created: creates.length, rowsDone: 60, rowsTotal: 60, createdBy: expect.any(String), finishedAt: expect.any(String) });
    const [after] = await api.sql('SELECT count(*)::int AS contacts, (SELECT count(*)::int FROM posting) AS postings FROM contact');
    expect(after.contacts - before.contacts).toBe(creates.length);
    expect(after.postings - before.postings).toBe(creates.length);
    const people = await api.sql(`SELECT c.id, c.employee_number, c.first_name, c.last_name, c.work_email, c.grade::text, c.staff_group::text,
        c.contract_type::text, c.shift_pattern::text, c.job_title, c.start_date::text, c.field_sources, p.ward_id, p.start_date::text AS posted
      FROM contact c JOIN posting p ON p.contact_id = c.id AND p.end_date IS NULL WHERE c.id = ANY($1)`, [creates.map((c) => c.contact_id)]);
    expect(people).toHaveLength(creates.length);
    for (const row of creates) {
      const p = people.find((x) => x.id === row.contact_id)!;
      expect(p).toMatchObject({
        employee_number: row.values.employeeNumber, first_name: row.values.firstName, last_name: row.values.lastName, work_email: row.values.workEmail,
        grade: row.values.grade, staff_group: row.values.staffGroup, contract_type: row.values.contractType, shift_pattern: 'DAYS',
        job_title: row.values.jobTitle, start_date: row.values.startDate, ward_id: row.ward_id, posted: row.values.startDate ?? today,
      });
      expect(p.field_sources.employeeNumber).toEqual({ importId: first, on: today });
      expect(p.field_sources.shiftPattern).toBeUndefined(); // a default, not from the file
    }
    const audit = await api.sql(`SELECT action, after FROM audit_event WHERE entity_id = $1 ORDER BY created_at`, [first]);
    // the upload, the mapping, the dry run, the request to apply, and the apply itself (written by the job)
    expect(audit.map((a) => [a.action, a.after?.status])).toEqual([['CREATE', undefined], ['UPDATE', 'UPLOADED'], ['UPDATE', 'DRY_RUN'], ['UPDATE', 'QUEUED'], ['UPDATE', 'APPLIED']]);
    expect(audit[4].after).toMatchObject({ status: 'APPLIED', created: creates.length, updated: 0, fileName: 'esr.csv' });
  });

  it('is idempotent: the same file again remembers its mapping and changes nothing', async () => {
    const again = await upload(ESR_SAMPLE);
    const r0 = await run(again);
    expect(r0.suggestedMapping).toEqual(mapping);
    expect(r0.locations.filter((l: { wardId: string | null }) => l.wardId)).toHaveLength(mapped.length);
    const res = await as(`mutation($id: ID!) { dryRunImport(id: $id) { ${RUN} } }`, { id: again });
    const r = res.data!.dryRunImport;
    const [firstRun] = await api.sql('SELECT created, refused FROM import_run WHERE id = $1', [first]);
    expect({ created: r.created, updated: r.updated, unchanged: r.unchanged, refused: r.refused, review: r.review })
      .toEqual({ created: 0, updated: 0, unchanged: firstRun.created, refused: firstRun.refused, review: 0 });
    const snapshot = () => api.sql(`SELECT (SELECT max(updated_at) FROM contact)::text AS contacts, (SELECT count(*) FROM contact)::int AS n,
      (SELECT max(updated_at) FROM posting)::text AS postings, (SELECT count(*) FROM posting)::int AS p`);
    const before = await snapshot();
    expect(await applied(again)).toEqual({ status: 'APPLIED', error: null });
    expect(await snapshot()).toEqual(before);
  });

  it('a newer list: a changed ward ends the posting and starts another; a changed grade updates; leavers marked only when asked', async () => {
    const lines = ESR_SAMPLE.toString('utf8').trim().split(/\r?\n/);
    const mappedRows = lines.slice(1).filter((l) => mapped.some((m) => m.location === l.split(',')[5]));
    const [mover, promoted, gone, gone2] = mappedRows;
    const other = mapped.find((m) => m.location !== mover.split(',')[5])!;
    const moved = mover.split(',');
    moved[5] = other.location;
    const up = promoted.split(',');
    up[8] = up[8] === 'Band 7' ? 'Band 8a' : 'Band 7';
    const newer = [lines[0], ...lines.slice(1).filter((l) => l !== gone && l !== gone2).map((l) => (l === mover ? moved.join(',') : l === promoted ? up.join(',') : l))];
    // Without markLeavers: nobody leaves.
    const id1 = await upload(Buffer.from(newer.join('\r\n')));
    expect((await as('mutation($id: ID!) { dryRunImport(id: $id) { id } }', { id: id1 })).errors).toBeUndefined();
    expect(await outcomes(id1)).toMatchObject({ UPDATE: 2 });
    expect(await applied(id1)).toEqual({ status: 'APPLIED', error: null });
    const [moverId] = await api.sql('SELECT id FROM contact WHERE employee_number = $1', [moved[0]]);
    const postings = await api.sql('SELECT ward_id, start_date::text, end_date::text FROM posting WHERE contact_id = $1 ORDER BY end_date NULLS LAST', [moverId.id]);
    expect(postings).toEqual([
      { ward_id: mapped.find((m) => m.location === mover.split(',')[5])!.wardId, start_date: expect.any(String), end_date: today },
      { ward_id: other.wardId, start_date: today, end_date: null },
    ]);
    const [grade] = await api.sql('SELECT grade::text, field_sources FROM contact WHERE employee_number = $1', [up[0]]);
    expect(grade.grade).toBe(up[8] === 'Band 7' ? 'AFC_7' : 'AFC_8A');
    expect(grade.field_sources.grade.importId).toBe(id1);
    const leaversOf = () => api.sql('SELECT employee_number FROM contact WHERE employer_id = $1 AND leave_date = $2 ORDER BY 1', [api.demoEmployerId, today]);
    expect(await leaversOf()).toEqual([]);
    // With markLeavers: the two absent from the file (and every other member of staff of the employer not in it) leave today.
    const id2 = await upload(Buffer.from(newer.join('\r\n')));
    await as('mutation($id: ID!) { dryRunImport(id: $id) { id } }', { id: id2 });
    const [expectedLeavers] = await api.sql(`SELECT count(*)::int AS n FROM contact c WHERE c.employer_id = $1 AND c.deleted_at IS NULL
      AND (c.leave_date IS NULL OR c.leave_date > $2::date) AND NOT (coalesce(c.employee_number, '') = ANY($3::text[]))`,
    [api.demoEmployerId, today, newer.slice(1).map((l) => l.split(',')[0])]);
    expect(await applied(id2, true)).toEqual({ status: 'APPLIED', error: null });
    const leavers = await leaversOf();
    expect(leavers.length).toBe(expectedLeavers.n);
    expect(leavers.map((l) => l.employee_number)).toEqual(expect.arrayContaining([gone.split(',')[0], gone2.split(',')[0]]));
    const [r] = await api.sql('SELECT leavers FROM import_run WHERE id = $1', [id2]);
    expect(r.leavers).toBe(expectedLeavers.n);
  });
  it('refuses a row whose ward is another branch\'s, or another employer\'s than the list\'s, naming the ward; nobody is written there', async () => {
    // a ward of another branch's employer (secretary2's), named with its site so that no ward of the list's employer answers to it
    const [theirs] = await api.sql(`SELECT w.name AS ward, s.name AS site FROM ward w JOIN site s ON s.id = w.site_id WHERE s.employer_id = $1
      AND NOT EXISTS (SELECT 1 FROM ward w2 JOIN site s2 ON s2.id = w2.site_id WHERE s2.employer_id = $2 AND lower(w2.name) = lower(w.name)
        AND lower(s2.name) = lower(s.name)) ORDER BY w.name LIMIT 1`, [api.otherEmployerId, api.demoEmployerId]);
    expect(theirs).toBeDefined();
    const [ours] = await api.sql(`SELECT w.name AS ward, s.name AS site FROM ward w JOIN site s ON s.id = w.site_id WHERE s.employer_id = $1
      ORDER BY w.name LIMIT 1`, [api.demoEmployerId]);
    const csv = ['Employee Number,First Name,Last Name,Ward,Site,Staff Group,Assignment Category,Shift Pattern',
      `W9000001,Wendy,Elsewhere,${theirs.ward},${theirs.site},Estates and Ancillary,Permanent,Days`,
      `W9000002,Walter,Athome,${ours.ward},${ours.site},Estates and Ancillary,Permanent,Days`].join('\r\n');
    const id = await upload(Buffer.from(csv), 'wards.csv');
    const res = await as('mutation($id: ID!) { dryRunImport(id: $id) { refused created } }', { id });
    expect(res.errors).toBeUndefined();
    expect(res.data!.dryRunImport).toEqual({ refused: 1, created: 1 });
    expect(await api.sql('SELECT row_no, outcome, reason FROM import_row WHERE import_id = $1 ORDER BY row_no', [id])).toEqual([
      // numbered as the spreadsheet shows them: the header is row 1
      { row_no: 2, outcome: 'REFUSED', reason: `The ward "${theirs.ward}" is not in your branches` },
      { row_no: 3, outcome: 'CREATE', reason: null },
    ]);
    // the other employer made importable by the secretary's own branch: its ward is then another employer's than this list's
    const [branch] = await api.sql(`SELECT r.branch_id FROM user_branch_role r JOIN app_user u ON u.id = r.user_id WHERE u.email = 'secretary@unison.example' LIMIT 1`);
    await api.sql('INSERT INTO branch_employer (branch_id, employer_id) VALUES ($1, $2)', [branch.branch_id, api.otherEmployerId]);
    try {
      const again = await upload(Buffer.from(csv), 'wards.csv');
      expect((await as('mutation($id: ID!) { dryRunImport(id: $id) { refused created } }', { id: again })).data!.dryRunImport).toEqual({ refused: 1, created: 1 });
      const [row] = await api.sql('SELECT outcome, reason FROM import_row WHERE import_id = $1 AND row_no = 2', [again]);
      expect(row).toEqual({ outcome: 'REFUSED', reason: `The ward "${theirs.ward}" is another employer's than this list's` });
      expect(await applied(again)).toEqual({ status: 'APPLIED', error: null });
      expect(await api.sql("SELECT employee_number FROM contact WHERE employee_number IN ('W9000001', 'W9000002')")).toEqual([{ employee_number: 'W9000002' }]);
    } finally {
      await api.sql('DELETE FROM branch_employer WHERE branch_id = $1 AND employer_id = $2', [branch.branch_id, api.otherEmployerId]);
    }
  });
});
