import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { jest } from '@jest/globals';
import pg from 'pg';
import request from 'supertest';
import { CaseDoor } from '../../apps/api/src/access/case-door.js';
import { PeopleDoor } from '../../apps/api/src/access/people-door.js';
import { CaseCipher } from '../../apps/api/src/casework/crypto/case-cipher.js';
import { ENCRYPTED_COLUMNS } from '../../apps/api/src/casework/crypto/encrypted-columns.js';
import { rotateAll, type Query } from '../../apps/api/src/casework/crypto/rotate.js';
import { identityParams, IDENTITY_SQL, RequestTransactions } from '../../apps/api/src/database/request-transaction.js';
import { withDatabase } from '../fixtures/db-url.js';
import { DEMO_PASSWORD, errorOf, type GqlResult, LOGINS, startTestApp, TEST_CASE_ENCRYPTION_KEYS, type TestApp } from '../fixtures/app.js';
import { userIdOf } from '../fixtures/scope-targets.js';

/**
 * Case documents (issue 11): uploaded over `POST /cases/:caseId/documents` (multipart, field `file`),
 * listed as `Case.documents` (metadata), downloaded from `GET /cases/:caseId/documents/:id`, deleted
 * with `deleteCaseDocument`. The bytes come back exactly as sent, are sealed at rest (no plaintext in
 * the raw row), every upload, listing, download and delete is in the audit log, refused files are a
 * field error on `file` and store nothing, and nobody outside the case's team and its branch's
 * officers can upload, list, download or delete, through the API or (its checks switched off) the
 * database.
 */
