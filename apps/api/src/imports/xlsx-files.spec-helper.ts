/**
 * Files for the workbook tests, built in memory: shared by the reader's unit tests and the API tests
 * (test/fixtures/xlsx.ts), and left out of the build (*.spec-helper.ts).
 */
import { crc32 } from 'node:zlib';
import ExcelJS from 'exceljs';

/** One worksheet of a workbook built for a test: its rows (row 1 first; a missing row is left out), how it is shown. */
export interface SheetSpec {
  name?: string;
  rows: ExcelJS.CellValue[][] | Map<number, ExcelJS.CellValue[]>;
  state?: 'visible' | 'hidden';
  /** Number formats by column number (1-based), e.g. { 3: 'dd/mm/yyyy' }. */
  formats?: Record<number, string>;
}

/** An .xlsx file built in memory with exceljs's writer (as Excel writes one: the worksheets before the shared strings). */
export async function xlsxFile(sheets: SheetSpec[]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  sheets.forEach((spec, i) => {
    const ws = wb.addWorksheet(spec.name ?? `Sheet${i + 1}`, { state: spec.state ?? 'visible' });
    const rows = spec.rows instanceof Map ? [...spec.rows] : spec.rows.map((r, j) => [j + 1, r] as const);
    for (const [n, cells] of rows) {
      const row = ws.getRow(n);
      cells.forEach((v, c) => {
        if (v === undefined) return; // a missing cell
        const cell = row.getCell(c + 1);
        cell.value = v;
        const fmt = spec.formats?.[c + 1] ?? (v instanceof Date ? 'dd/mm/yyyy' : undefined);
        if (fmt) cell.numFmt = fmt;
      });
      row.commit();
    }
  });
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** A zip of stored (uncompressed) entries, written by hand: a zip that is not a workbook, or a workbook's entries of any size. */
export function storedZip(files: Record<string, string | Buffer>): Buffer {
  const parts: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  for (const [name, content] of Object.entries(files)) {
    const data = Buffer.isBuffer(content) ? content : Buffer.from(content);
    const crc = crc32(data);
    const head = Buffer.alloc(30);
    head.writeUInt32LE(0x04034b50, 0);
    head.writeUInt16LE(20, 4);
    head.writeUInt32LE(crc, 14);
    head.writeUInt32LE(data.length, 18);
    head.writeUInt32LE(data.length, 22);
    head.writeUInt16LE(Buffer.byteLength(name), 26);
    const dir = Buffer.alloc(46);
    dir.writeUInt32LE(0x02014b50, 0);
    dir.writeUInt16LE(20, 4);
    dir.writeUInt16LE(20, 6);
    dir.writeUInt32LE(crc, 16);
    dir.writeUInt32LE(data.length, 20);
    dir.writeUInt32LE(data.length, 24);
    dir.writeUInt16LE(Buffer.byteLength(name), 28);
    dir.writeUInt32LE(offset, 42);
    const entry = Buffer.concat([head, Buffer.from(name), data]);
    parts.push(entry);
    central.push(Buffer.concat([dir, Buffer.from(name)]));
    offset += entry.length;
  }
  const dir = Buffer.concat(central);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(central.length, 8);
  end.writeUInt16LE(central.length, 10);
  end.writeUInt32LE(dir.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...parts, dir, end]);
}
