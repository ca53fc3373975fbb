import { DataSource, type QueryRunner } from 'typeorm';
import { startTestApp, type TestApp } from '../fixtures/app.js';

/**
 * Statements with parameters that run often go as named statements (database/serial-client.ts): PostgreSQL
 * parses each once per connection. This checks, on one of the pool's connections, that a statement is
 * prepared from its third run and not before, answers each run with its own values, and that a connection
 * stops preparing new texts at its limit and answers them all the same, and that a statement gone stale under a
 * migration fails once per connection and is not named again. What the app's queries answer
 * through prepared statements is what the rest of the suite checks.
 */

let t: TestApp;
let db: DataSource;

beforeAll(async () => {
  t = await startTestApp();
  db = t.app.get(DataSource);
});

afterAll(async () => {
  await t?.close();
});

/** How many statements with this text the runner's connection has prepared. */
async function preparedCount(runner: QueryRunner, text: string): Promise<number> {
  return (await runner.query('SELECT count(*)::int AS n FROM pg_prepared_statements WHERE statement = $1', [text]))[0].n as number;
}

/** Whether the server process `pid` is still there, once it has had up to 30 s to go (a loaded machine may take a while). */
async function stillRunning(pid: number): Promise<boolean> {
  const deadline = Date.now() + 30_000;
  while ((await t.sql('SELECT 1 FROM pg_stat_activity WHERE pid = $1', [pid])).length) {
    if (Date.now() > deadline) return true;
    await new Promise((r) => setTimeout(r, 20));
  }
  return false;
}

it('prepares a statement from its third run, answering each run with its own values', async () => {
  const runner = db.createQueryRunner();
  await runner.connect();
  try {
    const text = `SELECT $1::int * 2 AS doubled, 'prepared-statements.e2e ${Date.now()}' AS label`;
    for (const [i, expected] of [[1, 0], [2, 0], [3, 1], [4, 1], [5, 1]] as const) {
      expect(await runner.query(text, [i])).toEqual([expect.objectContaining({ doubled: i * 2 })]);
      expect(await preparedCount(runner, text)).toBe(expected);
    }
    // A statement without parameters is never prepared.
    const plain = `SELECT 41 + 1 AS answer -- prepared-statements.e2e ${Date.now()}`;
    for (let i = 0; i < 4; i++) expect(await runner.query(plain)).toEqual([{ answer: 42 }]);
    expect(await preparedCount(runner, plain)).toBe(0);
  } finally {
    await runner.release();
  }
});

it('answers a statement gone stale under a migration once with its error, then never names it again, on a fresh connection', async () => {
  await t.sql('CREATE TABLE prepared_probe (id int PRIMARY KEY, a text)');
  await t.sql("INSERT INTO prepared_probe VALUES (1, 'one')");
  await t.sql('GRANT SELECT ON prepared_probe TO rollcall_app');
  const text = 'SELECT * FROM prepared_probe WHERE id = $1';
  const first = db.createQueryRunner();
  await first.connect();
  const pid = (await first.query('SELECT pg_backend_pid() AS pid'))[0].pid as number;
  for (let i = 0; i < 3; i++) expect(await first.query(text, [1])).toEqual([{ id: 1, a: 'one' }]);
  expect(await preparedCount(first, text)).toBe(1);

  await t.sql('ALTER TABLE prepared_probe ADD COLUMN b int'); // a migration, while the process runs
  await expect(first.query(text, [1])).rejects.toThrow(/cached plan must not change result type/);
  await first.release();
  // That connection, holding the stale statement, is closed: the pool (which hands out the connection released
  // last) gives another, and the server process goes. The next one answers, unnamed from now on.
  const next = db.createQueryRunner();
  await next.connect();
  try {
    expect((await next.query('SELECT pg_backend_pid() AS pid'))[0].pid).not.toBe(pid);
    expect(await stillRunning(pid)).toBe(false);
    for (let i = 0; i < 4; i++) expect(await next.query(text, [1])).toEqual([{ id: 1, a: 'one', b: null }]);
    expect(await preparedCount(next, text)).toBe(0);
  } finally {
    await next.release();
  }
});

// Last: it fills its connection with prepared statements, which the pool keeps.
it('stops preparing new texts at its limit per connection, and still answers them', async () => {
  const runner = db.createQueryRunner();
  await runner.connect();
  try {
    const stamp = Date.now();
    for (let k = 0; k < 230; k++) {
      const text = `SELECT $1::int + ${k} AS n -- limit ${stamp}`;
      for (let i = 0; i < 3; i++) expect(await runner.query(text, [i])).toEqual([{ n: i + k }]);
    }
    const count = (await runner.query(`SELECT count(*)::int AS n FROM pg_prepared_statements`))[0].n as number;
    expect(count).toBeLessThanOrEqual(200);
    expect(count).toBeGreaterThan(100);
  } finally {
    await runner.release();
  }
});