const FIXTURES = fileURLToPath(new URL('../fixtures/documents/', import.meta.url));
const sample = (file: string) => readFileSync(FIXTURES + file);
/** A marker inside the PDF: found in the raw row only if the bytes were stored in the clear. */
const MARKER = `Statement of J Smith ${randomUUID()}`;
/** A small valid PDF with the marker in its page's text. */
function pdfWith(text: string): Buffer {
  const stream = `BT /F1 12 Tf 72 720 Td (${text}) Tj ET`;
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>',
    `<< /Length ${stream.length} >>\nstream\n${stream}\nendstream`,
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>',
  ];
  let body = '%PDF-1.4\n';
  const offsets: number[] = [];
  objects.forEach((o, i) => {
    offsets.push(body.length);
    body += `${i + 1} 0 obj\n${o}\nendobj\n`;
  });
  const xref = body.length;
  body += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('')}`;
  body += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(body, 'latin1');
}
/** A Windows program's first bytes (as document-policy.spec.ts makes them). */
const EXE = Buffer.concat([Buffer.from('MZ'), Buffer.alloc(58), Buffer.from([0x80, 0, 0, 0]), Buffer.from('This program cannot be run in DOS mode.'), Buffer.alloc(200)]);

type Who = 'caseworker' | 'rep' | 'secretary' | 'colleague' | 'secretary2' | 'bmaAdmin' | 'coalition';
let t: TestApp;
const tokens = {} as Record<Who, string>;
/** The demo caseworker's case (the demo rep on its team too), and a colleague's (another caseworker's) in the same branch. */
let own = '';
let other = '';
let otherDoc = '';

async function loginAs(email: string): Promise<string> {
  const res = await t.gql<{ login: { token: string } }>('mutation($e: String!, $p: String!) { login(email: $e, password: $p) { token } }', { e: email, p: DEMO_PASSWORD });
  if (!res.data?.login) throw new Error(`login as ${email}: ${JSON.stringify(res.errors)}`);
  return res.data.login.token;
}

/** Reads a response body as bytes, whatever its type. */
function bytes(res: request.Response, done: (err: Error | null, body: Buffer) => void): void {
  const chunks: Buffer[] = [];
  const stream = res as unknown as NodeJS.ReadableStream;
  stream.on('data', (c: Buffer) => chunks.push(c));
  stream.on('end', () => done(null, Buffer.concat(chunks)));
}

function upload(token: string | null, caseId: string, file: Buffer | null, name = 'document.pdf', field = 'file') {
  const req = request(t.app.getHttpServer()).post(`/cases/${caseId}/documents`);
  if (token) req.set('authorization', `Bearer ${token}`);
  return file ? req.attach(field, file, name) : req;
}

function download(token: string | null, caseId: string, id: string) {
  const req = request(t.app.getHttpServer()).get(`/cases/${caseId}/documents/${id}`).buffer(true).parse(bytes);
  if (token) req.set('authorization', `Bearer ${token}`);
  return req;
}

const gqlAs = (who: Who | null) => <T = Record<string, any>>(query: string, variables?: Record<string, unknown>): Promise<GqlResult<T>> =>
  t.gql<T>(query, variables, who ? tokens[who] : undefined);
const documentsOf = (who: Who | null, caseId: string) =>
  gqlAs(who)('query($id: ID!) { Case(id: $id) { id documents { id caseId filename mediaType size uploadedById uploadedByName createdAt mayDelete } } }', { id: caseId });
const rowCount = async (caseId?: string) =>
  (await t.sql('SELECT count(*)::int AS n FROM case_document WHERE $1::uuid IS NULL OR case_id = $1', [caseId ?? null]))[0].n as number;
const audit = (entityId: string) =>
  t.sql('SELECT action, user_id, entity_type, employer_id, before, after FROM audit_event WHERE entity_id = $1 ORDER BY created_at, action', [entityId]);

beforeAll(async () => {
  t = await startTestApp();
  const [{ branch }] = await t.sql('SELECT r.branch_id AS branch FROM user_branch_role r JOIN app_user u ON u.id = r.user_id WHERE u.email = $1', [LOGINS.caseworker]);
  // another caseworker of the demo branch, and an admin of the other organisation
  const [{ id: colleague }] = await t.sql(`INSERT INTO app_user (email, display_name, password_hash, organisation_id)
    SELECT 'caseworker3@unison.example', 'Another caseworker', password_hash, organisation_id FROM app_user WHERE email = $1 RETURNING id`, [LOGINS.caseworker]);
  await t.sql("INSERT INTO user_branch_role (user_id, branch_id, role) VALUES ($1, $2, 'CASEWORKER')", [colleague, branch]);
  const [{ id: bmaAdmin }] = await t.sql(`INSERT INTO app_user (email, display_name, password_hash, organisation_id)
    SELECT 'admin2@bma.example', 'BMA admin', password_hash, organisation_id FROM app_user WHERE email = $1 RETURNING id`, [LOGINS.bmaSecretary]);
  await t.sql(`INSERT INTO user_branch_role (user_id, branch_id, role)
    SELECT $1, r.branch_id, 'ADMIN' FROM user_branch_role r JOIN app_user u ON u.id = r.user_id WHERE u.email = $2`, [bmaAdmin, LOGINS.bmaSecretary]);
  for (const who of ['caseworker', 'rep', 'secretary', 'secretary2', 'coalition'] as const) tokens[who] = await t.login(who);
  tokens.colleague = await loginAs('caseworker3@unison.example');
  tokens.bmaAdmin = await loginAs('admin2@bma.example');

  // two members of the demo branch on the rep's patch without a case: the caseworker's (rep on the team) and the colleague's
  const members = (await t.sql(`SELECT c.id FROM contact c JOIN posting p ON p.contact_id = c.id AND p.end_date IS NULL JOIN ward w ON w.id = p.ward_id
    WHERE c.deleted_at IS NULL AND c.employer_id = $1 AND NOT EXISTS (SELECT 1 FROM case_file k WHERE k.contact_id = c.id)
    ORDER BY c.last_name, c.id LIMIT 2`, [t.demoEmployerId])).map((r) => r.id);
  const open = async (contactId: string, team: Record<string, string>) => {
    const res = await gqlAs('secretary')<{ createCase: { id: string } }>('mutation($d: CaseCreateInput!) { createCase(data: $d) { id } }',
      { d: { contactId, type: 'GRIEVANCE', summary: 'Documents test', ...team } });
    if (!res.data) throw new Error(JSON.stringify(res.errors));
    return res.data.createCase.id;
  };
  own = await open(members[0], { caseworkerId: await userIdOf(t, 'caseworker'), repId: await userIdOf(t, 'rep') });
  other = await open(members[1], { caseworkerId: colleague });
  const res = await upload(tokens.colleague, other, sample('sample.png'), 'colleague scan.png');
  expect(res.status).toBe(201);
  otherDoc = res.body.id;
}, 120_000);
afterAll(async () => {
  await t?.close();
});

describe('a caseworker on their own case', () => {
  const files = [
    { name: 'Statement - J Smith.pdf', bytes: pdfWith(MARKER), mediaType: 'application/pdf' },
    { name: 'scan of rota.png', bytes: sample('sample.png'), mediaType: 'image/png' },
    { name: 'Siân’s letter.docx', bytes: sample('sample.docx'), mediaType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document' },
  ];
  const uploaded: { id: string; name: string; bytes: Buffer; mediaType: string }[] = [];

  it('uploads a PDF, an image and a Word document: each answered with its metadata, type found by content', async () => {
    const [{ id: me }] = await t.sql('SELECT id FROM app_user WHERE email = $1', [LOGINS.caseworker]);
    for (const f of files) {
      const res = await upload(tokens.caseworker, own, f.bytes, f.name);
      expect([f.name, res.status]).toEqual([f.name, 201]);
      expect(res.body).toEqual({
        id: expect.any(String), caseId: own, filename: f.name, mediaType: f.mediaType, size: f.bytes.length, uploadedById: me, createdAt: expect.any(String),
      });
      uploaded.push({ id: res.body.id, ...f });
    }
  });

  it('lists them on the case, newest first, with who uploaded them', async () => {
    const res = await documentsOf('caseworker', own);
    expect(res.errors).toBeUndefined();
    const docs = res.data!.Case.documents;
    expect(docs.map((d: { filename: string }) => d.filename)).toEqual([...files].reverse().map((f) => f.name));
    expect(docs[0]).toMatchObject({ mediaType: files[2].mediaType, size: files[2].bytes.length, uploadedByName: expect.any(String), mayDelete: true });
  });

  it('downloads each one, byte for byte, as an attachment of its type that no browser sniffs or caches', async () => {
    for (const d of uploaded) {
      const res = await download(tokens.caseworker, own, d.id);
      expect([d.name, res.status]).toEqual([d.name, 200]);
      expect(Buffer.isBuffer(res.body) && res.body.equals(d.bytes)).toBe(true);
      expect(res.headers['content-type']).toBe(d.mediaType);
      expect(res.headers['content-length']).toBe(String(d.bytes.length));
      expect(res.headers['x-content-type-options']).toBe('nosniff');
      expect(res.headers['cache-control']).toBe('no-store');
      expect(res.headers['content-disposition']).toMatch(/^attachment; filename="/);
    }
    // The name in both forms: an ASCII stand-in and RFC 5987's UTF-8 one.
    const res = await download(tokens.caseworker, own, uploaded[2].id);
    expect(res.headers['content-disposition']).toBe(`attachment; filename="Si?n?s letter.docx"; filename*=UTF-8''Si%C3%A2n%E2%80%99s%20letter.docx`);
  });

  it('stores the bytes sealed: the raw row holds no plaintext, and says under which key', async () => {
    const [row] = await t.sql('SELECT content, size_bytes, sha256 FROM case_document WHERE id = $1', [uploaded[0].id]);
    expect(row.content.includes(Buffer.from(MARKER))).toBe(false);
    expect(row.content.includes(Buffer.from('%PDF'))).toBe(false);
    const [{ raw }] = await t.sql("SELECT encode(content, 'escape') AS raw FROM case_document WHERE id = $1", [uploaded[0].id]);
    expect(raw).not.toContain('Statement of J Smith');
    const cipher = new CaseCipher(TEST_CASE_ENCRYPTION_KEYS);
    expect(cipher.keyIdOf(row.content)).toBe(cipher.currentKeyId);
    expect(cipher.decrypt(row.content).equals(uploaded[0].bytes)).toBe(true);
    expect(row.size_bytes).toBe(uploaded[0].bytes.length);
    expect(row.sha256).toBe(createHash('sha256').update(uploaded[0].bytes).digest('hex'));
  });

  it('leaves in the audit log who uploaded, listed and downloaded each, of which case, without the bytes', async () => {
    const [{ id: me, employer }] = await t.sql('SELECT u.id, k.employer_id AS employer FROM app_user u, case_file k WHERE u.email = $1 AND k.id = $2', [LOGINS.caseworker, own]);
    const entries = await audit(uploaded[0].id);
    expect(entries.filter((e) => e.action === 'CREATE')).toEqual([{
      action: 'CREATE', user_id: me, entity_type: 'CaseDocument', employer_id: employer, before: null,
      after: expect.objectContaining({ caseId: own, filename: 'Statement - J Smith.pdf', mediaType: 'application/pdf', size: uploaded[0].bytes.length, uploadedById: me }),
    }]);
    const reads = entries.filter((e) => e.action === 'READ').map((e) => [e.user_id, e.employer_id, e.after.caseId, e.after.read]);
    expect(reads).toContainEqual([me, employer, own, ['document']]);
    expect(reads).toContainEqual([me, employer, own, ['download']]);
    expect(JSON.stringify(entries)).not.toContain(MARKER);
    expect(JSON.stringify(entries)).not.toContain('content');
  });

  it('deletes one: gone from the list, from the table and from download, the delete in the audit log', async () => {
    const victim = uploaded.pop()!;
    const res = await gqlAs('caseworker')('mutation($id: ID!) { deleteCaseDocument(id: $id) { id filename } }', { id: victim.id });
    expect(res.data?.deleteCaseDocument).toEqual({ id: victim.id, filename: victim.name });
    expect(await t.sql('SELECT id FROM case_document WHERE id = $1', [victim.id])).toEqual([]);
    expect((await download(tokens.caseworker, own, victim.id)).status).toBe(404);
    expect((await documentsOf('caseworker', own)).data!.Case.documents.map((d: { id: string }) => d.id)).not.toContain(victim.id);
    const [deleted] = (await audit(victim.id)).filter((e) => e.action === 'DELETE');
    expect(deleted).toMatchObject({ entity_type: 'CaseDocument', after: null, before: expect.objectContaining({ filename: victim.name, caseId: own }) });
  });
});

describe('a slow upload', () => {
  it('holds no database connection while its body trickles in, and is saved once it has all arrived', async () => {
    const db = new URL(t.databaseUrl).pathname.slice(1);
    const inTransaction = async () => Number((await t.sql(`SELECT count(*) AS n FROM pg_stat_activity
      WHERE datname = $1 AND usename = 'rollcall_app' AND state IN ('idle in transaction', 'active') AND xact_start IS NOT NULL`, [db]))[0].n);
    const begin = jest.spyOn(t.app.get(RequestTransactions, { strict: false }), 'begin');
    const boundary = `----rollcall${randomUUID()}`;
    const file = pdfWith('A statement sent from a phone on a poor signal');
    const head = Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="slow.pdf"\r\nContent-Type: application/pdf\r\n\r\n`);
    const tail = Buffer.from(`\r\n--${boundary}--\r\n`);
    const address = t.app.getHttpServer().address() as { port: number };
    const { request: httpRequest } = await import('node:http');
    const answer = new Promise<{ status: number; body: string }>((resolve, reject) => {
      const req = httpRequest({
        host: '127.0.0.1', port: address.port, method: 'POST', path: `/cases/${own}/documents`,
        headers: { authorization: `Bearer ${tokens.caseworker}`, 'content-type': `multipart/form-data; boundary=${boundary}`,
          'content-length': String(head.length + file.length + tail.length) },
      }, (res) => {
        let body = '';
        res.on('data', (c) => { body += c; });
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
      });
      req.on('error', reject);
      (globalThis as { slowUpload?: typeof req }).slowUpload = req;
      req.write(head);
      req.write(file.subarray(0, 100));
    });
    const req = (globalThis as { slowUpload?: import('node:http').ClientRequest }).slowUpload!;
    // the server has begun the request (its first bytes are in): nothing of it is in a transaction yet
    // (the spy is this request's alone: nothing else is sent meanwhile)
    for (let i = 0; i < 600 && !begin.mock.calls.length; i++) await new Promise((resolve) => setTimeout(resolve, 25));
    expect(begin.mock.calls.map(([tx]) => tx.label)).toEqual(['POST /']);
    await begin.mock.results[0].value; // the request's transaction has begun, if it does begin here
    expect(await inTransaction()).toBe(0);
    req.write(file.subarray(100));
    req.end(tail);
    const res = await answer;
    expect(res.status).toBe(201);
    expect(JSON.parse(res.body)).toMatchObject({ caseId: own, filename: 'slow.pdf', mediaType: 'application/pdf', size: file.length });
    begin.mockRestore();
  });
});

