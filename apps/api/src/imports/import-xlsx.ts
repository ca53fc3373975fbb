import { AsyncLocalStorage } from 'node:async_hooks';
import { once } from 'node:events';
import { rm } from 'node:fs/promises';
import { PassThrough } from 'node:stream';
import ExcelJS from 'exceljs';
import tmpModule from 'tmp';
import { checkHeader, type FileRow, ImportFileError, MAX_IMPORT_BYTES, MAX_IMPORT_COLUMNS } from './import-file.js';

/**
 * exceljs's temporary copies of worksheets, removed whatever happens. Its streaming reader copies a
 * worksheet that comes before the shared strings (where Excel writes them) to a file made by the `tmp`
 * package in the system's temporary folder, and removes the file only when it reaches the end: a damaged
 * or broken-off workbook left the copy there, staff names and all, until the process ended. Within
 * `withXlsxTempFiles(…)` the files exceljs makes are noted (AsyncLocalStorage follows its calls; no
 * option of exceljs says where they go) and removed when the work ends. They stay where `tmp` puts them:
 * made in a folder of the upload's own, exceljs was seen to lose the workbook's last entry now and then.
 */
const tempFiles = new AsyncLocalStorage<{ made: string[]; ended: boolean }>();
type TmpCallback = (err: unknown, name?: string, ...rest: unknown[]) => void;
type TmpFile = (options: unknown, callback?: TmpCallback) => void;
// the `tmp` exceljs requires (a dependency of ours too, at the version exceljs asks for, so the one module; the test sees it)
const tmp = tmpModule as unknown as { file: TmpFile };
const tmpFile = tmp.file;
const READING_ENDED = 'the reading of this workbook has ended';
tmp.file = (options, callback) => {
  const files = tempFiles.getStore();
  if (!files) return tmpFile(options, callback);
  const [opts, done] = typeof options === 'function' ? [{}, options as TmpCallback] : [options, callback!];
  // exceljs may still be running after the reading ended (a broken upload): it gets no more files
  if (files.ended) return done(new Error(READING_ENDED));
  return tmpFile(opts, (err, name, ...rest) => {
    if (err || !name) return done(err, name, ...rest);
    if (files.ended) {
      void rm(name, { force: true });
      return done(new Error(READING_ENDED));
    }
    files.made.push(name);
    return done(err, name, ...rest);
  });
};

/** `work`, then every temporary file exceljs made for it removed (whether it read the workbook, refused it or broke off). */
export async function withXlsxTempFiles<T>(work: () => Promise<T>): Promise<T> {
  const files = { made: [] as string[], ended: false };
  try {
    return await tempFiles.run(files, work);
  } finally {
    files.ended = true;
    await Promise.all(files.made.map((file) => rm(file, { force: true })));
  }
}

/** The MIME type of an Excel workbook (.xlsx). */
export const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

const ZIP = Buffer.from('PK\x03\x04', 'latin1');
/** An OLE2 compound file: an old Excel 97–2003 workbook (.xls), or an encrypted (password-protected) .xlsx. */
const OLE2 = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);

const NOT_A_WORKBOOK = 'The file is not an Excel workbook (.xlsx): open it in Excel and save it as "Excel Workbook (.xlsx)" or "CSV UTF-8"';
const DAMAGED = 'The Excel workbook could not be read (it is damaged or not a real .xlsx file): open it in Excel and save it as "Excel Workbook (.xlsx)" or "CSV UTF-8"';
const ENCRYPTED = 'The file is a password-protected (encrypted) workbook or an old Excel 97–2003 file: remove the password, then save it as "Excel Workbook (.xlsx)" or "CSV UTF-8"';

type CellValue = ExcelJS.CellValue;

/** A number format that shows dates or times (the rule exceljs applies to plain cells, applied here to formula results too). */
function isDateFormat(fmt: string | undefined): boolean {
  return !!fmt && /[ymdhMsb]+/.test(fmt.replace(/\[[^\]]*]/g, '').replace(/"[^"]*"/g, ''));
}

const pad2 = (n: number) => String(n).padStart(2, '0');

/** A date cell as a CSV would have it: yyyy-mm-dd, with the time (hh:mm, seconds if any) only when it has one. */
function dateText(d: Date): string {
  if (Number.isNaN(d.getTime())) return '';
  const date = `${d.getUTCFullYear()}-${pad2(d.getUTCMonth() + 1)}-${pad2(d.getUTCDate())}`;
  const [h, m, s] = [d.getUTCHours(), d.getUTCMinutes(), d.getUTCSeconds()];
  if (!h && !m && !s) return date;
  return `${date} ${pad2(h)}:${pad2(m)}${s ? `:${pad2(s)}` : ''}`;
}

/**
 * A number without float noise: at most 15 significant digits (what Excel shows), so 0.1+0.2 is "0.3",
 * 12345678 is "12345678" and 0.8 is "0.8". A format of zeros ("00000000", an employee number's) keeps its
 * leading zeros, as Excel shows them.
 */
