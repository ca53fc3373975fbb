/**
 * A client that drops its request (a closed tab, a timed-out fetch): the statement the request is
 * running is cancelled, its transaction rolled back, and the server logs one line, no stack traces.
 *
 * The statement is made to run for as long as the test wants, without a test-only hook: the test
 * holds a lock on the membership table, so the list's real statement (which reads the page's
 * memberships with it, ContactPrefetches.readPage) waits behind it. Left
 * alone it would wait until the lock is released; the test checks that it is gone while the lock is
 * still held.
 */
import 'reflect-metadata';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { jest } from '@jest/globals';
import { Logger } from '@nestjs/common';
import pg from 'pg';
import { RequestTransaction } from '../../apps/api/src/database/request-transaction.js';
import { startTestApp, type TestApp } from '../fixtures/app.js';
import { until } from '../fixtures/wait.js';

let t: TestApp;
let token: string;

beforeAll(async () => {
  t = await startTestApp();
  token = await t.login('secretary');
});
afterAll(async () => {
  await t?.close();
});

/** The API's statements waiting for a lock (the API connects as rollcall_app), and the table whose lock each waits for. */
const waiting = () => t.sql<{ pid: number; query: string; relation: string | null }>(`SELECT a.pid, a.query,
    (SELECT l.relation::regclass::text FROM pg_locks l WHERE l.pid = a.pid AND NOT l.granted LIMIT 1) AS relation
  FROM pg_stat_activity a
  WHERE a.datname = current_database() AND a.usename = 'rollcall_app' AND a.state = 'active' AND a.wait_event_type = 'Lock'`);

describe('a request its client drops', () => {
  it('has its running statement cancelled and its transaction rolled back, and is logged in one line without a stack', async () => {
    const QUERY = '{ allContacts(perPage: 50) { id lastName memberships { status } isMember } }';
    const locker = new pg.Client({ connectionString: t.databaseUrl });
    await locker.connect();
    const logged: string[] = [];
    const capture = (level: string) => (...args: unknown[]) => { logged.push(`${level}: ${args.map(String).join(' ')}`); };
    const errorsBefore = process.env.ROLLCALL_LOG_ERRORS;
    process.env.ROLLCALL_LOG_ERRORS = '1'; // errors are logged as in production
    const spies = [
      jest.spyOn(Logger.prototype, 'warn').mockImplementation(capture('warn')),
      jest.spyOn(Logger.prototype, 'error').mockImplementation(capture('error')),
      jest.spyOn(Logger.prototype, 'log').mockImplementation(capture('log')),
      jest.spyOn(console, 'error').mockImplementation(capture('console.error')),
      jest.spyOn(console, 'warn').mockImplementation(capture('console.warn')),
    ];
    const finish = jest.spyOn(RequestTransaction.prototype, 'finish');
    try {
      await locker.query('BEGIN');
      await locker.query('LOCK TABLE membership IN ACCESS EXCLUSIVE MODE');

      const { port } = t.app.getHttpServer().address() as AddressInfo;
      const req = http.request({
        host: '127.0.0.1', port, path: '/graphql', method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      });
      req.on('error', () => undefined); // the test hangs up on purpose
      req.end(JSON.stringify({ query: QUERY }));

      const [statement] = await until('the list to wait on the lock', async () => {
        const rows = await waiting();
        return rows.length ? rows : undefined;
      });
      expect(statement.relation).toBe('membership');
      expect(statement.query).toMatch(/^WITH list AS /); // the list page's own statement
      req.destroy();

      // Gone while the lock is still held, and its connection out of the transaction (rolled back).
      await until('the statement to be cancelled', async () => ((await waiting()).length === 0 ? true : undefined));
      await until('its connection to roll back', async () => {
        const [row] = await t.sql<{ state: string }>('SELECT state FROM pg_stat_activity WHERE pid = $1', [statement.pid]);
        return row?.state === 'idle' ? true : undefined;
      });
      // The request has run to its end (GraphQL ended its transaction too): all it would log, it has.
      await until('the request to end', async () => (finish.mock.calls.length >= 2 ? true : undefined));

      // A busy machine may also report a slow statement (over two seconds): that is the query
      // logger's business, not this request's; everything else must be the one line.
      const about = logged.filter((line) => !/^console\.warn: slow query \(\d+ ms\)/.test(line));
      expect(about).toEqual([expect.stringMatching(/^warn: aborted by the client after \d+ ms: allContacts$/)]);
    } finally {
      for (const s of spies) s.mockRestore();
      finish.mockRestore();
      if (errorsBefore === undefined) delete process.env.ROLLCALL_LOG_ERRORS;
      else process.env.ROLLCALL_LOG_ERRORS = errorsBefore;
      await locker.query('ROLLBACK').catch(() => undefined);
      await locker.end();
    }
    // The API serves on as before.
    const after = await t.as('secretary')('{ _allContactsMeta { count } }');
    expect(after.data?._allContactsMeta.count).toBeGreaterThan(0);
  });
});