describe('refused files', () => {
  const refused = async (res: request.Response, status: number, why: RegExp) => {
    expect(res.status).toBe(status);
    expect(res.body).toMatchObject({ code: 'BAD_USER_INPUT', message: expect.stringMatching(/^Invalid input — file: /), fields: { file: expect.stringMatching(why) } });
    expect(Object.keys(res.body.fields)).toEqual(['file']);
    expect(JSON.stringify(res.body)).not.toMatch(/stack|at \/|node_modules|SELECT/);
  };

  it('a program, text pretending to be a PDF, a file over 20 MB, no file, the wrong field: a field error on file, and nothing stored', async () => {
    const before = await rowCount();
    await refused(await upload(tokens.caseworker, own, EXE, 'minutes.exe'), 400, /looks like a Windows program/);
    await refused(await upload(tokens.caseworker, own, EXE, 'minutes.pdf'), 400, /not a PDF as its name says/);
    await refused(await upload(tokens.caseworker, own, Buffer.from('Dear Sir, I write to complain about the rota.'), 'letter.pdf'), 400, /not a document type Rollcall recognises.*not a PDF as its name says/);
    await refused(await upload(tokens.caseworker, own, sample('sample.png'), 'scan.pdf'), 400, /is a PNG image, but its name ends in \.pdf/);
    const big = Buffer.concat([pdfWith('big'), Buffer.alloc(20 * 1024 * 1024)]);
    await refused(await upload(tokens.caseworker, own, big, 'big.pdf'), 413, /larger than 20 MB/);
    await refused(await upload(tokens.caseworker, own, null), 400, /is required/);
    await refused(await upload(tokens.caseworker, own, null).field('note', 'no file here'), 400, /is required/);
    await refused(await upload(tokens.caseworker, own, pdfWith('x'), 'x.pdf', 'document'), 400, /form field "file"/);
    await refused(await upload(tokens.caseworker, own, pdfWith('x'), 'x.pdf').attach('file', pdfWith('y'), 'y.pdf'), 400, /one document/);
    await refused(await upload(tokens.caseworker, own, Buffer.alloc(0), 'empty.pdf'), 400, /is empty|is required/);
    expect(await rowCount()).toBe(before);
  });

  it('accepts a document of exactly 20 MB', async () => {
    const pdf = pdfWith('exactly');
    const exact = Buffer.concat([pdf, Buffer.alloc(20 * 1024 * 1024 - pdf.length)]);
    const res = await upload(tokens.caseworker, own, exact, 'exactly 20 MB.pdf');
    expect(res.status).toBe(201);
    expect(res.body.size).toBe(20 * 1024 * 1024);
    const back = await download(tokens.caseworker, own, res.body.id);
    expect(back.body.equals(exact)).toBe(true);
    await gqlAs('caseworker')('mutation($id: ID!) { deleteCaseDocument(id: $id) { id } }', { id: res.body.id });
  });
});

