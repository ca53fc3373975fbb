/**
 * The request transaction, seen from inside the app: probe routes (plain HTTP, mounted for this test
 * only) issue a request's first statement through each way the code reaches the database —
 * repositories, query builders, the manager, raw SQL, a service's own transaction — and report
 * what the database saw: the caller's identity already there, one transaction for the whole
 * request, statements side by side without pg's warning about concurrent queries on a client.
 * The same routes show that plain HTTP routes commit a change with its audit entry, or neither.
 * (POST routes: GET requests outside /graphql are the web app's.)
 */
import 'reflect-metadata';
import { randomUUID } from 'node:crypto';
import { BadRequestException, Controller, HttpCode, Module, Param, Post, Req } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { InjectTransaction } from '@nestjs-cls/transactional';
import { jest } from '@jest/globals';
import pg from 'pg';
import request from 'supertest';
import type { EntityManager, Repository } from 'typeorm';
import { Public } from '../../apps/api/src/access/permissions.js';
import { AuditAction } from '../../apps/api/src/audit/audit-event.entity.js';
import { AuditService } from '../../apps/api/src/audit/audit.service.js';
import { AuditModule } from '../../apps/api/src/audit/audit.module.js';
import type { AuthUser } from '../../apps/api/src/auth/auth-user.js';
import { Contact } from '../../apps/api/src/contacts/contact.entity.js';
import { RequestRepositories } from '../../apps/api/src/database/request-repositories.js';
import { LOGINS, startTestApp, type TestApp } from '../fixtures/app.js';

/** What the database sees: the identity's user, the transaction, and how many people row-level security shows. */
interface Seen { user?: string; tx?: string; people?: number }

const SEEN_SQL = `SELECT current_setting('rollcall.user_id', true) AS "user", txid_current()::text AS tx,
  (SELECT count(*)::int FROM contact) AS people`;

@Public()
@Controller('probe')
class ProbeController {
  constructor(
    @InjectRepository(Contact) private readonly contacts: Repository<Contact>,
    @InjectTransaction() private readonly db: EntityManager,
    private readonly audit: AuditService,
  ) {}

  /** Each way to the database, as the first statement of a request. */
  private readonly paths: Record<string, () => Promise<Seen>> = {
    repository: async () => ({ people: await this.contacts.count() }),
    repositoryQueryBuilder: async () => this.contacts.createQueryBuilder('c').select('count(*)::int', 'people')
      .addSelect("current_setting('rollcall.user_id', true)", 'user').addSelect('txid_current()::text', 'tx').getRawOne() as Promise<Seen>,
    repositoryQuery: async () => (await this.contacts.query(SEEN_SQL))[0] as Seen,
    managerRepository: async () => ({ people: await this.db.getRepository(Contact).count() }),
    managerQueryBuilder: async () => this.db.createQueryBuilder().from(Contact, 'c').select("current_setting('rollcall.user_id', true)", 'user')
      .addSelect('txid_current()::text', 'tx').addSelect('count(*)::int', 'people').getRawOne() as Promise<Seen>,
    rawQuery: async () => (await this.db.query(SEEN_SQL))[0] as Seen,
    ownTransaction: async () => this.db.transaction(async (tx) => (await tx.query(SEEN_SQL))[0] as Seen),
  };

  @Post('first/:path')
  @HttpCode(200)
  async first(@Param('path') path: string): Promise<{ first: Seen; all: Seen[] }> {
    const first = await this.paths[path]();
    // Then every path at once, and twenty raw statements besides: all on the request's one connection.
    const all = await Promise.all([
      ...Object.values(this.paths).map((p) => p()),
      ...Array.from({ length: 20 }, () => this.paths.rawQuery()),
    ]);
    return { first, all };
  }

  /** An audit entry written in the request's transaction, then a success or a failure. */
  @Post('audit/:outcome')
  async write(@Param('outcome') outcome: string, @Req() req: { user?: AuthUser }): Promise<{ ok: true }> {
    await this.audit.record({ action: AuditAction.UPDATE, user: req.user, entityType: 'Probe', entityId: outcome.slice(5) });
    if (outcome.startsWith('fail')) throw new BadRequestException('the probe fails after writing');
    return { ok: true };
  }
}

@Module({ imports: [RequestRepositories.forFeature([Contact]), AuditModule], controllers: [ProbeController] })
class ProbeModule {}

let t: TestApp;
let token: string;
let secretaryId: string;
let branchPeople: number;
/** The most statements each connection had running at once (sent to PostgreSQL and not yet answered). */
const mostAtOnce = new Map<object, number>();

/**
 * A request waits for a connection three connect timeouts before it is answered 503 (the database
 * seems gone). The rush below is about not deadlocking, not about speed: with a long timeout, a busy
 * machine that serves it slowly still answers every request, and a deadlock still fails the test.
 */
const connectTimeout = process.env.DATABASE_CONNECT_TIMEOUT_MS;