function numberText(n: number, fmt: string | undefined): string {
  if (!Number.isFinite(n)) return '';
  const text = String(Number(n.toPrecision(15)) || 0);
  if (fmt && /^0+$/.test(fmt) && Number.isInteger(n) && n >= 0) return text.padStart(fmt.length, '0');
  return text;
}

/** Excel's serial day number (1900 or 1904 system) as a Date in UTC. */
function serialDate(serial: number, date1904: boolean): Date {
  return new Date(Math.round((serial - (date1904 ? 24107 : 25569)) * 86_400_000));
}

/** One cell as the text a CSV export would have: see xlsxRows. */
export function cellText(value: CellValue, numFmt: string | undefined, date1904 = false): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return isDateFormat(numFmt) ? dateText(serialDate(value, date1904)) : numberText(value, numFmt);
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  if (value instanceof Date) return dateText(value);
  if ('richText' in value) return value.richText.map((r) => r.text ?? '').join('');
  if ('formula' in value || 'sharedFormula' in value) {
    // its cached result (a formula never calculated has none: empty); an error result has no text in exceljs: empty
    const result = (value as { result?: unknown }).result;
    if (result !== null && typeof result === 'object' && 'error' in result) return String((result as { error: unknown }).error);
    return cellText(result as CellValue, numFmt, date1904);
  }
  if ('hyperlink' in value) return cellText((value as { text?: CellValue }).text ?? '', numFmt, date1904);
  if ('error' in value) return String(value.error);
  if ('sharedString' in value) return '';
  return '';
}

/**
 * The first failure of the upload or of the zip under exceljs, and the waits it ends at once (exceljs may
 * otherwise wait for an entry that never ends). Each wait is its own promise: racing every row against
 * one long-lived promise would keep every row in memory until the end.
 */
class Breaker {
  failure: { error: unknown } | null = null;
  private readonly waiting = new Set<(e: unknown) => void>();

  fail(error: unknown): void {
    if (this.failure) return;
    this.failure = { error };
    for (const reject of this.waiting) reject(error);
    this.waiting.clear();
  }

  /** `p`, or the failure if it comes first. */
  wait<T>(p: Promise<T>): Promise<T> {
    if (this.failure) return Promise.reject(this.failure.error);
    return new Promise<T>((resolve, reject) => {
      this.waiting.add(reject);
      p.then(resolve, reject).finally(() => this.waiting.delete(reject));
    });
  }

  /** The values of `it`, each waited for. */
  async *values<T>(it: AsyncIterator<T>): AsyncGenerator<T> {
    for (;;) {
      const r = await this.wait(it.next());
      if (r.done) return;
      yield r.value;
    }
  }
}

/** A row's cells as text: missing cells empty, trailing empty cells dropped. */
function rowCells(row: ExcelJS.Row, date1904: boolean): string[] {
  const cells: string[] = [];
  row.eachCell({ includeEmpty: false }, (cell, col) => {
    if (col > 16_384) throw new ImportFileError(DAMAGED);
    const text = cellText(cell.value, cell.numFmt, date1904);
    while (cells.length < col - 1) cells.push('');
    cells[col - 1] = text;
  });
  while (cells.length && cells[cells.length - 1] === '') cells.pop();
  return cells;
}

/**
 * An Excel workbook's rows (.xlsx), streamed through exceljs's streaming reader, never held whole: the
 * first visible worksheet that has rows (other sheets are ignored). Its rows come as csvRows gives a
 * CSV's: rowNo is the spreadsheet's row number, the header row 1 (checked by checkHeader), cells as
 * text: dates yyyy-mm-dd, numbers as Excel shows them without float noise (12345678, 0.8), formulas by
 * their cached result, rich text and hyperlinks by their text, TRUE/FALSE, missing cells empty, rows
 * padded to the header's width; empty rows are skipped. An old .xls, an encrypted workbook or a file
 * that is not a workbook is refused (ImportFileError) before any row.
 */