describe('the case team and its branch', () => {
  it("lets the case's rep upload and download, and delete their own upload but not the caseworker's", async () => {
    const res = await upload(tokens.rep, own, sample('sample.jpg'), 'photo.jpg');
    expect(res.status).toBe(201);
    const docs = (await documentsOf('rep', own)).data!.Case.documents as { id: string; mayDelete: boolean }[];
    const caseworkers = docs.find((d) => d.id !== res.body.id)!;
    expect(docs.find((d) => d.id === res.body.id)?.mayDelete).toBe(true);
    expect(caseworkers.mayDelete).toBe(false);
    expect((await download(tokens.rep, own, caseworkers.id)).status).toBe(200);
    expect(errorOf(await gqlAs('rep')('mutation($id: ID!) { deleteCaseDocument(id: $id) { id } }', { id: caseworkers.id })).code).toBe('FORBIDDEN');
    expect(await t.sql('SELECT id FROM case_document WHERE id = $1', [caseworkers.id])).toHaveLength(1);
    expect((await gqlAs('rep')('mutation($id: ID!) { deleteCaseDocument(id: $id) { id } }', { id: res.body.id })).data?.deleteCaseDocument).toEqual({ id: res.body.id });
  });

  it("lets the branch secretary read and delete any case's documents", async () => {
    const docs = (await documentsOf('secretary', other)).data!.Case.documents as { id: string; mayDelete: boolean }[];
    expect(docs.map((d) => d.id)).toEqual([otherDoc]);
    expect(docs[0].mayDelete).toBe(true);
    expect((await download(tokens.secretary, other, otherDoc)).body.equals(sample('sample.png'))).toBe(true);
  });
});