beforeAll(async () => {
  process.env.DATABASE_CONNECT_TIMEOUT_MS = '60000';
  t = await startTestApp({ modules: [ProbeModule] });
  token = await t.login('secretary');
  [{ id: secretaryId }] = await t.sql('SELECT id FROM app_user WHERE email = $1', [LOGINS.secretary]);
  [{ n: branchPeople }] = await t.sql(`SELECT count(*)::int AS n FROM contact c JOIN app_user u ON u.organisation_id = c.organisation_id
    WHERE u.email = $1 AND c.employer_id = $2`, [LOGINS.secretary, t.demoEmployerId]);
  const query = pg.Client.prototype.query;
  const running = new Map<object, number>();
  jest.spyOn(pg.Client.prototype, 'query').mockImplementation(function (this: pg.Client, ...args: unknown[]) {
    const now = (running.get(this) ?? 0) + 1;
    running.set(this, now);
    mostAtOnce.set(this, Math.max(now, mostAtOnce.get(this) ?? 0));
    const done = () => running.set(this, running.get(this)! - 1);
    const result = (query as (...a: unknown[]) => unknown).apply(this, args);
    if (result instanceof Promise) result.then(done, done);
    else done();
    return result as never;
  });
});
afterAll(async () => {
  jest.restoreAllMocks();
  await t?.close();
  if (connectTimeout === undefined) delete process.env.DATABASE_CONNECT_TIMEOUT_MS;
  else process.env.DATABASE_CONNECT_TIMEOUT_MS = connectTimeout;
});

const probe = (path: string, auth = true) => {
  const req = request(t.app.getHttpServer()).post(`/probe/first/${path}`);
  if (auth) req.set('authorization', `Bearer ${token}`);
  return req;
};

describe('a request’s first statement', () => {
  const paths = ['repository', 'repositoryQueryBuilder', 'repositoryQuery', 'managerRepository', 'managerQueryBuilder', 'rawQuery', 'ownTransaction'];

  it.each(paths)('already sees the caller’s identity when %s issues it, and every statement of the request shares one transaction', async (path) => {
    expect(branchPeople).toBeGreaterThan(0);
    const res = await probe(path);
    expect(res.status).toBe(200);
    const { first, all } = res.body as { first: Seen; all: Seen[] };
    // Row-level security shows the caller's branch (organisation and employers set) …
    expect(first.people ?? branchPeople).toBe(branchPeople);
    // … and the user id is set, before anything else ran.
    if (first.user !== undefined) expect(first.user).toBe(secretaryId);
    for (const seen of all) {
      if (seen.people !== undefined) expect(seen.people).toBe(branchPeople);
      if (seen.user !== undefined) expect(seen.user).toBe(secretaryId);
    }
    const txs = new Set([first, ...all].map((s) => s.tx).filter((x) => x !== undefined));
    expect(txs.size).toBe(1);
  });

  it('is a new transaction for each request', async () => {
    const a = (await probe('rawQuery')).body.first.tx;
    const b = (await probe('rawQuery')).body.first.tx;
    expect(a).not.toBe(b);
  });

  it('runs statements issued side by side one at a time on the request’s connection', async () => {
    mostAtOnce.clear();
    expect((await probe('rawQuery')).status).toBe(200);
    expect(mostAtOnce.size).toBeGreaterThan(0);
    expect(Math.max(...mostAtOnce.values())).toBe(1);
  });

  it('sees nobody for an anonymous caller, who has no identity', async () => {
    const res = await probe('rawQuery', false);
    expect(res.status).toBe(200);
    expect(res.body.first).toMatchObject({ user: expect.not.stringMatching(/./), people: 0 });
  });
});

describe('requests that need a second connection', () => {
  it('are answered even when there are more of them at once than the pool has connections', async () => {
    // Each holds its transaction's connection while its refusal is written on another, outside it.
    const refusals = async () => (await t.sql("SELECT count(*)::int AS n FROM audit_event WHERE action = 'REFUSED' AND actor_email = $1", [LOGINS.coalition]))[0].n;
    const before = await refusals();
    const coalition = t.as('coalition');
    await coalition('{ me { id } }'); // signed in before the rush
    const results = await Promise.all(Array.from({ length: 25 }, () => coalition('{ allContacts { id } }')));
    expect(results.map((r) => r.errors?.[0]?.extensions?.code)).toEqual(Array(25).fill('FORBIDDEN'));
    expect(await refusals()).toBe(before + 25);
  }, 300_000);
});

describe('plain HTTP routes', () => {
  const entries = async (id: string) => (await t.sql("SELECT count(*)::int AS n FROM audit_event WHERE entity_type = 'Probe' AND entity_id = $1", [id]))[0].n;

  it('commit a change and its audit entry before answering', async () => {
    const id = randomUUID();
    const res = await request(t.app.getHttpServer()).post(`/probe/audit/done-${id}`).set('authorization', `Bearer ${token}`);
    expect(res.status).toBe(201);
    expect(await entries(id)).toBe(1);
  });

  it('roll them back when the handler fails', async () => {
    const id = randomUUID();
    const res = await request(t.app.getHttpServer()).post(`/probe/audit/fail-${id}`).set('authorization', `Bearer ${token}`);
    expect(res.status).toBe(400);
    expect(await entries(id)).toBe(0);
  });
});
