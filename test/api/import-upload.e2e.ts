import { existsSync, readdirSync } from 'node:fs';
import { request as httpRequest } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { startTestApp, type TestApp } from '../fixtures/app.js';
import { ESR_SAMPLE, stagedCounts, uploadImport } from '../fixtures/imports.js';
import { until } from '../fixtures/wait.js';
import { RlsConnection } from '../fixtures/rls.js';

/**
 * POST /imports: the streamed upload into staging (import_run, import_row), who may upload, and the
 * files it refuses (each with a clear message, leaving no run and no rows).
 */
describe('import upload', () => {
  let api: TestApp;
  let staff: Record<string, string>;

  beforeAll(async () => {
    api = await startTestApp();
    staff = { kind: 'STAFF', employerId: api.demoEmployerId };
  }, 120_000);
  afterAll(() => api?.close());

  const token = (who: Parameters<TestApp['login']>[0]) => api.login(who);

  it('stages the sample ESR file: one run, every row with its cells, the header kept', async () => {
    const res = await uploadImport(api, await token('secretary'), staff, ESR_SAMPLE, 'esr.csv');
    expect(res.status).toBe(201);
    expect(res.body.rows).toBe(60);
    const [run] = await api.sql('SELECT kind, employer_id, file_name, headers, rows_total, status, created_by_id FROM import_run WHERE id = $1', [res.body.id]);
    const lines = ESR_SAMPLE.toString('utf8').trim().split(/\r?\n/); // the sample's lines end in CRLF
    expect(run).toMatchObject({ kind: 'STAFF', employer_id: api.demoEmployerId, file_name: 'esr.csv', rows_total: 60, status: 'UPLOADED' });
    // headers trimmed
    expect(run.headers).toEqual(lines[0].split(',').map((h) => h.trim()));
    const rows = await api.sql('SELECT row_no, cells FROM import_row WHERE import_id = $1 ORDER BY row_no', [res.body.id]);
    expect(rows).toHaveLength(60);
    expect(rows[0]).toEqual({ row_no: 2, cells: lines[1].split(',') });
    expect(rows[59]).toEqual({ row_no: 61, cells: lines[60].split(',') });
    const [audit] = await api.sql(`SELECT action, entity_type, after FROM audit_event WHERE entity_id = $1`, [res.body.id]);
    expect(audit).toMatchObject({ action: 'CREATE', entity_type: 'ImportRun', after: { fileName: 'esr.csv', rows: 60, kind: 'STAFF' } });
  });

  it("reads Excel's quirks: a byte-order mark, semicolons, CRLF, quoted cells with the delimiter, quotes and line breaks", async () => {
    const file = Buffer.from('\uFEFFEmployee Number;Full Name;Position Title\r\n00123456;"Jones; Bartek";"Nurse ""Lead"""\r\n'
      + '00123457;Siân Ó Briain;"Ward\r\nManager"\r\n\r\n', 'utf8');
    const res = await uploadImport(api, await token('secretary'), staff, file);
    expect(res.status).toBe(201);
    const [run] = await api.sql('SELECT headers FROM import_run WHERE id = $1', [res.body.id]);
    expect(run.headers).toEqual(['Employee Number', 'Full Name', 'Position Title']);
    const rows = await api.sql('SELECT row_no, cells, outcome FROM import_row WHERE import_id = $1 ORDER BY row_no', [res.body.id]);
    expect(rows).toEqual([
      { row_no: 2, cells: ['00123456', 'Jones; Bartek', 'Nurse "Lead"'], outcome: null },
      { row_no: 3, cells: ['00123457', 'Siân Ó Briain', 'Ward\r\nManager'], outcome: null },
    ]);
  });

  it('keeps a row with a stray quote as refused, with the reason, and reads the rest', async () => {
    const file = Buffer.from('Employee Number,Full Name\n00000001,"Ann" Smith"x\n00000002,Bob Jones\n00000003,"Cat ""Kit"" Lee"\n00000004,"Dan Oak\n', 'utf8');
    const res = await uploadImport(api, await token('secretary'), staff, file);
    expect(res.status).toBe(201);
    const rows = await api.sql('SELECT row_no, cells, outcome, reason FROM import_row WHERE import_id = $1 ORDER BY row_no', [res.body.id]);
    expect(rows).toEqual([
      { row_no: 2, cells: [], outcome: 'REFUSED', reason: expect.stringMatching(/could not be read \(a stray quote/) },
      { row_no: 3, cells: ['00000002', 'Bob Jones'], outcome: null, reason: null },
      { row_no: 4, cells: ['00000003', 'Cat "Kit" Lee'], outcome: null, reason: null },
      { row_no: 5, cells: [], outcome: 'REFUSED', reason: expect.stringMatching(/could not be read \(a quote is opened and never closed/) },
    ]);
  });

  it('holds no database connection while a slow upload streams in: the rows are staged to a file first', async () => {
    const boundary = 'rollcall-slow-upload';
    const part = (name: string, value: string) => `--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`;
    const head = part('kind', 'STAFF') + part('employerId', api.demoEmployerId)
      + `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="slow.csv"\r\nContent-Type: text/csv\r\n\r\n`;
    const lines = ESR_SAMPLE.toString('utf8');
    const half = lines.indexOf('\n', lines.length / 2) + 1;
    const before = new Set(readdirSync(tmpdir()).filter((f) => f.startsWith('rollcall-import-')));
    const req = httpRequest(`${api.url}/imports`, {
      method: 'POST', headers: { authorization: `Bearer ${await token('secretary')}`, 'content-type': `multipart/form-data; boundary=${boundary}` },
    });
    const answer = new Promise<{ status: number; body: string }>((resolve, reject) => {
      req.on('response', (res) => {
        let body = '';
        res.on('data', (c: Buffer) => (body += c.toString()));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
      });
      req.on('error', reject);
    });
    // Half the file, then nothing for now: the server is staging the rows it has, waiting for the rest.
    req.write(head + lines.slice(0, half));
    const staging = await until('the upload to be staged', async () => readdirSync(tmpdir()).find((f) => f.startsWith('rollcall-import-') && !before.has(f)
      && existsSync(join(tmpdir(), f, 'rows.csv'))), 30_000);
    const open = await api.sql(`SELECT count(*)::int AS n FROM pg_stat_activity
      WHERE datname = current_database() AND pid <> pg_backend_pid() AND xact_start IS NOT NULL`);
    expect(open).toEqual([{ n: 0 }]);
    req.end(lines.slice(half) + `\r\n--${boundary}--\r\n`);
    const res = await answer;
    expect(res.status).toBe(201);
    expect(JSON.parse(res.body)).toMatchObject({ rows: 60 });
    // the staged file is gone with the upload
    expect(existsSync(join(tmpdir(), staging))).toBe(false);
  });

  describe('refused files leave no run and no rows', () => {
    const refused = async (file: Buffer | null, status: number, message: RegExp, fields = staff, name = 'staff.csv') => {
      const before = await stagedCounts(api);
      const res = await uploadImport(api, await token('secretary'), fields, file, name);
      expect({ status: res.status, message: res.body.message }).toEqual({ status, message: expect.stringMatching(message) });
      expect(JSON.stringify(res.body)).not.toMatch(/\n\s+at |\.ts:|SELECT |INSERT /);
      expect(await stagedCounts(api)).toEqual(before);
    };

    it('UTF-16 ("Unicode text" from Excel)', async () => {
      await refused(Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('Employee Number,Full Name\r\n1,Ann Smith\r\n', 'utf16le')]), 400, /UTF-16/);
    });

    it('Latin-1 bytes that are not UTF-8', async () => {
      await refused(Buffer.from('Employee Number,Full Name\n00000001,Si\xe2n Jones\n', 'latin1'), 400, /not UTF-8/);
    });

    it('no header row', async () => {
      await refused(Buffer.from('34900001,Jones,Bartek,bartek@nrft.nhs.example\n34900002,Brown,Oliver,oliver@nrft.nhs.example\n'), 400, /no header row/);
    });

    it('an empty file, and a header with no rows', async () => {
      await refused(Buffer.alloc(0), 400, /empty|no header/);
      await refused(Buffer.from('Employee Number,Full Name\n'), 400, /no rows/);
    });

    it('a million columns', async () => {
      await refused(Buffer.from(`${Array.from({ length: 1_000_000 }, (_, i) => `c${i}`).join(',')}\n1,2\n`), 400, /first row is longer|columns/);
    });

    it('600 columns: more than 500', async () => {
      await refused(Buffer.from(`${Array.from({ length: 600 }, (_, i) => `Column ${i}`).join(',')}\n1,2\n`), 400, /600 columns: at most 500/);
    });

    it('a file over 50 MB (413)', async () => {
      // long rows (a 100 KB note each), so the limit is reached in a few hundred rows
      const row = `34900001,Jones Bartek,"${'x'.repeat(100 * 1024)}"\n`;
      const big = Buffer.from('Employee Number,Full Name,Notes\n' + row.repeat(Math.ceil((51 * 1024 * 1024) / row.length)));
      await refused(big, 413, /larger than 50 MB/);
    }, 120_000);

    it('no file, no kind, an employer of another branch, not a CSV', async () => {
      await refused(null, 400, /No file/);
      await refused(ESR_SAMPLE, 400, /kind/, { employerId: api.demoEmployerId });
      await refused(ESR_SAMPLE, 400, /employerId/, { kind: 'STAFF', employerId: api.otherEmployerId });
      await refused(ESR_SAMPLE, 400, /employerId/, { kind: 'STAFF' });
      await refused(ESR_SAMPLE, 400, /CSV/, staff, 'staff.pdf');
    });
  });

  describe('who may import', () => {
    it('an admin may', async () => {
      const res = await uploadImport(api, await token('admin'), staff, ESR_SAMPLE);
      expect(res.status).toBe(201);
    });

    it.each(['rep', 'caseworker', 'coalition'] as const)('a %s may not (403, nothing staged)', async (who) => {
      const before = await stagedCounts(api);
      const res = await uploadImport(api, await token(who), staff, ESR_SAMPLE);
      expect(res.status).toBe(403);
      expect(await stagedCounts(api)).toEqual(before);
    });

    it('nobody signed in may not (401)', async () => {
      const res = await uploadImport(api, null, staff, ESR_SAMPLE);
      expect(res.status).toBe(401);
    });

    it("another organisation's secretary cannot see or touch a run; nor can another branch's", async () => {
      const mine = await uploadImport(api, await token('secretary'), staff, ESR_SAMPLE);
      const [orgs] = await api.sql(`SELECT count(DISTINCT u.organisation_id)::int AS n FROM app_user u WHERE u.email IN ('secretary@unison.example', 'secretary@bma.example')`);
      expect(orgs.n).toBe(2);
      for (const who of ['bmaSecretary', 'secretary2'] as const) {
        const seen = await api.as(who)('query($id: ID!) { importRun(id: $id) { id } }', { id: mine.body.id });
        expect(seen.errors?.[0].extensions?.code).toBe('NOT_FOUND');
        const list = await api.as(who)('{ allImportRuns { id } _allImportRunsMeta { count } }');
        expect(list.data?.allImportRuns.map((r: { id: string }) => r.id)).not.toContain(mine.body.id);
        const cancel = await api.as(who)('mutation($id: ID!) { cancelImport(id: $id) { id } }', { id: mine.body.id });
        expect(cancel.errors?.[0].extensions?.code).toBe('NOT_FOUND');
      }
      const [run] = await api.sql('SELECT status FROM import_run WHERE id = $1', [mine.body.id]);
      expect(run.status).toBe('UPLOADED');
      const own = await api.as('secretary')('query($id: ID!) { importRun(id: $id) { id fileName rowsTotal headers sampleRows } }', { id: mine.body.id });
      expect(own.data?.importRun).toMatchObject({ id: mine.body.id, rowsTotal: 60, headers: expect.arrayContaining(['Employee Number']) });
      expect(own.data?.importRun.sampleRows).toHaveLength(10);
    });

    it("a union's membership list (no employer) is seen only by those who see every employer its uploader could import into", async () => {
      const [{ org }] = await api.sql('SELECT organisation_id AS org FROM employer WHERE id = $1', [api.demoEmployerId]);
      const [union] = await api.sql('SELECT id FROM trade_union WHERE organisation_id = $1 ORDER BY name LIMIT 1', [org]);
      const list = Buffer.from('Membership Number,Surname,Forename,Status\nM1,Audit,Ann,Member\n');
      const mine = await uploadImport(api, await token('secretary'), { kind: 'MEMBERSHIP', unionId: union.id }, list, 'members.csv');
      expect(mine.status).toBe(201);
      // secretary2 is a secretary of another branch of the same organisation: the list's people are not theirs
      const seen = await api.as('secretary2')('query($id: ID!) { importRun(id: $id) { id } }', { id: mine.body.id });
      expect(seen.errors?.[0].extensions?.code).toBe('NOT_FOUND');
      const rows = await api.as('secretary2')('query($id: ID!) { importRows(importId: $id) { rowNo cells } }', { id: mine.body.id });
      expect(rows.errors?.[0].extensions?.code).toBe('NOT_FOUND');
      const list2 = await api.as('secretary2')('{ allImportRuns(perPage: 100) { id } }');
      expect(list2.data?.allImportRuns.map((r: { id: string }) => r.id)).not.toContain(mine.body.id);
      const cancel = await api.as('secretary2')('mutation($id: ID!) { cancelImport(id: $id) { id } }', { id: mine.body.id });
      expect(cancel.errors?.[0].extensions?.code).toBe('NOT_FOUND');
      // the uploader still sees it
      const own = await api.as('secretary')('query($id: ID!) { importRun(id: $id) { id rowsTotal } }', { id: mine.body.id });
      expect(own.data?.importRun).toMatchObject({ id: mine.body.id, rowsTotal: 1 });
      // and row-level security hides the run and its rows from the other branch's identity, past the API's own check
      const rls = new RlsConnection();
      await rls.connect(api);
      try {
        for (const [who, seen] of [['secretary2', false], ['secretary', true]] as const) {
          await rls.as(who);
          expect(await rls.ids('SELECT id FROM import_run WHERE id = $1', [mine.body.id])).toEqual(seen ? [mine.body.id] : []);
          const [rows] = (await rls.db.query('SELECT count(*)::int AS n FROM import_row WHERE import_id = $1', [mine.body.id])).rows;
          expect(rows.n).toBe(seen ? 1 : 0);
          await rls.end();
        }
      } finally {
        await rls.close();
      }
    });

    it('a rep is refused the GraphQL side too', async () => {
      const res = await api.as('rep')('{ allImportRuns { id } }');
      expect(res.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    });
  });
});