describe('everyone outside the case', () => {
  /** Each outsider on the colleague's case: the status a REST call gets, and the GraphQL code. */
  const OUTSIDERS: [string, Who | null, number, string][] = [
    ['a rep not on the case', 'rep', 404, 'NOT_FOUND'],
    ["a caseworker of another case (the demo caseworker on a colleague's)", 'caseworker', 404, 'NOT_FOUND'],
    ["another branch's secretary", 'secretary2', 404, 'NOT_FOUND'],
    ["another organisation's admin", 'bmaAdmin', 404, 'NOT_FOUND'],
    ['a coalition viewer', 'coalition', 403, 'FORBIDDEN'],
    ['anyone not signed in', null, 401, 'UNAUTHENTICATED'],
  ];

  it.each(OUTSIDERS)('%s: upload, list, download and delete are all refused, and say nothing of the case', async (_, who, status, code) => {
    const token = who ? tokens[who] : null;
    const before = await rowCount(other);
    const up = await upload(token, other, pdfWith(`smuggled by ${who}`), 'smuggled.pdf');
    expect(up.status).toBe(status);
    expect(up.body.code).toBe(code);
    // a case that does not exist at all gets the same answer
    const none = await upload(token, randomUUID(), pdfWith('nowhere'), 'nowhere.pdf');
    expect([none.status, none.body.message]).toEqual([up.status, up.body.message]);
    // a program to a case they cannot see is not even looked at
    expect((await upload(token, other, EXE, 'x.exe')).status).toBe(status);
    expect(await rowCount(other)).toBe(before);

    const got = await download(token, other, otherDoc);
    expect(got.status).toBe(status);
    expect(got.headers['content-type']).toMatch(/^application\/json/);
    expect(got.body.includes(sample('sample.png').subarray(0, 64))).toBe(false);
    // the document under a case the caller does see is no way round
    if (who === 'rep' || who === 'caseworker') expect((await download(token, own, otherDoc)).status).toBe(404);

    const listed = await documentsOf(who, other);
    expect(listed.data?.Case ?? null).toBeNull();
    expect(errorOf(listed).code).toBe(code);
    const deleted = await gqlAs(who)('mutation($id: ID!) { deleteCaseDocument(id: $id) { id } }', { id: otherDoc });
    expect(errorOf(deleted).code).toBe(code);
    expect(await t.sql('SELECT id FROM case_document WHERE id = $1', [otherDoc])).toHaveLength(1);
  });

  it('and a malformed id is "not found", not an error', async () => {
    expect((await download(tokens.caseworker, 'not-a-case', 'not-a-doc')).status).toBe(404);
    expect((await upload(tokens.caseworker, 'not-a-case', pdfWith('x'), 'x.pdf')).status).toBe(404);
  });
});

