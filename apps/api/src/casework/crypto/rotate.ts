import { CaseCipher, CaseCipherError } from './case-cipher.js';
import type { EncryptedColumn } from './encrypted-columns.js';

/** Runs one SQL statement and returns its rows (a pg client's or TypeORM DataSource's query). */
export type Query = (sql: string, params?: unknown[]) => Promise<any[]>;

/** A plain lower-case SQL name (it is also double-quoted where used). */
const IDENTIFIER = /^[a-z_][a-z0-9_]{0,62}$/;

/**
 * Ciphertext bytes re-encrypted per statement, whatever `batch` says: 500 documents of 20 MB each
 * would otherwise be 10 GB in one round trip.
 */
export const MAX_BATCH_BYTES = 32 * 1024 * 1024;

/** How many bytes of a ciphertext identify it: its header and random IV (a rewrite changes the IV). */
const identity = (sealed: Buffer, headerLength: number) => sealed.subarray(0, headerLength + 12);

/**
 * Rewrites every row of `table` whose `column` (bytea, sealed by CaseCipher) is not under the
 * cipher's current key: decrypted with the old key (which the cipher must still hold) and sealed
 * again under the current one. Works in batches of at most `batch` rows and MAX_BATCH_BYTES, each
 * batch read and written by its own statements (no long transaction; it can run while the app
 * serves; `maxBatchBytes` bounds a batch of documents). A row changed by someone else between the read and the write is left alone (the app
 * wrote it under the current key). Returns how many rows were rewritten. Throws, naming the row, on
 * a ciphertext it cannot decrypt; rows rewritten before that stay rewritten, and a re-run carries on.
 */
export async function reencryptColumn(
  query: Query, cipher: CaseCipher, table: string, idColumn: string, column: string, batch = 500, maxBatchBytes = MAX_BATCH_BYTES,
): Promise<number> {
  for (const [what, name] of [['table', table], ['id column', idColumn], ['column', column]]) {
    if (!IDENTIFIER.test(name)) throw new Error(`reencryptColumn: ${what} must be a plain lower-case SQL name`);
  }
  if (!Number.isInteger(batch) || batch < 1) throw new Error('reencryptColumn: batch must be a whole number of rows, 1 or more');
  const types = await columnTypes(query, table, [idColumn, column]);
  if (types[column] !== 'bytea') throw new Error(`reencryptColumn: ${table}.${column} must be a bytea column (it is ${types[column]})`);
  const idType = types[idColumn];
  const [t, id, col] = [`"${table}"`, `"${idColumn}"`, `"${column}"`];
  const current = CaseCipher.header(cipher.currentKeyId);
  // Not under the current key: the header (version, id length, id) differs.
  const stale = `${col} IS NOT NULL AND substring(${col} from 1 for ${current.length}) IS DISTINCT FROM $1::bytea`;

  let rewritten = 0;
  let after: unknown;
  for (;;) {
    const page = await query(
      `SELECT ${id} AS id, octet_length(${col}) AS size FROM ${t} WHERE ${stale}${after === undefined ? '' : ` AND ${id} > $3::${idType}`} ORDER BY ${id} LIMIT $2`,
      after === undefined ? [current, batch] : [current, batch, after],
    );
    if (!page.length) return rewritten;
    after = page[page.length - 1].id;
    for (const ids of chunksBySize(page, maxBatchBytes)) {
      const rows = await query(`SELECT ${id} AS id, ${col} AS sealed FROM ${t} WHERE ${id} = ANY($2::${idType}[]) AND ${stale}`, [current, ids]);
      if (!rows.length) continue;
      const sealed: Buffer[] = [];
      const was: Buffer[] = [];
      for (const row of rows) {
        let plain: Buffer;
        try {
          plain = cipher.decrypt(row.sealed);
        } catch (e) {
          throw new CaseCipherError(`${table}.${column} row ${row.id}: ${(e as Error).message}`);
        }
        sealed.push(cipher.encrypt(plain));
        was.push(identity(row.sealed, 2 + row.sealed[1]));
      }
      const [{ n }] = await query(
        `WITH rewritten AS (
           UPDATE ${t} AS t SET ${col} = v.sealed
           FROM unnest($1::${idType}[], $2::bytea[], $3::bytea[]) AS v(id, was, sealed)
           WHERE t.${id} = v.id AND substring(t.${col} from 1 for octet_length(v.was)) = v.was
           RETURNING 1)
         SELECT count(*)::int AS n FROM rewritten`,
        [rows.map((r) => r.id), was, sealed],
      );
      rewritten += n;
    }
  }
}

