import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import pg from 'pg';
import { startTestApp, type TestApp } from '../fixtures/app.js';
import { ESR_SAMPLE, mapAndDryRun, uploadImport } from '../fixtures/imports.js';
import { until } from '../fixtures/wait.js';

/**
 * Applying imports: all or nothing (a row that fails when applied rolls back every chunk before it),
 * cancel (rolls back), review of ambiguous matches, and a union's membership list.
 */
describe('import: apply, rollback, cancel, review, memberships', () => {
  let api: TestApp;
  let as: ReturnType<TestApp['as']>;
  let token: string;
  let org: string;
  const sampleNumbers = ESR_SAMPLE.toString('utf8').trim().split(/\r?\n/).slice(1).map((l) => l.split(',')[0]);

  beforeAll(async () => {
    api = await startTestApp();
    as = api.as('secretary');
    token = await api.login('secretary');
    [{ org }] = await api.sql('SELECT organisation_id AS org FROM employer WHERE id = $1', [api.demoEmployerId]);
    // small chunks: several progress steps and cancel checks in a 60-row file
    process.env.IMPORT_CHUNK_ROWS = '10';
  }, 120_000);
  afterAll(async () => {
    delete process.env.IMPORT_CHUNK_ROWS;
    await api?.close();
  });

  const status = async (id: string) => (await api.sql('SELECT status, error, rows_done FROM import_run WHERE id = $1', [id]))[0];
  const ended = (id: string) => until('the apply to end', async () => {
    const s = await status(id);
    return ['APPLIED', 'FAILED', 'CANCELLED'].includes(s.status) && s;
  });
  const gql = async (query: string, variables: Record<string, unknown>) => {
    const res = await as(query, variables);
    expect(res.errors).toBeUndefined();
    return res.data!;
  };
  /** The sample staff list, uploaded, mapped (its locations on the demo map to their wards) and dry-run. */
  const dryRunSample = async (file = ESR_SAMPLE, kind = 'STAFF', extra: Record<string, string> = { employerId: api.demoEmployerId }) => {
    const up = await uploadImport(api, token, { kind, ...extra }, file);
    expect(up.status).toBe(201);
    const id = up.body.id!;
    await mapAndDryRun(api, id, { staff: kind === 'STAFF' });
    return id;
  };
  const people = async () => (await api.sql('SELECT count(*)::int AS n FROM contact WHERE employee_number = ANY($1)', [sampleNumbers]))[0].n;
  const totals = async () => (await api.sql('SELECT (SELECT count(*) FROM contact)::int AS contacts, (SELECT count(*) FROM posting)::int AS postings, (SELECT count(*) FROM membership)::int AS memberships'))[0];
  const insertContact = (client: { query: (t: string, p: unknown[]) => Promise<unknown> }, employeeNumber: string) => client.query(
    `INSERT INTO contact (organisation_id, employer_id, first_name, last_name, staff_group, shift_pattern, contract_type, employee_number)
     VALUES ($1, $2, 'In', 'TheWay', 'ADMINISTRATIVE_CLERICAL', 'DAYS', 'SUBSTANTIVE', $3)`, [org, api.demoEmployerId, employeeNumber]);

  it('all or nothing: a row that fails when applied (after earlier chunks were written) rolls back the whole import', async () => {
    const id = await dryRunSample();
    const creates = await api.sql(`SELECT row_no, values->>'employeeNumber' AS n FROM import_row WHERE import_id = $1 AND outcome = 'CREATE' ORDER BY row_no`, [id]);
    expect(creates.length).toBeGreaterThan(5);
    const last = creates[creates.length - 1];
    expect(last.row_no).toBeGreaterThan(20); // in a later chunk than the first creates
    // Someone with the last new person's number appears after the dry run: the INSERT fails on the unique index.
    await insertContact({ query: (t, p) => api.sql(t, p) }, last.n);
    const before = await totals();
    await gql('mutation($id: ID!) { applyImport(id: $id) { id } }', { id });
    expect(await ended(id)).toMatchObject({ status: 'FAILED', error: 'The import failed and changed nothing' });
    expect(await totals()).toEqual(before);
    expect(await people()).toBe(1);
    const audit = await api.sql(`SELECT after->>'status' AS status FROM audit_event WHERE entity_id = $1 AND action = 'UPDATE' ORDER BY created_at`, [id]);
    expect(audit.map((a) => a.status)).toEqual(['UPLOADED', 'DRY_RUN', 'QUEUED', 'FAILED']);
    await api.sql('DELETE FROM contact WHERE employee_number = $1', [last.n]);
  });

  it('cancel: the job stops and its transaction rolls back, nothing changed', async () => {
    const id = await dryRunSample();
    const creates = await api.sql(`SELECT row_no, values->>'employeeNumber' AS n FROM import_row WHERE import_id = $1 AND outcome = 'CREATE' ORDER BY row_no`, [id]);
    const late = creates.find((c) => c.row_no > 30)!;
    expect(late).toBeDefined();
    const before = await totals();
    // An open transaction holds a row with a late row's number: the job's INSERT of that chunk waits on it.
    const blocker = new pg.Client({ connectionString: api.databaseUrl });
    await blocker.connect();
    try {
      await blocker.query('BEGIN');
      await insertContact(blocker, late.n);
      await gql('mutation($id: ID!) { applyImport(id: $id) { id } }', { id });
      // progress is seen from outside while the job's transaction is open
      const progress = await until('progress', async () => {
        const [r] = await api.sql('SELECT status, rows_done, rate_per_second, seconds_left FROM import_run WHERE id = $1', [id]);
        return r.rows_done >= 20 && r;
      });
      expect(progress).toMatchObject({ status: 'APPLYING', rate_per_second: expect.any(Number), seconds_left: expect.any(Number) });
      const cancel = await gql('mutation($id: ID!) { cancelImport(id: $id) { id status } }', { id });
      expect(cancel.cancelImport.status).toBe('APPLYING');
    } finally {
      await blocker.query('ROLLBACK');
      await blocker.end();
    }
    expect(await ended(id)).toMatchObject({ status: 'CANCELLED', error: null });
    expect(await totals()).toEqual(before);
    expect(await people()).toBe(0);
    const again = await as('mutation($id: ID!) { cancelImport(id: $id) { id } }', { id });
    expect(again.errors?.[0].extensions?.fields).toEqual({ id: 'this import is cancelled: there is nothing to cancel' });
  });

  it('applies the staff list, then a membership list from the union (VERIFIED_LIST), idempotent too', async () => {
    const staff = await dryRunSample();
    const created = async (id: string) => (await gql('query($id: ID!) { importRows(importId: $id, outcome: CREATE, perPage: 500) { rowNo contactId } }', { id })).importRows as { rowNo: number; contactId: string | null }[];
    // a new person has no id to show until the import is applied; then each row names the person it made
    const before = await created(staff);
    expect(before.length).toBeGreaterThan(5);
    expect(before.every((r) => r.contactId === null)).toBe(true);
    await gql('mutation($id: ID!) { applyImport(id: $id) { id } }', { id: staff });
    expect(await ended(staff)).toMatchObject({ status: 'APPLIED' });
    const made = await created(staff);
    const [{ n }] = await api.sql('SELECT count(*)::int AS n FROM contact WHERE id = ANY($1::uuid[])', [made.map((r) => r.contactId)]);
    expect(n).toBe(made.length);
    const known = await api.sql(`SELECT c.id, c.employee_number, c.first_name, c.last_name FROM contact c
      WHERE c.employee_number = ANY($1) ORDER BY c.employee_number LIMIT 3`, [sampleNumbers]);
    expect(known).toHaveLength(3);
    const [union] = await api.sql(`SELECT id FROM trade_union WHERE organisation_id = $1 ORDER BY name LIMIT 1`, [org]);
    await api.sql('DELETE FROM membership WHERE contact_id = ANY($1) AND union_id = $2', [known.map((k) => k.id), union.id]);
    const list = Buffer.from(['Membership Number,Surname,Forename,Employee Number,Status,Join Date',
      ...known.map((k, i) => `M${i}00,${k.last_name},${k.first_name},${k.employee_number},${i === 2 ? 'Lapsed' : 'Member'},0${i + 1}/02/2020`),
      'M900,Nobody,Known,99999999,Member,01/01/2021'].join('\n'));
    const id = await dryRunSample(list, 'MEMBERSHIP', { unionId: union.id });
    const rows = await api.sql(`SELECT row_no, outcome, reason, contact_id FROM import_row WHERE import_id = $1 ORDER BY row_no`, [id]);
    expect(rows.map((r) => r.outcome)).toEqual(['CREATE', 'CREATE', 'CREATE', 'REFUSED']);
    expect(rows.slice(0, 3).map((r) => r.contact_id)).toEqual(known.map((k) => k.id));
    // a membership list's new memberships are of matched people: shown before the apply
    expect((await created(id)).map((r) => r.contactId)).toEqual(known.map((k) => k.id));
    expect(rows[3].reason).toMatch(/Nobody in your branches matches/);
    await gql('mutation($id: ID!) { applyImport(id: $id) { id } }', { id });
    expect(await ended(id)).toMatchObject({ status: 'APPLIED' });
    const memberships = await api.sql(`SELECT contact_id, status::text, join_date::text, membership_number, source::text FROM membership
      WHERE union_id = $1 AND contact_id = ANY($2) ORDER BY membership_number`, [union.id, known.map((k) => k.id)]);
    expect(memberships).toEqual(known.map((k, i) => ({
      contact_id: k.id, status: i === 2 ? 'LAPSED' : 'MEMBER', join_date: `2020-02-0${i + 1}`, membership_number: `M${i}00`, source: 'VERIFIED_LIST',
    })));
    const again = await dryRunSample(list, 'MEMBERSHIP', { unionId: union.id });
    const [r] = await api.sql('SELECT created, updated, unchanged, refused FROM import_run WHERE id = $1', [again]);
    expect(r).toEqual({ created: 0, updated: 0, unchanged: 3, refused: 1 });
  });

  it('an ambiguous name on the same ward is queued for review with its candidates, never guessed; resolving it decides', async () => {
    const [ward] = await api.sql(`SELECT lw.ward_id AS id, lw.location FROM location_ward lw WHERE lw.employer_id = $1 ORDER BY location LIMIT 1`, [api.demoEmployerId]);
    const twins = [];
    for (const first of ['Zofia', 'Zofia']) { // two people of one name on one ward
      const [c] = await api.sql(`INSERT INTO contact (organisation_id, employer_id, first_name, last_name, staff_group, shift_pattern, contract_type)
        VALUES ($1, $2, $3, 'Kowalczyk', 'NURSING_MIDWIFERY_REGISTERED', 'DAYS', 'SUBSTANTIVE') RETURNING id`, [org, api.demoEmployerId, first]);
      await api.sql(`INSERT INTO posting (organisation_id, contact_id, ward_id, start_date) VALUES ($1, $2, $3, '2020-01-01')`, [org, c.id, ward.id]);
      twins.push(c.id);
    }
    const file = Buffer.from(`Full Name,Location,Staff Group,Assignment Category,Position Title\nZofia Kowalczyk,${ward.location},Nursing and Midwifery Registered,Permanent,Ward Sister\n`);
    const id = await dryRunSample(file);
    const [row] = await api.sql('SELECT row_no, outcome, candidates, contact_id FROM import_row WHERE import_id = $1', [id]);
    expect(row).toMatchObject({ outcome: 'REVIEW', contact_id: null });
    expect([...row.candidates].sort()).toEqual([...twins].sort());
    const page = await gql('query($id: ID!) { importRows(importId: $id, outcome: REVIEW) { rowNo candidates reason } }', { id });
    expect(page.importRows).toEqual([{ rowNo: row.row_no, candidates: row.candidates, reason: expect.stringMatching(/same person/) }]);
    const wrong = await as('mutation($i: ResolveImportRowInput!) { resolveImportRow(input: $i) { id } }', {
      i: { importId: id, rowNo: row.row_no, contactId: api.demoEmployerId },
    });
    expect(wrong.errors?.[0].extensions?.fields).toEqual({ contactId: "must be one of the row's candidates" });
    const settled = await gql('mutation($i: ResolveImportRowInput!) { resolveImportRow(input: $i) { review updated created } }', {
      i: { importId: id, rowNo: row.row_no, contactId: twins[0] },
    });
    expect(settled.resolveImportRow).toEqual({ review: 0, updated: 1, created: 0 });
    await gql('mutation($id: ID!) { applyImport(id: $id) { id } }', { id });
    expect(await ended(id)).toMatchObject({ status: 'APPLIED' });
    const after = await api.sql('SELECT id, job_title FROM contact WHERE id = ANY($1)', [twins]);
    expect(after).toEqual(expect.arrayContaining([{ id: twins[0], job_title: 'Ward Sister' }, { id: twins[1], job_title: null }]));
  });
  it('refuses to apply a membership list whose matched person (a new membership) was deleted since, and writes no membership', async () => {
    const staff = await dryRunSample();
    await gql('mutation($id: ID!) { applyImport(id: $id) { id } }', { id: staff });
    expect((await ended(staff)).status).toBe('APPLIED');
    const [known] = await api.sql('SELECT id, employee_number, first_name, last_name FROM contact WHERE employee_number = ANY($1) ORDER BY employee_number LIMIT 1', [sampleNumbers]);
    const [union] = await api.sql('SELECT id FROM trade_union WHERE organisation_id = $1 ORDER BY name LIMIT 1', [org]);
    await api.sql('DELETE FROM membership WHERE contact_id = $1 AND union_id = $2', [known.id, union.id]);
    const list = Buffer.from(['Membership Number,Surname,Forename,Employee Number,Status',
      `M777,${known.last_name},${known.first_name},${known.employee_number},Member`].join('\n'));
    const id = await dryRunSample(list, 'MEMBERSHIP', { unionId: union.id });
    expect(await api.sql('SELECT outcome, contact_id FROM import_row WHERE import_id = $1', [id])).toEqual([{ outcome: 'CREATE', contact_id: known.id }]);
    await api.sql('UPDATE contact SET deleted_at = now() WHERE id = $1', [known.id]);
    try {
      const res = await as('mutation($id: ID!) { applyImport(id: $id) { id } }', { id });
      expect(res.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', fields: { id: 'a person this dry run matched has since been deleted or merged: run the dry run again' } });
      expect((await status(id)).status).toBe('DRY_RUN');
      expect(await api.sql('SELECT count(*)::int AS n FROM membership WHERE contact_id = $1 AND union_id = $2', [known.id, union.id])).toEqual([{ n: 0 }]);
    } finally {
      await api.sql('UPDATE contact SET deleted_at = NULL WHERE id = $1', [known.id]);
    }
  });

  it('refuses to apply a dry run that matched someone since deleted or merged, and changes nothing', async () => {
    // the sample's people exist (applied here if an earlier test left them out); a new dry run then matches them
    const first = await dryRunSample();
    await gql('mutation($id: ID!) { applyImport(id: $id) { id } }', { id: first });
    expect((await ended(first)).status).toBe('APPLIED');
    const id = await dryRunSample();
    const [matched] = await api.sql(`SELECT contact_id AS id FROM import_row WHERE import_id = $1 AND outcome IN ('UPDATE', 'UNCHANGED') ORDER BY row_no LIMIT 1`, [id]);
    expect(matched?.id).toBeTruthy();
    await api.sql('UPDATE contact SET deleted_at = now() WHERE id = $1', [matched.id]);
    try {
      const before = await totals();
      const res = await as('mutation($id: ID!) { applyImport(id: $id) { id } }', { id });
      expect(res.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', fields: { id: 'a person this dry run matched has since been deleted or merged: run the dry run again' } });
      expect((await status(id)).status).toBe('DRY_RUN');
      expect(await totals()).toEqual(before);
      // made again, the dry run no longer matches the deleted person, and the import may go ahead
      await gql('mutation($id: ID!) { dryRunImport(id: $id) { id } }', { id });
      const [still] = await api.sql('SELECT count(*)::int AS n FROM import_row WHERE import_id = $1 AND contact_id = $2', [id, matched.id]);
      expect(still.n).toBe(0);
    } finally {
      await api.sql('UPDATE contact SET deleted_at = NULL WHERE id = $1', [matched.id]);
    }
  });
});