describe('the web app fallback', () => {
  it('leaves the API paths to the API: an unknown one is a 404, never the web app', async () => {
    const server = t.app.getHttpServer();
    const token = tokens.caseworker;
    for (const path of [`/cases/${own}/documents`, `/cases/${own}/documents/${randomUUID()}/more`, '/export/contacts.csv', '/export/nothing.csv', '/CASES/x']) {
      const res = await request(server).get(path).set('authorization', `Bearer ${token}`);
      expect([path, res.status]).toEqual([path, 404]);
      expect([path, res.headers['content-type']]).not.toEqual([path, expect.stringMatching(/html/)]);
    }
    // the web app's own paths still get it
    const page = await request(server).get('/some/page');
    expect(page.headers['content-type']).toMatch(/html/);
  });
});

describe('key rotation', () => {
  it('re-seals documents under the new key; they download unchanged', async () => {
    const OLD = `k-old:${randomBytes(32).toString('base64')}`;
    const old = new CaseCipher(OLD);
    const doc = sample('sample.gif');
    const [{ id: me }] = await t.sql('SELECT id FROM app_user WHERE email = $1', [LOGINS.caseworker]);
    const [{ id }] = await t.sql(`INSERT INTO case_document (organisation_id, case_id, filename, media_type, size_bytes, sha256, content, uploaded_by_id)
      SELECT organisation_id, id, 'old chart.gif', 'image/gif', $2, $3, $4, $5 FROM case_file WHERE id = $1 RETURNING id`,
    [own, doc.length, createHash('sha256').update(doc).digest('hex'), old.encrypt(doc), me]);
    const query: Query = (sql, params) => t.sql(sql, params);
    const current = new CaseCipher(`${TEST_CASE_ENCRYPTION_KEYS},${OLD}`);
    const columns = ENCRYPTED_COLUMNS.filter((c) => c.table === 'case_document');
    expect(columns).toEqual([{ table: 'case_document', id: 'id', column: 'content' }]);
    const report = await rotateAll(query, current, columns);
    expect(report.rewritten['case_document.content']).toBe(1);
    expect(report.removable).toEqual(['k-old']);
    const [{ content }] = await t.sql('SELECT content FROM case_document WHERE id = $1', [id]);
    expect(current.keyIdOf(content)).toBe(current.currentKeyId);
    const res = await download(tokens.caseworker, own, id);
    expect(res.status).toBe(200);
    expect(res.body.equals(doc)).toBe(true);
  });
});