/** Rotates every listed column; returns rows rewritten per `table.column`. */
export async function reencryptColumns(query: Query, cipher: CaseCipher, columns: readonly EncryptedColumn[], batch = 500): Promise<Record<string, number>> {
  const out: Record<string, number> = {};
  for (const c of columns) out[`${c.table}.${c.column}`] = await reencryptColumn(query, cipher, c.table, c.id, c.column, batch);
  return out;
}

export interface RotationReport {
  /** Rows rewritten per `table.column` (none with `check`). */
  rewritten: Record<string, number>;
  /** Ciphertexts per key id, per `table.column`, after the rewrite. */
  byKey: Record<string, Record<string, number>>;
  /** Old keys (not the current one) that no ciphertext uses: safe to remove from CASE_ENCRYPTION_KEYS. */
  removable: string[];
  /** Old keys still in use (only with `check`, or after a failed run). */
  stillUsed: string[];
  /** Key ids found in the data that the cipher does not hold. */
  unknown: string[];
}

/**
 * The whole rotation (`npm run keys:rotate`): every column re-encrypted under the current key
 * (unless `check`), then counted per key id, so the operator knows which old keys can go.
 */
export async function rotateAll(query: Query, cipher: CaseCipher, columns: readonly EncryptedColumn[], options: { check?: boolean; batch?: number } = {}): Promise<RotationReport> {
  const rewritten = options.check ? {} : await reencryptColumns(query, cipher, columns, options.batch);
  const byKey: Record<string, Record<string, number>> = {};
  const used = new Set<string>();
  for (const c of columns) {
    byKey[`${c.table}.${c.column}`] = await countByKey(query, c.table, c.column);
    for (const k of Object.keys(byKey[`${c.table}.${c.column}`])) used.add(k);
  }
  const old = cipher.keyIds.slice(1);
  return {
    rewritten,
    byKey,
    removable: old.filter((k) => !used.has(k)),
    stillUsed: old.filter((k) => used.has(k)),
    unknown: [...used].filter((k) => !cipher.keyIds.includes(k)),
  };
}

/** How many ciphertexts of a column are under each key id (read from their headers; nothing decrypted). */
export async function countByKey(query: Query, table: string, column: string): Promise<Record<string, number>> {
  for (const name of [table, column]) if (!IDENTIFIER.test(name)) throw new Error('countByKey: table and column must be plain lower-case SQL names');
  const rows = await query(
    `SELECT encode(substring("${column}" from 3 for get_byte("${column}", 1)), 'escape') AS key_id, count(*)::int AS n
     FROM "${table}" WHERE octet_length("${column}") > 1 GROUP BY 1 ORDER BY 1`,
  );
  return Object.fromEntries(rows.map((r) => [r.key_id, r.n]));
}

async function columnTypes(query: Query, table: string, columns: string[]): Promise<Record<string, string>> {
  const rows = await query(
    `SELECT a.attname AS name, format_type(a.atttypid, a.atttypmod) AS type FROM pg_attribute a
     WHERE a.attrelid = to_regclass($1) AND a.attname = ANY($2::text[]) AND a.attnum > 0 AND NOT a.attisdropped`,
    [`"${table}"`, columns],
  );
  const types = Object.fromEntries(rows.map((r) => [r.name, r.type]));
  for (const c of columns) if (!types[c]) throw new Error(`reencryptColumn: ${table}.${c} does not exist`);
  return types;
}

/** Splits a page of { id, size } into runs of at most maxBytes (a bigger row goes alone). */
function chunksBySize(page: { id: unknown; size: number | string }[], maxBytes: number): unknown[][] {
  const chunks: unknown[][] = [];
  let chunk: unknown[] = [];
  let bytes = 0;
  for (const { id, size } of page) {
    const n = Number(size);
    if (chunk.length && bytes + n > maxBytes) {
      chunks.push(chunk);
      chunk = [];
      bytes = 0;
    }
    chunk.push(id);
    bytes += n;
  }
  if (chunk.length) chunks.push(chunk);
  return chunks;
}
