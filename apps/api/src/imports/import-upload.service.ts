import { once } from 'node:events';
import { createReadStream, createWriteStream } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { Readable } from 'node:stream';
import { finished, pipeline } from 'node:stream/promises';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import busboy from 'busboy';
import type { Request } from 'express';
import type pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import type { DataSource } from 'typeorm';
import type { AuthUser } from '../auth/auth-user.js';
import { asIdentity, identityOf } from '../database/request-transaction.js';
import { fileRows, type FileRow, ImportFileError, importFileName, importFormat, MAX_IMPORT_BYTES } from './import-file.js';
import { mayImport } from './import-access.js';
import { participationActionRefusal } from './import-participation.js';
import { withXlsxTempFiles } from './import-xlsx.js';

export const IMPORT_KINDS = ['STAFF', 'MEMBERSHIP', 'PARTICIPATION'] as const;
export type UploadKind = (typeof IMPORT_KINDS)[number];

/** About how much of COPY's text is sent at once. */
const COPY_BLOCK_CHARS = 64 * 1024;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** What the form says the file is: its kind and its employer (staff), union (memberships) or campaign action (participation). */
export interface UploadTarget {
  kind: UploadKind;
  employerId: string | null;
  unionId: string | null;
  actionId: string | null;
}

/** A cell of a PostgreSQL array literal: quoted, backslashes and quotes escaped. */
const arrayItem = (s: string) => `"${s.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;
/** A CSV field for COPY … (FORMAT csv): always quoted, quotes doubled. */
const csvField = (s: string) => `"${s.replace(/"/g, '""')}"`;

/** One staged row as a line of COPY's CSV: row number, the cells as a text[] literal, the problem if unreadable. */
export function copyLine(row: FileRow): string {
  const cells = `{${row.cells.map(arrayItem).join(',')}}`;
  const problems = row.unreadable ? csvField(JSON.stringify([{ field: 'row', reason: row.unreadable }])) : '';
  return `${row.rowNo},${csvField(cells)},${problems}\n`;
}

/**
 * `POST /imports`: a multipart upload (form fields `kind`, then `employerId` or `unionId`, then the
 * file in `file`), streamed: busboy → the file's rows (import-file.ts) → COPY's lines in a temporary
 * file → (once the upload is whole) COPY into a temporary table → import_row, in one transaction of
 * its own as the caller (so under row-level security) that also creates the run. A file refused for
 * any reason (too large, not UTF-8, no header, too many columns, not allowed) leaves no run and no
 * rows. The file is never held whole in memory, and no connection is held while it streams in.
 */
@Injectable()
export class ImportUploadService {
  constructor(@InjectDataSource() private readonly ds: DataSource) {}

  upload(req: Request, user: AuthUser): Promise<{ id: string; fileName: string; rows: number; target: UploadTarget }> {
    const employers = mayImport(user);
    let bb: busboy.Busboy;
    try {
      bb = busboy({ headers: req.headers, defParamCharset: 'utf8', limits: { fileSize: MAX_IMPORT_BYTES, files: 1, fields: 10, fieldSize: 1000 } });
    } catch {
      throw new ImportFileError('Send the file as multipart/form-data, in the form field "file"');
    }
    return new Promise((resolve, reject) => {
      const fields: Record<string, string> = {};
      let work: Promise<unknown> | undefined;
      let failed = false;
      const fail = (e: unknown) => {
        if (failed) return;
        failed = true;
        // the rest of the body is read and dropped, so the answer reaches the client
        req.unpipe(bb);
        req.resume();
        reject(e);
      };
      bb.on('field', (name, value) => {
        fields[name] = value;
      });
      bb.on('file', (name, stream, info) => {
        if (name !== 'file' || work) {
          stream.resume();
          return;
        }
        stream.on('limit', () => stream.destroy(new ImportFileError(`The file is larger than ${MAX_IMPORT_BYTES / 1024 / 1024} MB: split it and upload the parts`, 413)));
        work = (async () => {
          const target = this.target(fields, employers);
          const fileName = importFileName(info.filename, info.mimeType);
          const stored = await this.store(stream, fileName, target, user);
          return { ...stored, fileName, target };
        })().then(
          (r) => { if (!failed) resolve(r); },
          (e: unknown) => { stream.resume(); fail(e); },
        );
      });
      bb.on('close', () => {
        if (!work) fail(new ImportFileError('No file: send it in the form field "file"'));
      });
      bb.on('error', () => fail(new ImportFileError('The upload could not be read (a broken multipart body)')));
      req.on('error', fail);
      req.pipe(bb);
    });
  }