describe('row-level security', () => {
  let db: pg.Client;
  beforeAll(async () => {
    db = new pg.Client({ connectionString: withDatabase(process.env.ROLLCALL_TEST_APP_URL!, new URL(t.databaseUrl).pathname.slice(1)) });
    await db.connect();
  });
  afterAll(async () => {
    await db?.end();
  });

  it("on the API's role: the caseworker sees none of a colleague's case's documents and can write none; nobody changes one in place", async () => {
    const [w] = await t.sql(`SELECT u.id, u.organisation_id AS org, array_agg(DISTINCT be.employer_id) AS employers FROM app_user u
      JOIN user_branch_role r ON r.user_id = u.id JOIN branch_employer be ON be.branch_id = r.branch_id WHERE u.email = $1 GROUP BY u.id`, [LOGINS.caseworker]);
    await db.query('BEGIN');
    try {
      await db.query(IDENTITY_SQL, identityParams({ organisationId: w.org, employerIds: w.employers, userId: w.id, caseBranchIds: [] }));
      expect((await db.query('SELECT id FROM case_document WHERE case_id = $1', [other])).rows).toEqual([]);
      expect((await db.query('SELECT count(*)::int AS n FROM case_document WHERE case_id = $1', [own])).rows[0].n).toBeGreaterThan(0);
      expect((await db.query('DELETE FROM case_document WHERE id = $1', [otherDoc])).rowCount).toBe(0);
      const insert = `INSERT INTO case_document (organisation_id, case_id, filename, media_type, size_bytes, sha256, content, uploaded_by_id)
        SELECT organisation_id, $1, 'x.pdf', 'application/pdf', 1, repeat('0', 64), '\\x00'::bytea, $2 FROM case_file WHERE id = $3`;
      const refused = async (sql: string, params: unknown[]) => {
        await db.query('SAVEPOINT s');
        await expect(db.query(sql, params)).rejects.toMatchObject({ code: '42501' });
        await db.query('ROLLBACK TO SAVEPOINT s');
      };
      // into the colleague's case (its organisation read from a case the caseworker sees); into their own, signed as someone else
      await refused(`INSERT INTO case_document (organisation_id, case_id, filename, media_type, size_bytes, sha256, content, uploaded_by_id)
        VALUES ($1, $2, 'x.pdf', 'application/pdf', 1, repeat('0', 64), '\\x00'::bytea, $3)`, [w.org, other, w.id]);
      await refused(insert, [own, await userIdOf(t, 'rep'), own]);
      await refused("UPDATE case_document SET filename = 'renamed.pdf' WHERE case_id = $1", [own]);
    } finally {
      await db.query('ROLLBACK');
    }
    expect(await t.sql('SELECT id FROM case_document WHERE id = $1', [otherDoc])).toHaveLength(1);
  });

  describe("with the API's case checks switched off", () => {
    let api: TestApp;
    let apiOther = '';
    let apiOtherDoc = '';
    let apiOwn = '';
    let repDoc = '';
    let apiCaseworker = '';
    beforeAll(async () => {
      api = await startTestApp();
      // the rep's case (with a document its caseworker uploaded), and a colleague's case and document: a copy of it on the secretary's team only
      const [{ id: sec }] = await api.sql('SELECT id FROM app_user WHERE email = $1', [LOGINS.secretary]);
      [{ case_id: apiOwn, caseworker: apiCaseworker }] = await api.sql(`SELECT tr.case_id, tc.user_id AS caseworker FROM case_team tr
        JOIN case_team tc ON tc.case_id = tr.case_id AND tc.role = 'CASEWORKER' JOIN app_user u ON u.id = tr.user_id WHERE u.email = $1 AND tr.role = 'REP' LIMIT 1`, [LOGINS.rep]);
      [{ id: apiOther }] = await api.sql(`INSERT INTO case_file (organisation_id, branch_id, contact_id, employer_id, type, opened_on, created_by_id)
        SELECT organisation_id, branch_id, contact_id, employer_id, 'GRIEVANCE', current_date, $2 FROM case_file WHERE id = $1 RETURNING id`, [apiOwn, sec]);
      await api.sql("INSERT INTO case_team (case_id, user_id, role) VALUES ($1, $2, 'CASEWORKER')", [apiOther, sec]);
      const cipher = new CaseCipher(TEST_CASE_ENCRYPTION_KEYS);
      const seal = (caseId: string, by: string) => api.sql(`INSERT INTO case_document (organisation_id, case_id, filename, media_type, size_bytes, sha256, content, uploaded_by_id)
        SELECT organisation_id, id, 'sealed.pdf', 'application/pdf', 3, repeat('0', 64), $2, $3 FROM case_file WHERE id = $1 RETURNING id`, [caseId, cipher.encrypt(Buffer.from('abc')), by]);
      [{ id: apiOtherDoc }] = await seal(apiOther, sec);
      [{ id: repDoc }] = await seal(apiOwn, apiCaseworker);
      // Every case query loses its team, branch and organisation conditions (and the people's), and every case rule says yes.
      jest.spyOn(CaseDoor.prototype, 'condition').mockReturnValue({ sql: 'TRUE', params: {} });
      jest.spyOn(PeopleDoor.prototype, 'condition').mockReturnValue({ sql: 'TRUE', params: {} });
      jest.spyOn(CaseDoor.prototype, 'mayChange').mockResolvedValue(true);
      jest.spyOn(CaseDoor.prototype, 'mayAddNote').mockResolvedValue(true);
      jest.spyOn(CaseDoor.prototype, 'rights').mockReturnValue({ change: true, addNote: true, manage: true });
    });
    afterAll(async () => {
      jest.restoreAllMocks();
      await api?.close();
    });
    const asApi = (token: string) => ({
      gql: (query: string, variables: Record<string, unknown>) => api.gql(query, variables, token),
      upload: (caseId: string) => request(api.app.getHttpServer()).post(`/cases/${caseId}/documents`).set('authorization', `Bearer ${token}`).attach('file', pdfWith('smuggled'), 's.pdf'),
      download: (caseId: string, id: string) => request(api.app.getHttpServer()).get(`/cases/${caseId}/documents/${id}`).set('authorization', `Bearer ${token}`).buffer(true).parse(bytes),
    });

    it("the switch is real: the rep now deletes the caseworker's document on their shared case", async () => {
      const rep = asApi(await api.login('rep'));
      expect((await rep.gql('mutation($id: ID!) { deleteCaseDocument(id: $id) { id } }', { id: repDoc })).data?.deleteCaseDocument).toEqual({ id: repDoc });
    });

    it("still gives a caseworker nothing of a colleague's case's documents: no upload, list, download or delete", async () => {
      const cw = asApi(await api.login('caseworker'));
      const before = (await api.sql('SELECT count(*)::int AS n FROM case_document WHERE case_id = $1', [apiOther]))[0].n;
      expect((await cw.upload(apiOther)).status).toBe(404);
      expect((await cw.download(apiOther, apiOtherDoc)).status).toBe(404);
      expect((await cw.download(apiOwn, apiOtherDoc)).status).toBe(404);
      expect(errorOf(await cw.gql('query($id: ID!) { Case(id: $id) { documents { id } } }', { id: apiOther })).code).toBe('NOT_FOUND');
      const listed = await cw.gql('{ allCases(perPage: 500) { id documents { id } } }', {});
      expect(JSON.stringify(listed.data)).not.toContain(apiOtherDoc);
      expect(errorOf(await cw.gql('mutation($id: ID!) { deleteCaseDocument(id: $id) { id } }', { id: apiOtherDoc })).code).toBe('NOT_FOUND');
      expect((await api.sql('SELECT count(*)::int AS n FROM case_document WHERE case_id = $1', [apiOther]))[0].n).toBe(before);
      expect(await api.sql('SELECT id FROM case_document WHERE id = $1', [apiOtherDoc])).toHaveLength(1);
    });
  });
});
