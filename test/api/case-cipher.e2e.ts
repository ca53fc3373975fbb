import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import pg from 'pg';
import { DataSource } from 'typeorm';
import { CaseCipher, CaseCipherError } from '../../apps/api/src/casework/crypto/case-cipher.js';
import { ENCRYPTED_COLUMNS } from '../../apps/api/src/casework/crypto/encrypted-columns.js';
import { countByKey, reencryptColumn, rotateAll, type Query } from '../../apps/api/src/casework/crypto/rotate.js';
import { withDatabase } from '../fixtures/db-url.js';

/**
 * Key rotation on a real PostgreSQL: rows sealed under an old key end under the new one, still
 * decrypt, and never hold their plaintext in the raw row.
 */
const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const OLD = `k2025:${randomBytes(32).toString('base64')}`;
const NEW = `k2026:${randomBytes(32).toString('base64')}`;
const before = new CaseCipher(OLD);
const after = new CaseCipher(`${NEW},${OLD}`);

let name: string;
let url: string;
let db: pg.Client;
const query: Query = async (sql, params) => (await db.query(sql, params)).rows;

const noteText = (i: number) => `Note ${i}: the member says the manager shouted at her on Ward ${i % 9}`;

beforeAll(async () => {
  const adminUrl = process.env.ROLLCALL_TEST_ADMIN_URL!;
  name = `rollcall_cipher_${process.pid}_${Date.now().toString(36)}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  url = withDatabase(adminUrl, name);
  db = new pg.Client({ connectionString: url });
  await db.connect();
});

afterAll(async () => {
  await db?.end();
  const admin = new pg.Client({ connectionString: process.env.ROLLCALL_TEST_ADMIN_URL! });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  await admin.end();
});

describe('reencryptColumn', () => {
  beforeEach(async () => {
    await db.query('DROP TABLE IF EXISTS note_probe, document_probe');
    await db.query('CREATE TABLE note_probe (id uuid PRIMARY KEY DEFAULT gen_random_uuid(), body bytea, plain text)');
    await db.query('CREATE TABLE document_probe (id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY, bytes bytea)');
  });

  /** Inserts n notes sealed under `cipher` (every seventh left NULL); returns their texts by id. */
  const insertNotes = async (cipher: CaseCipher, n: number, from = 0) => {
    const texts = Array.from({ length: n }, (_, i) => noteText(from + i));
    const rows = await query(
      'INSERT INTO note_probe (body, plain) SELECT b, p FROM unnest($1::bytea[], $2::text[]) AS v(b, p) RETURNING id, plain',
      [texts.map((t, i) => ((from + i) % 7 === 0 ? null : cipher.encrypt(t))), texts],
    );
    return rows;
  };

  it('moves every row onto the current key in batches; each still decrypts and the raw rows hold no plaintext', async () => {
    await insertNotes(before, 1200);
    const fresh = await insertNotes(after, 30, 1200); // written by the app after the key changed: left as they are
    const freshBytes = new Map((await query('SELECT id, body FROM note_probe WHERE id = ANY($1::uuid[])', [fresh.map((r) => r.id)])).map((r) => [r.id, r.body]));
    const statements: string[] = [];
    const counting: Query = (sql, params) => { statements.push(sql); return query(sql, params); };

    const stale = (await query('SELECT count(*)::int AS n FROM note_probe WHERE body IS NOT NULL AND NOT (id = ANY($1::uuid[]))', [fresh.map((r) => r.id)]))[0].n;
    expect(await countByKey(query, 'note_probe', 'body')).toEqual({ k2025: stale, k2026: 26 });
    expect(await reencryptColumn(counting, after, 'note_probe', 'id', 'body', 500)).toBe(stale);
    // 1,028 stale rows in batches of 500: three pages (500, 500, 28), each read and written by its own statements.
    expect(statements.filter((s) => s.includes('UPDATE'))).toHaveLength(3);
    expect(await countByKey(query, 'note_probe', 'body')).toEqual({ k2026: stale + 26 });

    const rows = await query('SELECT id, body, plain FROM note_probe');
    const only = new CaseCipher(NEW); // the old key can go now
    for (const row of rows) {
      if (row.body === null) {
        expect(Number(row.plain.match(/^Note (\d+)/)![1]) % 7).toBe(0);
        continue;
      }
      expect(only.keyIdOf(row.body)).toBe('k2026');
      expect(only.decryptText(row.body)).toBe(row.plain);
      expect(row.body.includes(Buffer.from(row.plain))).toBe(false);
      expect(row.body.includes(Buffer.from('manager shouted'))).toBe(false);
      if (freshBytes.has(row.id)) expect(row.body.equals(freshBytes.get(row.id))).toBe(true);
    }
    // The raw row as PostgreSQL shows it, text and all: no plaintext either.
    const [{ raw }] = await query("SELECT string_agg(encode(body, 'escape'), '') AS raw FROM note_probe");
    expect(raw).not.toContain('shouted');
    // Nothing is left to do.
    expect(await reencryptColumn(query, after, 'note_probe', 'id', 'body')).toBe(0);
  });

  it('works through a TypeORM DataSource, on bigint keys, with documents bounded in bytes per statement', async () => {
    const docs = Array.from({ length: 12 }, (_, i) => Buffer.concat([Buffer.from(`%PDF-1.7 statement ${i} `), randomBytes(64 * 1024)]));
    await query('INSERT INTO document_probe (bytes) SELECT unnest($1::bytea[])', [docs.map((d) => before.encrypt(d))]);
    const ds = new DataSource({ type: 'postgres', url });
    await ds.initialize();
    const updates: number[] = [];
    try {
      const viaTypeorm: Query = (sql, params) => {
        if (sql.includes('UPDATE')) updates.push((params![0] as unknown[]).length);
        return ds.query(sql, params);
      };
      // Pages of 10 rows, at most 200 kB (three documents) per statement.
      expect(await reencryptColumn(viaTypeorm, after, 'document_probe', 'id', 'bytes', 10, 200 * 1024)).toBe(12);
    } finally {
      await ds.destroy();
    }
    expect(updates).toEqual([3, 3, 3, 1, 2]);
    const rows = await query('SELECT id, bytes FROM document_probe ORDER BY id');
    expect(rows.map((r) => after.keyIdOf(r.bytes))).toEqual(Array(12).fill('k2026'));
    rows.forEach((r, i) => expect(new CaseCipher(NEW).decrypt(r.bytes).equals(docs[i])).toBe(true));
  });

  it('leaves alone a row the app rewrites between the read and the write', async () => {
    const [target] = await insertNotes(before, 3, 1);
    const edited = after.encrypt('edited while rotating');
    let raced = false;
    const racing: Query = async (sql, params) => {
      if (sql.includes('UPDATE') && !raced) {
        raced = true;
        await query('UPDATE note_probe SET body = $1 WHERE id = $2', [edited, target.id]);
      }
      return query(sql, params);
    };
    expect(await reencryptColumn(racing, after, 'note_probe', 'id', 'body')).toBe(2);
    const [{ body }] = await query('SELECT body FROM note_probe WHERE id = $1', [target.id]);
    expect(after.decryptText(body)).toBe('edited while rotating');
  });

  it('stops, naming the row, at a ciphertext under a key it does not hold; a re-run with that key carries on', async () => {
    await insertNotes(before, 3, 1);
    const STRANGER = `k2024:${randomBytes(32).toString('base64')}`;
    const [{ id }] = await query('INSERT INTO note_probe (body, plain) VALUES ($1, $2) RETURNING id', [new CaseCipher(STRANGER).encrypt('from another key'), 'x']);
    const failed = reencryptColumn(query, after, 'note_probe', 'id', 'body');
    await expect(failed).rejects.toThrow(CaseCipherError);
    await expect(failed).rejects.toThrow(`note_probe.body row ${id}: Case ciphertext is under key k2024, which CASE_ENCRYPTION_KEYS does not hold`);
    expect((await rotateAll(query, after, [{ table: 'note_probe', id: 'id', column: 'body' }], { check: true })).unknown).toEqual(['k2024']);
    const holding = new CaseCipher(`${NEW},${OLD},${STRANGER}`);
    expect(await reencryptColumn(query, holding, 'note_probe', 'id', 'body')).toBe(4);
    expect(await countByKey(query, 'note_probe', 'body')).toEqual({ k2026: 4 });
  });

  it('refuses names that are not plain SQL identifiers, missing columns and non-bytea columns, before touching anything', async () => {
    await insertNotes(before, 2, 1);
    await expect(reencryptColumn(query, after, 'note_probe; DROP TABLE note_probe', 'id', 'body')).rejects.toThrow('table must be a plain lower-case SQL name');
    await expect(reencryptColumn(query, after, 'note_probe', 'id"', 'body')).rejects.toThrow('id column must be a plain lower-case SQL name');
    await expect(reencryptColumn(query, after, 'note_probe', 'id', 'Body')).rejects.toThrow('column must be a plain lower-case SQL name');
    await expect(reencryptColumn(query, after, 'no_such_table', 'id', 'body')).rejects.toThrow('no_such_table.id does not exist');
    await expect(reencryptColumn(query, after, 'note_probe', 'id', 'plain')).rejects.toThrow('note_probe.plain must be a bytea column (it is text)');
    await expect(reencryptColumn(query, after, 'note_probe', 'id', 'body', 0)).rejects.toThrow('batch must be a whole number');
    expect(await countByKey(query, 'note_probe', 'body')).toEqual({ k2025: 2 });
  });
});

describe('rotateAll', () => {
  it('rewrites every listed column and names the old keys nothing uses any more', async () => {
    await db.query('DROP TABLE IF EXISTS note_probe, document_probe');
    await db.query('CREATE TABLE note_probe (id uuid PRIMARY KEY DEFAULT gen_random_uuid(), body bytea)');
    await db.query('CREATE TABLE document_probe (id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY, bytes bytea)');
    await query('INSERT INTO note_probe (body) VALUES ($1), ($2)', [before.encrypt('a'), after.encrypt('b')]);
    await query('INSERT INTO document_probe (bytes) VALUES ($1)', [before.encrypt(randomBytes(100))]);
    const columns = [{ table: 'note_probe', id: 'id', column: 'body' }, { table: 'document_probe', id: 'id', column: 'bytes' }];

    const checked = await rotateAll(query, after, columns, { check: true });
    expect(checked).toEqual({
      rewritten: {},
      byKey: { 'note_probe.body': { k2025: 1, k2026: 1 }, 'document_probe.bytes': { k2025: 1 } },
      removable: [],
      stillUsed: ['k2025'],
      unknown: [],
    });
    const done = await rotateAll(query, after, columns);
    expect(done).toEqual({
      rewritten: { 'note_probe.body': 1, 'document_probe.bytes': 1 },
      byKey: { 'note_probe.body': { k2026: 2 }, 'document_probe.bytes': { k2026: 1 } },
      removable: ['k2025'],
      stillUsed: [],
      unknown: [],
    });
  });
});

describe('npm run keys:rotate (the built script)', () => {
  const run = promisify(execFile);
  const script = path.join(ROOT, 'apps/api/dist/casework/crypto/rotate-keys.js');
  const env = () => ({ ...process.env, NODE_ENV: 'test', DATABASE_URL: url, JWT_SECRET: 'x'.repeat(32), CASE_ENCRYPTION_KEYS: `${NEW},${OLD}` });

  it('starts, reads the keys, counts every listed column per key and rotates them', async () => {
    // Every column the script lists, as a bare table of this database, with one value under the old key.
    for (const { table, id, column } of ENCRYPTED_COLUMNS) {
      await db.query(`DROP TABLE IF EXISTS ${table}`);
      await db.query(`CREATE TABLE ${table} (${id} uuid PRIMARY KEY DEFAULT gen_random_uuid(), ${column} bytea)`);
      await db.query(`INSERT INTO ${table} (${column}) VALUES ($1)`, [before.encrypt(`a ${table} text`)]);
    }
    const checked = await run(process.execPath, [script, '--check'], { env: env(), cwd: ROOT });
    expect(checked.stdout).toContain('Current key: k2026; older keys held: k2025.');
    expect(checked.stdout).toContain('Still in use: k2025');
    expect(checked.stdout).not.toContain(NEW.split(':')[1]);
    const rotated = await run(process.execPath, [script], { env: env(), cwd: ROOT });
    expect(rotated.stdout).toContain('Nothing uses k2025 any more');
    for (const { table, column } of ENCRYPTED_COLUMNS) {
      const [row] = (await db.query(`SELECT ${column} AS v FROM ${table}`)).rows;
      expect(after.keyIdOf(row.v)).toBe('k2026');
      expect(after.decryptText(row.v)).toBe(`a ${table} text`);
    }
  });

  it('refuses bad arguments and bad keys with a clear message and no key in it', async () => {
    await expect(run(process.execPath, [script, '--batch', 'lots'], { env: env(), cwd: ROOT })).rejects.toMatchObject({ code: 2, stderr: expect.stringContaining('--batch must be a whole number') });
    const short = `k1:${randomBytes(16).toString('base64')}`;
    const refused = run(process.execPath, [script], { env: { ...env(), CASE_ENCRYPTION_KEYS: short }, cwd: ROOT });
    await expect(refused).rejects.toMatchObject({ code: 1, stderr: expect.stringContaining('CASE_ENCRYPTION_KEYS entry 1: the key must be 32 bytes') });
    await expect(refused).rejects.toMatchObject({ stderr: expect.not.stringContaining(short.slice(3)) });
  });
});
