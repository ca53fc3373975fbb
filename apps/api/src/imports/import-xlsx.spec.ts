import { readdir, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from '@jest/globals';
import type ExcelJS from 'exceljs';
import { fileRows, type FileRow, ImportFileError, importFileName, importFormat } from './import-file.js';
import { cellText, withXlsxTempFiles, xlsxRows } from './import-xlsx.js';
import { storedZip as zip, xlsxFile as workbook } from './xlsx-files.spec-helper.js';

/** Bytes as an upload streams them: in chunks. */
async function* chunks(bytes: Buffer, size = 4096): AsyncGenerator<Buffer> {
  for (let i = 0; i < bytes.length; i += size) yield bytes.subarray(i, i + size);
}

/** Every row of a workbook, read as an upload reads it: exceljs's temporary files removed after. */
function read(bytes: Buffer | AsyncIterable<Buffer>): Promise<FileRow[]> {
  return withXlsxTempFiles(async () => {
    const out: FileRow[] = [];
    for await (const row of xlsxRows(Buffer.isBuffer(bytes) ? chunks(bytes) : bytes)) out.push(row);
    return out;
  });
}

async function refusal(bytes: Buffer | AsyncIterable<Buffer>): Promise<ImportFileError> {
  try {
    await read(bytes);
  } catch (e) {
    expect(e).toBeInstanceOf(ImportFileError);
    return e as ImportFileError;
  }
  throw new Error('the workbook was read');
}

describe('xlsxRows: an Excel workbook read as rows', () => {
  it('reads cells as a CSV would have them: dates, numbers without float noise, formulas, rich text, hyperlinks, booleans', async () => {
    const file = await workbook([{
      rows: [
        ['Employee Number', 'Name', 'Started', 'WTE', 'Double', 'Email', 'Active', 'Noise', 'Padded', 'Joined at'],
        [12345678, { richText: [{ text: 'Siân ' }, { text: 'Jones', font: { bold: true } }] }, new Date(Date.UTC(2013, 2, 18)), 0.8,
          { formula: 'D2*2', result: 1.6 }, { text: 'sian@nrft.nhs.example', hyperlink: 'mailto:sian@nrft.nhs.example' }, true, 0.1 + 0.2,
          123456, new Date(Date.UTC(2024, 0, 2, 9, 30))],
        ['00000042', 'Bo Li', { formula: 'C2+1', result: 41352 }, 1, { formula: 'B3&"!"', result: 'Bo Li!' }, '', false, -0, 7, { formula: 'NA()', result: { error: '#N/A' } }],
      ],
      formats: { 3: 'dd/mm/yyyy', 9: '00000000', 10: 'dd/mm/yyyy hh:mm' },
    }]);
    expect(await read(file)).toEqual([
      { rowNo: 1, cells: ['Employee Number', 'Name', 'Started', 'WTE', 'Double', 'Email', 'Active', 'Noise', 'Padded', 'Joined at'] },
      { rowNo: 2, cells: ['12345678', 'Siân Jones', '2013-03-18', '0.8', '1.6', 'sian@nrft.nhs.example', 'TRUE', '0.3', '00123456', '2024-01-02 09:30'] },
      // a formula's date result is a date too (its cell's format says so); text stays text, leading zeros and all;
      // a formula whose result is an error is empty (exceljs's reader gives no text for it), never "NaN" or a date of 1899
      { rowNo: 3, cells: ['00000042', 'Bo Li', '2013-03-19', '1', 'Bo Li!', '', 'FALSE', '0', '00000007', ''] },
    ]);
  });

  it('pads sparse rows, keeps the spreadsheet row numbers, skips empty rows and trailing empty cells', async () => {
    const file = await workbook([{
      rows: new Map<number, ExcelJS.CellValue[]>([
        [1, ['A', 'B', 'C', 'D']],
        [2, ['a2', undefined, 'c2']],
        [4, [undefined, undefined, undefined, 'd4']],
        [5, ['', ' ', undefined]],
        [7, ['a7', 'b7', 'c7', 'd7', '', '']],
        [9, [null, null]],
      ]),
    }]);
    expect(await read(file)).toEqual([
      { rowNo: 1, cells: ['A', 'B', 'C', 'D'] },
      { rowNo: 2, cells: ['a2', '', 'c2', ''] },
      { rowNo: 4, cells: ['', '', '', 'd4'] },
      { rowNo: 7, cells: ['a7', 'b7', 'c7', 'd7'] },
    ]);
  });

  it('reads the first visible worksheet that has rows, and only it', async () => {
    const file = await workbook([
      { name: 'Lookups', state: 'hidden', rows: [['Code', 'Ward'], ['X', 'Hidden']] },
      { name: 'Empty', rows: [] },
      { name: 'Staff', rows: [['Employee Number', 'Full Name'], [1, 'Ann Smith']] },
      { name: 'Other', rows: [['Something', 'Else'], ['x', 'y']] },
    ]);
    expect(await read(file)).toEqual([{ rowNo: 1, cells: ['Employee Number', 'Full Name'] }, { rowNo: 2, cells: ['1', 'Ann Smith'] }]);
  });

  it('refuses an empty workbook, a blank first row, no header, too many columns', async () => {
    expect((await refusal(await workbook([{ rows: [] }]))).reason).toMatch(/workbook has no rows/);
    expect((await refusal(await workbook([{ rows: new Map([[3, ['Employee Number', 'Full Name']]]) }]))).reason).toMatch(/first row is blank.*row 3/);
    expect((await refusal(await workbook([{ rows: [[34900001, 'Jones', 'b@nrft.nhs.example'], [34900002, 'Brown', 'o@nrft.nhs.example']] }]))).reason)
      .toMatch(/no header row/);
    const wide = await workbook([{ rows: [Array.from({ length: 16_384 }, (_, i) => `Column ${i + 1}`), [1, 2]] }]);
    expect((await refusal(wide)).reason).toBe('The file has 16,384 columns: at most 500 are allowed');
    const wideRow = await workbook([{ rows: [['A', 'B'], Array.from({ length: 600 }, (_, i) => i)] }]);
    expect((await refusal(wideRow)).reason).toMatch(/Row 2 has 600 cells: at most 500/);
  });

  it('refuses what is not a workbook: text, an empty file, an old .xls or encrypted workbook, another zip, a damaged workbook', async () => {
    expect((await refusal(Buffer.from('Employee Number,Full Name\n1,Ann Smith\n'))).reason).toMatch(/not an Excel workbook/);
    expect((await refusal(Buffer.from('PK'))).reason).toMatch(/not an Excel workbook/);
    expect((await refusal(Buffer.alloc(0))).reason).toMatch(/empty/);
    const ole2 = Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(4096)]);
    expect((await refusal(ole2)).reason).toMatch(/password-protected \(encrypted\) workbook or an old Excel 97–2003 file/);
    expect((await refusal(zip({ 'word/document.xml': '<w:document/>', 'mimetype': 'x' }))).reason).toMatch(/not an Excel workbook/);
    const good = await workbook([{ rows: [['Employee Number', 'Full Name'], ...Array.from({ length: 200 }, (_, i) => [i, `Person ${i}`])] }]);
    expect((await refusal(good.subarray(0, Math.floor(good.length / 2)))).reason).toMatch(/could not be read|not an Excel workbook/);
    // bytes spoilt here and there: refused clearly (or, where the damage missed what is read, read), never a crash or a hang
    for (const at of [0.1, 0.3, 0.5, 0.7, 0.9]) {
      const bad = Buffer.from(good);
      bad.fill(0x41, Math.floor(bad.length * at), Math.floor(bad.length * at) + 64);
      try {
        await read(bad);
      } catch (e) {
        expect(e).toBeInstanceOf(ImportFileError);
      }
    }
  });

  it('a damaged workbook leaves no copy of its worksheet in the system\'s temporary folder', async () => {
    // written as Excel writes it: the worksheet before the shared strings, so exceljs copies the worksheet to a temporary file;
    // the file cut in half (an upload broken off): the copy begins, the zip then breaks
    const good = await workbook([{ rows: [['Employee Number', 'Full Name'], ...Array.from({ length: 200 }, (_, i) => [i, `Person ${i}`])] }]);
    expect(good.indexOf('xl/sharedStrings.xml')).toBeGreaterThan(good.indexOf('xl/worksheets/sheet1.xml'));
    const damaged = good.subarray(0, Math.floor(good.length / 2));
    const mine = async () => (await readdir(os.tmpdir())).filter((f) => f.startsWith(`tmp-${process.pid}-`));
    const readAll = async () => {
      for await (const _ of xlsxRows(chunks(damaged)));
    };
    // read bare, exceljs leaves its copy behind (this is what the test guards against; removed here)
    const before = await mine();
    await expect(readAll()).rejects.toThrow(/could not be read/);
    const left = (await mine()).filter((f) => !before.includes(f));
    expect(left.length).toBe(1);
    await Promise.all(left.map((f) => rm(path.join(os.tmpdir(), f), { force: true })));
    // read as the upload reads it: refused alike, and nothing left
    await expect(withXlsxTempFiles(readAll)).rejects.toThrow(/could not be read/);
    expect((await mine()).filter((f) => !before.includes(f))).toEqual([]);
  });

  it('refuses a workbook whose cells hold more text than a CSV may (a small file can unpack to gigabytes), with 413, as it reads', async () => {
    const row = ['12345678', 'A name long enough to weigh something', 'Ward of the same name every time, which compresses well'];
    const file = await workbook([{ rows: [['Employee Number', 'Full Name', 'Ward'], ...Array.from({ length: 3000 }, () => row)] }]);
    const text = 3000 * row.reduce((n, c) => n + c.length + 1, 0);
    expect(file.length * 5).toBeLessThan(text); // packed tight, as a zip bomb is
    const limit = Math.floor(text / 2);
    const rows: FileRow[] = [];
    const reading = withXlsxTempFiles(async () => {
      for await (const r of xlsxRows(chunks(file), { maxText: limit })) rows.push(r);
    });
    await expect(reading).rejects.toMatchObject({ status: 413, reason: expect.stringMatching(/^The workbook holds more than 0 MB of text .*: split it and upload the parts$/) });
    // it stopped where the text passed the limit, not at the end
    expect(rows.length).toBeGreaterThan(1000);
    expect(rows.length).toBeLessThan(1600);
    // the same workbook under the real limit (50 MB) is read whole
    expect(await read(file)).toHaveLength(3001);
  });

  it('passes on the upload\'s own error (the 50 MB limit) and stops reading', async () => {
    const good = await workbook([{ rows: [['Employee Number', 'Full Name'], ...Array.from({ length: 2000 }, (_, i) => [i, `Person ${i}`])] }]);
    async function* cut(): AsyncGenerator<Buffer> {
      yield good.subarray(0, 8192);
      throw new ImportFileError('The file is larger than 50 MB: split it and upload the parts', 413);
    }
    const e = await refusal(cut());
    expect({ status: e.status, reason: e.reason }).toEqual({ status: 413, reason: expect.stringMatching(/larger than 50 MB/) });
  });

  it('when the caller stops after the header, the rest of the upload is still read (and dropped)', async () => {
    const file = await workbook([{ rows: [['Employee Number', 'Full Name'], ...Array.from({ length: 5000 }, (_, i) => [i, `Person ${i}`])] }]);
    let ended!: () => void;
    const end = new Promise<void>((resolve) => { ended = resolve; });
    async function* upload(): AsyncGenerator<Buffer> {
      yield* chunks(file);
      ended();
    }
    const rows = xlsxRows(upload());
    expect((await rows.next()).value).toEqual({ rowNo: 1, cells: ['Employee Number', 'Full Name'] });
    await rows.return(undefined);
    await end;
  });

  it('cellText: the odd values exceljs gives', () => {
    expect(cellText(null, undefined)).toBe('');
    expect(cellText(1e21, undefined)).toBe('1e+21');
    expect(cellText(41351, 'd-mmm-yy')).toBe('2013-03-18');
    expect(cellText(1.0000000000000002, undefined)).toBe('1');
    expect(cellText({ error: '#DIV/0!' }, undefined)).toBe('#DIV/0!');
    expect(cellText({ formula: 'A1' } as ExcelJS.CellValue, undefined)).toBe('');
  });
});

