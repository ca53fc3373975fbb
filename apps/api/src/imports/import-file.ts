import { Readable } from 'node:stream';
import { parse, type CsvError } from 'csv-parse';
import { XLSX_MIME, xlsxRows } from './import-xlsx.js';

/** The largest file an import takes (the upload is cut off past it). */
export const MAX_IMPORT_BYTES = 50 * 1024 * 1024;
/** The most columns a file may have. */
export const MAX_IMPORT_COLUMNS = 500;
/** The longest header line read while the delimiter is sniffed (500 long column names fit many times over). */
const MAX_HEADER_CHARS = 256 * 1024;

/** A file refused as a whole: `reason` is a sentence a secretary understands; `status` the HTTP answer (400, or 413 too large). */
export class ImportFileError extends Error {
  constructor(readonly reason: string, readonly status = 400) {
    super(reason);
  }
}

/** One row of the file: its spreadsheet row number (the header is row 1), its cells, or why it could not be read. */
export interface FileRow {
  rowNo: number;
  cells: string[];
  /** Set when the row itself could not be read (a stray quote): the row is kept, refused, with this reason. */
  unreadable?: string;
}

/**
 * Bytes → text, refusing what is not UTF-8: a UTF-16 file (Excel's "Unicode text"), bytes that are
 * not UTF-8 (a Latin-1 or Windows-1252 export), or NUL characters. A UTF-8 byte-order mark is dropped.
 */
export async function* utf8Text(bytes: AsyncIterable<Buffer>): AsyncGenerator<string> {
  const decoder = new TextDecoder('utf-8', { fatal: true });
  let first = true;
  for await (const chunk of bytes) {
    if (first && chunk.length >= 2 && ((chunk[0] === 0xff && chunk[1] === 0xfe) || (chunk[0] === 0xfe && chunk[1] === 0xff))) {
      throw new ImportFileError('The file is saved as UTF-16 ("Unicode text"): save it as "CSV UTF-8" and upload it again');
    }
    first = false;
    let text: string;
    try {
      text = decoder.decode(chunk, { stream: true });
    } catch {
      throw new ImportFileError('The file is not UTF-8 text (perhaps saved as Latin-1 or "CSV (Windows)"): save it as "CSV UTF-8" and upload it again');
    }
    if (text.includes('\u0000')) throw new ImportFileError('The file contains NUL characters: it is not a text CSV file (save it as "CSV UTF-8")');
    if (text) yield text;
  }
  try {
    const rest = decoder.decode();
    if (rest) yield rest;
  } catch {
    throw new ImportFileError('The file is not UTF-8 text (it ends in the middle of a character): save it as "CSV UTF-8" and upload it again');
  }
}

/** The delimiter of a header line: whichever of comma, semicolon and tab occurs most outside quotes (comma on a tie). */
export function sniffDelimiter(headerLine: string): string {
  const counts: Record<string, number> = { ',': 0, ';': 0, '\t': 0 };
  let quoted = false;
  for (const ch of headerLine) {
    if (ch === '"') quoted = !quoted;
    else if (!quoted && ch in counts) counts[ch]++;
  }
  return Object.entries(counts).reduce((best, e) => (e[1] > best[1] ? e : best), [',', 0] as [string, number])[0];
}

/** Cells that look like data, not a column name: a header-less file's first row. */
const DATA_LIKE = /^(\d[\d\s.,/-]*|[^@\s]+@[^@\s]+\.[^@\s]+|\d{1,2}[-/ ][A-Za-z]{3}[-/ ]\d{2,4})$/;

/** Checks the header row: present, at most MAX_IMPORT_COLUMNS columns, named, and not a row of data. */
export function checkHeader(cells: string[]): string[] {
  const headers = cells.map((c) => c.trim());
  if (headers.length > MAX_IMPORT_COLUMNS) {
    throw new ImportFileError(`The file has ${headers.length.toLocaleString('en-GB')} columns: at most ${MAX_IMPORT_COLUMNS} are allowed`);
  }
  const named = headers.filter((h) => h !== '');
  if (!named.length) throw new ImportFileError('The file has no header row: its first row must name the columns');
  if (named.filter((h) => DATA_LIKE.test(h)).length * 2 >= named.length) {
    throw new ImportFileError(`The file has no header row: its first row (${named.slice(0, 3).join(', ')}…) looks like data; add a row naming the columns`);
  }
  return headers;
}

/**
 * A CSV file's rows, streamed: UTF-8 (with or without a byte-order mark), the delimiter sniffed from
 * the header line (comma, semicolon or tab), quoted fields, CRLF or LF, rows of any length (missing
 * cells are empty). The first row yielded is the header (rowNo 1), checked by checkHeader. A row
 * csv-parse cannot read (a stray quote) is yielded with `unreadable`, and reading goes on.
 */
