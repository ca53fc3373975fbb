import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { startTestApp, type TestApp } from '../fixtures/app.js';
import { ESR_SAMPLE, mapAndDryRun, stagedCounts, uploadImport } from '../fixtures/imports.js';
import { until } from '../fixtures/wait.js';
import { csvAsXlsx, storedZip, xlsxFile } from '../fixtures/xlsx.js';

/**
 * Excel workbooks (.xlsx) through the import: the ESR sample saved as a workbook (numbers, dates as date
 * cells) is staged, mapped, dry-run and applied exactly as the CSV of the same rows; files that are not
 * workbooks are refused clearly, leaving no run and no rows.
 */
describe('import: Excel workbooks', () => {
  let api: TestApp;
  let as: ReturnType<TestApp['as']>;
  let token: string;
  const staff = () => ({ kind: 'STAFF', employerId: api.demoEmployerId });
  const sampleNumbers = ESR_SAMPLE.toString('utf8').trim().split(/\r?\n/).slice(1).map((l) => l.split(',')[0]);

  beforeAll(async () => {
    api = await startTestApp();
    as = api.as('secretary');
    token = await api.login('secretary');
  }, 120_000);
  afterAll(() => api?.close());

  const gql = async (query: string, variables: Record<string, unknown>) => {
    const res = await as(query, variables);
    expect(res.errors).toBeUndefined();
    return res.data!;
  };
  const upload = async (file: Buffer, name: string) => {
    const res = await uploadImport(api, token, staff(), file, name);
    expect(res.status).toBe(201);
    return res.body.id!;
  };
  const dryRun = (id: string) => mapAndDryRun(api, id);
  const rowsOf = (id: string) => api.sql<{ row_no: number; values: unknown; outcome: string; reason: string | null }>(
    'SELECT row_no, values, outcome, reason FROM import_row WHERE import_id = $1 ORDER BY row_no', [id]);

  it('the ESR sample as a workbook: staged, mapped with no change, dry-run and applied as its CSV is', async () => {
    const workbook = await csvAsXlsx(ESR_SAMPLE);
    const csv = await upload(ESR_SAMPLE, 'esr.csv');
    const xlsx = await upload(workbook, 'esr.xlsx');
    const [c, x] = await Promise.all([csv, xlsx].map(async (id) => (await gql(
      'query($id: ID!) { importRun(id: $id) { fileName headers suggestedMapping rowsTotal sampleRows } }', { id })).importRun));
    expect(x).toMatchObject({ fileName: 'esr.xlsx', headers: c.headers, suggestedMapping: c.suggestedMapping, rowsTotal: 60 });
    expect(c.suggestedMapping.filter(Boolean).length).toBeGreaterThan(8);
    // cells as text: the employee number as it was, the WTE without float noise, the date cell as an ISO date
    const [first] = await api.sql('SELECT row_no, cells FROM import_row WHERE import_id = $1 ORDER BY row_no LIMIT 1', [xlsx]);
    const csvFirst = ESR_SAMPLE.toString('utf8').split(/\r?\n/)[1].split(',');
    expect(first.row_no).toBe(2);
    expect(first.cells).toEqual(csvFirst.map((cell, i) => (i === 10 ? String(Number(cell)) : i === 11 ? cell.split('/').reverse().join('-') : cell)));

    const counts = await dryRun(xlsx);
    expect(await dryRun(csv)).toEqual(counts);
    expect(counts).toMatchObject({ status: 'DRY_RUN', created: expect.any(Number) });
    expect(counts.created).toBeGreaterThan(5);
    // row by row: the same values read, the same outcome and reason
    expect(await rowsOf(xlsx)).toEqual(await rowsOf(csv));

    const [before] = await api.sql('SELECT count(*)::int AS n FROM contact WHERE employee_number = ANY($1)', [sampleNumbers]);
    expect(before.n).toBe(0);
    await gql('mutation($id: ID!) { applyImport(id: $id) { id } }', { id: xlsx });
    const end = await until('the apply to end', async () => {
      const [r] = await api.sql('SELECT status, error, created FROM import_run WHERE id = $1', [xlsx]);
      return ['APPLIED', 'FAILED', 'CANCELLED'].includes(r.status) && r;
    });
    expect(end).toEqual({ status: 'APPLIED', error: null, created: counts.created });
    const [after] = await api.sql(`SELECT count(*)::int AS n FROM contact WHERE employee_number = ANY($1)`, [sampleNumbers]);
    expect(after.n).toBe(counts.created);
    // the CSV of the same rows now changes nothing: what the workbook wrote is what the CSV says
    const again = await upload(ESR_SAMPLE, 'esr-again.csv');
    expect(await dryRun(again)).toEqual({ ...counts, created: 0, unchanged: counts.created });
  });

  describe('refused workbooks leave no run and no rows', () => {
    const refused = async (file: Buffer, name: string, message: RegExp, status = 400) => {
      const before = await stagedCounts(api);
      const res = await uploadImport(api, token, staff(), file, name);
      expect({ status: res.status, message: res.body.message }).toEqual({ status, message: expect.stringMatching(message) });
      expect(JSON.stringify(res.body)).not.toMatch(/\n\s+at |\.ts:|\.js:|SELECT |INSERT /);
      expect(await stagedCounts(api)).toEqual(before);
    };

    it('a file named .xlsx that is not a workbook; a damaged workbook', async () => {
      await refused(ESR_SAMPLE, 'esr.xlsx', /not an Excel workbook/);
      const good = await csvAsXlsx(ESR_SAMPLE);
      await refused(good.subarray(0, Math.floor(good.length / 2)), 'esr.xlsx', /could not be read|not an Excel workbook/);
    });

    it('an old .xls, an .ods, an encrypted workbook', async () => {
      await refused(Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0, 0, 0]), 'esr.xls', /old Excel 97–2003 workbook.*save it as "Excel Workbook \(.xlsx\)" or "CSV UTF-8"/);
      await refused(await csvAsXlsx(ESR_SAMPLE), 'esr.ods', /OpenDocument spreadsheet/);
      await refused(Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(8192)]), 'esr.xlsx', /password-protected/);
    });

    it('a zip that is not a workbook (a Word document)', async () => {
      await refused(storedZip({ '[Content_Types].xml': '<Types/>', 'word/document.xml': '<w:document/>' }), 'letter.xlsx', /not an Excel workbook/);
    });

    it('a workbook over 50 MB (413), its worksheet cut off mid-way', async () => {
      const big = storedZip({ '[Content_Types].xml': '<Types/>', 'xl/worksheets/sheet1.xml': Buffer.alloc(51 * 1024 * 1024, 0x20) });
      await refused(big, 'big.xlsx', /larger than 50 MB/, 413);
    }, 120_000);

    it('an empty workbook, no header row, a header with no rows', async () => {
      await refused(await xlsxFile([{ rows: [] }]), 'empty.xlsx', /no rows/);
      await refused(await xlsxFile([{ rows: [[34900001, 'Jones', 'b@nrft.nhs.example'], [34900002, 'Brown', 'o@nrft.nhs.example']] }]), 'staff.xlsx', /no header row/);
      await refused(await xlsxFile([{ rows: [['Employee Number', 'Full Name']] }]), 'staff.xlsx', /no rows/);
    });
  });
});