describe('the format of an upload', () => {
  it('by its extension, or its MIME type when the name does not say', () => {
    expect(importFileName('staff.xlsx', 'application/octet-stream')).toBe('staff.xlsx');
    expect(importFileName('staff', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')).toBe('staff.xlsx');
    expect(importFileName('staff.csv', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')).toBe('staff.csv');
    expect(importFileName('staff.dat', 'text/csv')).toBe('staff.dat');
    expect(importFileName(`${'x'.repeat(300)}.xlsx`, '')).toMatch(/^x{250}\.xlsx$/);
    expect(importFormat('Staff.XLSX')).toBe('xlsx');
    expect(importFormat('staff.csv')).toBe('csv');
    expect(importFormat('staff.dat')).toBe('csv');
  });

  it('refuses other spreadsheets with what to do', () => {
    expect(() => importFileName('staff.xls', 'application/vnd.ms-excel')).toThrow(/old Excel 97–2003 workbook \(.xls\): save it as "Excel Workbook \(.xlsx\)" or "CSV UTF-8"/);
    expect(() => importFileName('staff.ods', 'application/vnd.oasis.opendocument.spreadsheet')).toThrow(/OpenDocument spreadsheet/);
    expect(() => importFileName('staff.pdf', 'application/pdf')).toThrow(/CSV file .* or an Excel workbook/);
  });

  it('fileRows reads each format', async () => {
    const rows = async (it: AsyncIterable<FileRow>) => { const out = []; for await (const r of it) out.push(r.cells); return out; };
    expect(await rows(fileRows('csv', chunks(Buffer.from('A,B\n1,2\n'))))).toEqual([['A', 'B'], ['1', '2']]);
    expect(await rows(fileRows('xlsx', chunks(await workbook([{ rows: [['A', 'B'], [1, 2]] }]))))).toEqual([['A', 'B'], ['1', '2']]);
  });
});