  /** The form's fields, checked: the kind, and an employer the caller may import into (staff), a union (memberships) or an action (participation). */
  private target(fields: Record<string, string>, employers: string[]): UploadTarget {
    const kind = (fields.kind ?? '').toUpperCase() as UploadKind;
    if (!IMPORT_KINDS.includes(kind)) {
      throw new ImportFileError(fields.kind === undefined
        ? 'Say what the file is: the form field "kind" (STAFF, MEMBERSHIP or PARTICIPATION) must come before the file'
        : `kind: must be one of ${IMPORT_KINDS.join(', ')}`);
    }
    const employerId = fields.employerId || null;
    const unionId = fields.unionId || null;
    if (employerId !== null && (!UUID.test(employerId) || !employers.includes(employerId))) {
      throw new ImportFileError('employerId: not an employer of a branch you are secretary or admin of');
    }
    if (kind === 'STAFF' && !employerId) throw new ImportFileError('employerId: a staff list needs its employer (a form field before the file)');
    if (kind === 'MEMBERSHIP' && (!unionId || !UUID.test(unionId))) throw new ImportFileError('unionId: a membership list needs its union (a form field before the file)');
    const actionId = kind === 'PARTICIPATION' ? fields.actionId || null : null;
    if (kind === 'PARTICIPATION' && (employerId || unionId)) throw new ImportFileError('actionId: a participation list names its campaign action, not an employer or union');
    if (kind === 'PARTICIPATION' && !actionId) throw new ImportFileError('actionId: a participation list needs its campaign action (a form field before the file)');
    return { kind, employerId, unionId, actionId };
  }

  /**
   * After a brief check of what the form names, the file is read whole before the database is asked
   * for a connection again: its rows, as COPY's CSV lines, go to a temporary file (so a slow upload
   * from a phone holds no connection, and a file refused for its content never reaches the database);
   * then, in one short transaction as the caller,
   * the run is created and the lines COPYed in.
   */
  private async store(file: Readable, fileName: string, target: UploadTarget, user: AuthUser): Promise<{ id: string; rows: number }> {
    // What the form names is checked first: a wrong union or action is said before a large file is read. (A staff list's employer was
    // checked against the caller's grants already: no connection is taken for it.)
    if (target.unionId || target.kind === 'PARTICIPATION') await asIdentity(this.ds, identityOf(user), async (m) => {
      if (target.unionId) {
        const [u] = await m.query('SELECT 1 FROM trade_union WHERE id = $1 AND organisation_id = $2', [target.unionId, user.organisationId]);
        if (!u) throw new ImportFileError('unionId: not a union of your organisation');
      }
      const refused = target.kind === 'PARTICIPATION' ? await participationActionRefusal(m, target.actionId, user) : null;
      if (refused) throw new ImportFileError(`actionId: ${refused}`);
    });
    const dir = await mkdtemp(path.join(os.tmpdir(), 'rollcall-import-'));
    try {
      const staged = path.join(dir, 'rows.csv');
      // (a workbook's temporary worksheet copies are removed after it, even when the workbook was damaged)
      const { header, rows: n } = await withXlsxTempFiles(() => this.stage(fileRows(importFormat(fileName), file as AsyncIterable<Buffer>), staged));
      return await asIdentity(this.ds, identityOf(user), async (m) => {
        const [{ id }] = await m.query(
          `INSERT INTO import_run (organisation_id, kind, employer_id, employer_ids, union_id, file_name, headers, created_by_id, campaign_action_id, rows_total)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) RETURNING id`,
          // whose it is: a staff list's employer; a membership list's, every employer its uploader may import into
          [user.organisationId, target.kind, target.employerId, target.employerId ? [target.employerId] : mayImport(user), target.unionId, fileName,
            header, user.id, target.actionId, n],
        ) as { id: string }[];
        // COPY cannot write a table under row-level security: into a temporary table, then one INSERT … SELECT.
        await m.query('CREATE TEMPORARY TABLE import_copy (row_no integer NOT NULL, cells text[] NOT NULL, problems jsonb) ON COMMIT DROP');
        const client = (await m.queryRunner!.connect()) as pg.PoolClient;
        await pipeline(createReadStream(staged), client.query(copyFrom('COPY import_copy (row_no, cells, problems) FROM STDIN (FORMAT csv)')));
        await m.query(
          `INSERT INTO import_row (import_id, organisation_id, row_no, cells, problems, outcome, reason)
           SELECT $1, $2, row_no, cells, problems, CASE WHEN problems IS NOT NULL THEN 'REFUSED' END, problems->0->>'reason' FROM import_copy`,
          [id, user.organisationId],
        );
        return { id, rows: n };
      });
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  }

  /** The file's rows as COPY's CSV lines in `staged` (written in blocks of about 64 KB); its header and how many rows. */
  private async stage(rows: AsyncGenerator<FileRow>, staged: string): Promise<{ header: string[]; rows: number }> {
    const first = await rows.next();
    if (first.done) throw new ImportFileError('The file has no header row: its first row must name the columns');
    const out = createWriteStream(staged);
    const written = finished(out);
    written.catch(() => undefined);
    let n = 0;
    try {
      let block = '';
      for await (const row of rows) {
        n++;
        block += copyLine(row);
        if (block.length < COPY_BLOCK_CHARS) continue;
        const more = out.write(block);
        block = '';
        if (!more) await Promise.race([once(out, 'drain'), written]);
      }
      out.end(block);
      await written;
    } finally {
      out.destroy();
    }
    if (!n) throw new ImportFileError('The file has a header but no rows');
    return { header: first.value.cells, rows: n };
  }
}