export async function* xlsxRows(bytes: AsyncIterable<Buffer>, { maxText = MAX_IMPORT_BYTES } = {}): AsyncGenerator<FileRow> {
  const input = new PassThrough();
  const breaker = new Breaker();
  // The zip stream exceljs pipes the input into: its errors (a damaged file) end the reading, where
  // exceljs itself may wait for an entry that never ends.
  const pipe = input.pipe.bind(input);
  input.pipe = ((dest: NodeJS.WritableStream, options?: { end?: boolean }) => {
    (dest as PassThrough).on('error', (e: unknown) => breaker.fail(e));
    return pipe(dest, options);
  }) as typeof input.pipe;

  // What is read is fed to exceljs (when the input is dropped, the rest is only read).
  let sniffed: Buffer | null = Buffer.alloc(0);
  let kind: 'zip' | 'other' | undefined;
  let told!: () => void;
  const knowKind = new Promise<void>((resolve) => { told = resolve; });
  const closed = once(input, 'close').catch(() => undefined);
  const pump = (async () => {
    for await (const chunk of bytes) {
      if (sniffed) {
        sniffed = Buffer.concat([sniffed, chunk]);
        if (sniffed.length < OLE2.length) continue;
        kind = sniffed.subarray(0, ZIP.length).equals(ZIP) ? 'zip' : 'other';
        if (kind === 'other') throw new ImportFileError(sniffed.subarray(0, OLE2.length).equals(OLE2) ? ENCRYPTED : NOT_A_WORKBOOK);
        told();
        const first = sniffed;
        sniffed = null;
        if (!input.write(first)) await Promise.race([once(input, 'drain'), closed]);
        continue;
      }
      if (input.destroyed) continue;
      if (!input.write(chunk)) await Promise.race([once(input, 'drain'), closed]);
    }
    if (sniffed) throw new ImportFileError(sniffed.length ? NOT_A_WORKBOOK : 'The file is empty: its first row must name the columns');
    input.end();
  })();
  pump.catch((e: unknown) => {
    breaker.fail(e);
    input.destroy();
  });
  await breaker.wait(knowKind);

  const reader = new ExcelJS.stream.xlsx.WorkbookReader(input, {
    worksheets: 'emit', sharedStrings: 'cache', styles: 'cache', hyperlinks: 'ignore', entries: 'ignore',
  });
  const date1904 = () => !!(reader as unknown as { properties?: { model?: { date1904?: boolean } } }).properties?.model?.date1904;
  let header: string[] | undefined;
  const sheets = reader[Symbol.asyncIterator]();
  let rows: AsyncIterator<ExcelJS.Row> | undefined;
  let read = false;
  /** The characters of the rows read so far (and a separator for each cell). */
  let text = 0;
  try {
    for await (const sheet of breaker.values(sheets)) {
      rows = (sheet as AsyncIterable<ExcelJS.Row>)[Symbol.asyncIterator]();
      const state = (sheet as unknown as { state?: string }).state;
      if (header || (state && state !== 'visible')) {
        // a sheet not read is still run through: exceljs deletes its temporary copy of it only then
        for await (const _ of breaker.values(rows));
        continue;
      }
      for await (const row of breaker.values(rows)) {
        const cells = rowCells(row, date1904());
        if (!header) {
          if (!cells.some((c) => c.trim() !== '')) continue;
          if (row.number !== 1) throw new ImportFileError(`The first worksheet's first row is blank (its first row with anything in it is row ${row.number}): its first row must name the columns`);
          header = checkHeader(cells);
          yield { rowNo: row.number, cells: header };
          continue;
        }
        if (cells.length > MAX_IMPORT_COLUMNS) {
          throw new ImportFileError(`Row ${row.number} has ${cells.length.toLocaleString('en-GB')} cells: at most ${MAX_IMPORT_COLUMNS} columns are allowed`);
        }
        if (cells.every((c) => c.trim() === '')) continue;
        // A workbook is held to what its CSV could hold: its 50 MB are compressed, and a small file can unpack to gigabytes.
        text += cells.reduce((n, c) => n + c.length + 1, 0);
        if (text > maxText) {
          throw new ImportFileError(`The workbook holds more than ${Math.round(maxText / 1024 / 1024)} MB of text (as a CSV file it would be larger than the limit): split it and upload the parts`, 413);
        }
        while (cells.length < header.length) cells.push('');
        yield { rowNo: row.number, cells };
      }
      rows = undefined;
    }
    if (!(reader as unknown as { model?: unknown }).model) throw new ImportFileError(NOT_A_WORKBOOK);
    if (!header) throw new ImportFileError('The workbook has no rows: its first worksheet\'s first row must name the columns');
    // the rest of the upload is read (past the 50 MB limit it is refused as a CSV would be)
    await pump;
    read = true;
  } catch (e) {
    if (e instanceof ImportFileError) throw e;
    throw new ImportFileError(DAMAGED);
  } finally {
    if (!read) letGo(sheets, rows, breaker.failure ? input : null);
  }
}

/**
 * Reading stopped before the end (a refusal, or the caller stopped): exceljs is run to the end in the
 * background, its rows dropped, so it removes its temporary files and closes them. When the upload or
 * the zip itself broke, exceljs cannot end: the input is dropped instead (the rest of the upload is read
 * and dropped by the pump).
 */
function letGo(sheets: AsyncIterator<unknown>, rows: AsyncIterator<unknown> | undefined, brokenInput: PassThrough | null): void {
  if (brokenInput) {
    brokenInput.destroy();
    return;
  }
  void (async () => {
    if (rows) while (!(await rows.next()).done);
    for (let s = await sheets.next(); !s.done; s = await sheets.next()) {
      const it = (s.value as AsyncIterable<unknown>)[Symbol.asyncIterator]();
      while (!(await it.next()).done);
    }
  })().catch(() => undefined);
}
