import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import request from 'supertest';
import { startTestApp, type TestApp } from '../fixtures/app.js';
import { uploadImport } from '../fixtures/imports.js';
import { until } from '../fixtures/wait.js';

/**
 * Rollcall's own exports come back in unchanged: the contact list a secretary exports (cells that
 * look like formulas neutralised) imports back as a staff list with the suggested mapping, every row
 * UNCHANGED, and applying it writes nothing.
 */
describe('export → import round trip', () => {
  let api: TestApp;
  let token: string;

  beforeAll(async () => {
    api = await startTestApp();
    token = await api.login('secretary');
  }, 120_000);
  afterAll(() => api?.close());

  it("the secretary's contact export of their trust imports back with the suggested mapping and changes nothing", async () => {
    // a name typed as a formula and a phone number with a +: both neutralised in the export, read back as typed
    const [someone] = await api.sql(`SELECT c.id FROM contact c JOIN posting p ON p.contact_id = c.id AND p.end_date IS NULL
      WHERE c.employer_id = $1 AND c.deleted_at IS NULL AND c.employee_number IS NOT NULL ORDER BY c.employee_number LIMIT 1`, [api.demoEmployerId]);
    await api.sql(`UPDATE contact SET job_title = '=HYPERLINK("http://x.example")', work_phone = '+44 20 7946 0000' WHERE id = $1`, [someone.id]);
    const res = await request(api.app.getHttpServer()).post('/export/contacts.csv').set('authorization', `Bearer ${token}`)
      .set('content-type', 'application/json').send({ filter: { employerId: api.demoEmployerId, isCurrent: true } }).buffer(true)
      .parse((r, done) => {
        const chunks: Buffer[] = [];
        r.on('data', (c: Buffer) => chunks.push(c));
        r.on('end', () => done(null, Buffer.concat(chunks)));
      });
    expect(res.status).toBe(200);
    const file = res.body as Buffer;
    expect(file.toString('utf8')).toContain(`'=HYPERLINK`);
    const exported = file.toString('utf8').trim().split(/\r?\n/).length - 1;
    expect(exported).toBeGreaterThan(10);

    const up = await uploadImport(api, token, { kind: 'STAFF', employerId: api.demoEmployerId }, file, 'contacts-export.csv');
    expect(up.status).toBe(201);
    const id = up.body.id!;
    const as = api.as('secretary');
    const run = await as<{ importRun: { suggestedMapping: (string | null)[]; headers: string[] } }>(
      'query($id: ID!) { importRun(id: $id) { headers suggestedMapping } }', { id });
    expect(run.errors).toBeUndefined();
    const mapped = Object.fromEntries(run.data!.importRun.headers.map((h, i) => [h, run.data!.importRun.suggestedMapping[i]]));
    expect(mapped).toMatchObject({
      'First name': 'firstName', 'Last name': 'lastName', 'Employee number': 'employeeNumber', 'Work email': 'workEmail', 'Ward': 'ward',
      'Staff group': 'staffGroup', 'Grade': 'grade', 'Job title': 'jobTitle',
    });
    const dry = await as<{ dryRunImport: Record<string, number> }>(
      'mutation($id: ID!) { dryRunImport(id: $id) { created updated unchanged refused review } }', { id });
    expect(dry.errors).toBeUndefined();
    const notUnchanged = await api.sql(`SELECT row_no, outcome, reason, values FROM import_row WHERE import_id = $1 AND outcome <> 'UNCHANGED' ORDER BY row_no LIMIT 5`, [id]);
    expect(notUnchanged).toEqual([]);
    expect(dry.data!.dryRunImport).toEqual({ created: 0, updated: 0, unchanged: exported, refused: 0, review: 0 });

    const [before] = await api.sql(`SELECT max(updated_at) AS at, count(*)::int AS n FROM contact`);
    const applied = await as('mutation($id: ID!) { applyImport(id: $id) { id } }', { id });
    expect(applied.errors).toBeUndefined();
    await until('the apply', async () => (await api.sql('SELECT status FROM import_run WHERE id = $1', [id]))[0].status === 'APPLIED');
    const [after] = await api.sql(`SELECT max(updated_at) AS at, count(*)::int AS n FROM contact`);
    expect(after).toEqual(before);
    const [back] = await api.sql('SELECT job_title, work_phone FROM contact WHERE id = $1', [someone.id]);
    expect(back).toEqual({ job_title: '=HYPERLINK("http://x.example")', work_phone: '+44 20 7946 0000' });
  });
});