export async function* csvRows(bytes: AsyncIterable<Buffer>): AsyncGenerator<FileRow> {
  const text = utf8Text(bytes);
  // The header line first, to sniff the delimiter.
  let head = '';
  let rest: IteratorResult<string> | undefined;
  while (!/[\r\n]/.test(head)) {
    rest = await text.next();
    if (rest.done) break;
    head += rest.value;
    if (head.length > MAX_HEADER_CHARS && !/[\r\n]/.test(head.slice(0, MAX_HEADER_CHARS))) {
      throw new ImportFileError(`The file's first row is longer than ${MAX_HEADER_CHARS / 1024} KB: it cannot be a header of at most ${MAX_IMPORT_COLUMNS} columns`);
    }
  }
  const firstLine = head.replace(/^\uFEFF/, '').split(/\r?\n|\r/)[0];
  if (!firstLine.trim()) throw new ImportFileError('The file is empty or its first row is blank: its first row must name the columns');

  let rowNo = 0;
  const parser = parse({
    delimiter: sniffDelimiter(firstLine), bom: true, relax_column_count: true, relax_quotes: true, skip_empty_lines: true, max_record_size: 1_000_000,
    skip_records_with_error: true,
    // numbered as parsed, so a row skipped for an error keeps its place
    raw: true,
    // An odd number of quotes in a row is a stray one: relax_quotes read it somehow, but not surely as meant.
    on_record: ({ record, raw }: { record: string[]; raw: string }): FileRow => ((raw.split('"').length - 1) % 2
      ? { rowNo: ++rowNo, cells: [], unreadable: 'This row could not be read (a stray quote: its quotes do not pair up)' }
      : { rowNo: ++rowNo, cells: record }),
    on_skip: (error: CsvError | undefined) => {
      skipped.push({ rowNo: ++rowNo, cells: [], unreadable: `This row could not be read (${quoteReason(error)})` });
    },
  } as never);
  const skipped: FileRow[] = [];
  async function* all(): AsyncGenerator<string> {
    yield head;
    for await (const t of text) yield t;
  }
  const source = Readable.from(all());
  source.on('error', (e) => parser.destroy(e));
  source.pipe(parser);
  let header = true;
  try {
    for await (const row of parser as AsyncIterable<FileRow>) {
      // a skipped row numbered before this one comes first
      while (skipped.length && skipped[0].rowNo < row.rowNo) yield skipped.shift()!;
      if (header) {
        header = false;
        if (row.unreadable) throw new ImportFileError('The header row could not be read: its quotes do not pair up');
        yield { rowNo: row.rowNo, cells: checkHeader(row.cells) };
        continue;
      }
      if (row.cells.length > MAX_IMPORT_COLUMNS) {
        throw new ImportFileError(`Row ${row.rowNo} has ${row.cells.length.toLocaleString('en-GB')} cells: at most ${MAX_IMPORT_COLUMNS} columns are allowed`);
      }
      if (!row.unreadable && row.cells.every((c) => c.trim() === '')) continue;
      yield row;
    }
  } catch (e) {
    if (e instanceof ImportFileError || !(e as CsvError).code?.startsWith('CSV_')) throw e;
    throw new ImportFileError(`Row ${rowNo + 1} could not be read: ${quoteReason(e as CsvError)}`);
  }
  if (header) throw new ImportFileError('The file has no header row: its first row must name the columns');
  yield* skipped;
}

function quoteReason(error: CsvError | undefined): string {
  switch (error?.code) {
    case 'CSV_QUOTE_NOT_CLOSED': return 'a quote is opened and never closed';
    case 'CSV_INVALID_CLOSING_QUOTE': return 'a stray quote after a quoted cell';
    case 'CSV_MAX_RECORD_SIZE': return 'the row is too long';
    default: return 'its quotes do not pair up';
  }
}

/** What an uploaded file is read as: a CSV (or tab-separated) text file, or an Excel workbook. */
export type ImportFormat = 'csv' | 'xlsx';

const OTHER_SPREADSHEETS: Record<string, string> = {
  xls: 'an old Excel 97–2003 workbook (.xls)', xlsm: 'a macro-enabled Excel workbook (.xlsm)', xlsb: 'a binary Excel workbook (.xlsb)',
  ods: 'an OpenDocument spreadsheet (.ods)', numbers: 'a Numbers spreadsheet (.numbers)',
};

/**
 * Checks an upload's file name and MIME type, and gives the name the run records (at most 255
 * characters, its extension kept): a CSV (.csv, .txt, .tsv, or a CSV or text MIME type) or an Excel
 * workbook (.xlsx, or the workbook MIME type: then ".xlsx" is added to a name that does not say so).
 * Other spreadsheets (an old .xls, OpenDocument's .ods…) are refused with what to do instead.
 */
export function importFileName(filename: string | undefined, mimeType: string): string {
  let name = filename || 'upload.csv';
  const extension = /\.([^.]+)$/.exec(name)?.[1]?.toLowerCase() ?? '';
  if (OTHER_SPREADSHEETS[extension]) {
    throw new ImportFileError(`The file is ${OTHER_SPREADSHEETS[extension]}: save it as "Excel Workbook (.xlsx)" or "CSV UTF-8" and upload that`);
  }
  if (!['csv', 'txt', 'tsv', 'xlsx'].includes(extension)) {
    if (mimeType === XLSX_MIME) name += '.xlsx';
    else if (!/csv|text\/plain/.test(mimeType)) throw new ImportFileError('Upload a CSV file (saved from Excel as "CSV UTF-8") or an Excel workbook (.xlsx)');
  }
  if (name.length <= 255) return name;
  const ext = /\.xlsx$/i.exec(name)?.[0] ?? '';
  return name.slice(0, 255 - ext.length) + ext;
}

/** The format of a file by the name importFileName gave it: an Excel workbook if it ends in .xlsx, else CSV. */
export function importFormat(fileName: string): ImportFormat {
  return /\.xlsx$/i.test(fileName) ? 'xlsx' : 'csv';
}

/** The rows of an uploaded file in its format: csvRows or xlsxRows (the same FileRow objects, the header first). */
export function fileRows(format: ImportFormat, bytes: AsyncIterable<Buffer>): AsyncGenerator<FileRow> {
  return format === 'xlsx' ? xlsxRows(bytes) : csvRows(bytes);
}
