import { jest } from '@jest/globals';
import pg from 'pg';
import { SerialClient } from './serial-client.js';

/** pg's own query, replaced: each statement waits until the test answers it. */
function fakePg() {
  const sent: string[] = [];
  const answers: (() => void)[] = [];
  jest.spyOn(pg.Client.prototype, 'query').mockImplementation(((text: string) => {
    sent.push(text);
    // pg answers a message of several statements with a result each.
    const result = (sql: string) => ({ command: sql.split(' ')[0], rows: [{ sql }] });
    const parts = text.split('; ');
    return new Promise<unknown>((resolve) => answers.push(() => resolve(parts.length > 1 ? parts.map(result) : result(text))));
  }) as never);
  const status = jest.spyOn(pg.Client.prototype, 'getTransactionStatus').mockReturnValue('I' as never);
  const end = jest.spyOn(pg.Client.prototype, 'end').mockResolvedValue(undefined as never);
  /** Lets pending promise callbacks run. */
  const settle = () => new Promise((resolve) => setImmediate(resolve));
  return { sent, answer: async () => { answers.shift()!(); await settle(); }, settle, status, end };
}

afterEach(() => jest.restoreAllMocks());

describe('SerialClient', () => {
  it('sends one statement at a time, in the order they were asked for', async () => {
    const pgFake = fakePg();
    const client = new SerialClient();
    const done = ['SELECT 1', 'SELECT 2', 'SELECT 3'].map((sql) => client.query(sql) as Promise<unknown>);
    await pgFake.settle();
    expect(pgFake.sent).toEqual(['SELECT 1']);
    expect(client.busy).toBe(true);
    await pgFake.answer();
    expect(pgFake.sent).toEqual(['SELECT 1', 'SELECT 2']);
    await pgFake.answer();
    await pgFake.answer();
    expect(pgFake.sent).toEqual(['SELECT 1', 'SELECT 2', 'SELECT 3']);
    await Promise.all(done);
    expect(client.busy).toBe(false);
  });

  it('once refusing, fails statements unsent, holds the ROLLBACK until the cancel is delivered, then serves again', async () => {
    const pgFake = fakePg();
    const client = new SerialClient();
    const running = client.query('SELECT slow') as Promise<unknown>;
    const queued = client.query('SELECT next') as Promise<unknown>;
    await pgFake.settle();
    let delivered!: () => void;
    client.refuse(new Error('the request was aborted'), new Promise<void>((resolve) => { delivered = resolve; }));
    const later = client.query('SELECT later') as Promise<unknown>;
    const rollback = client.query('ROLLBACK') as Promise<unknown>;
    await pgFake.answer(); // the running statement ends (cancelled, or just done)
    await expect(queued).rejects.toThrow('the request was aborted');
    await expect(later).rejects.toThrow('the request was aborted');
    expect(pgFake.sent).toEqual(['SELECT slow']);
    delivered();
    await pgFake.settle();
    expect(pgFake.sent).toEqual(['SELECT slow', 'ROLLBACK']);
    await pgFake.answer();
    await Promise.all([running, rollback]);
    const after = client.query('SELECT for the next request') as Promise<unknown>;
    await pgFake.settle();
    await pgFake.answer();
    await after;
    expect(pgFake.sent.at(-1)).toBe('SELECT for the next request');
    expect(pgFake.end).not.toHaveBeenCalled();
  });

  it('closes a connection still inside a transaction after its COMMIT or ROLLBACK, so no one else gets it', async () => {
    const pgFake = fakePg();
    const client = new SerialClient();
    const rollback = client.query('ROLLBACK') as Promise<unknown>;
    await pgFake.settle();
    pgFake.status.mockReturnValue('E' as never); // the ROLLBACK did not end it (cancelled, say)
    await pgFake.answer();
    await rollback;
    expect(pgFake.end).toHaveBeenCalledTimes(1);
  });

  it('sends START TRANSACTION with the statement after it, as one message, and answers each as if sent alone', async () => {
    const pgFake = fakePg();
    const client = new SerialClient();
    const begun = await (client.query('START TRANSACTION') as Promise<{ command: string }>);
    expect(begun.command).toBe('BEGIN');
    await pgFake.settle();
    expect(pgFake.sent).toEqual([]); // held
    const identity = client.query("SELECT set_config('rollcall.user_id', 'u1', true)") as Promise<{ rows: unknown[] }>;
    await pgFake.settle();
    expect(pgFake.sent).toEqual(["START TRANSACTION; SELECT set_config('rollcall.user_id', 'u1', true)"]);
    await pgFake.answer();
    expect((await identity).rows).toEqual([{ sql: "SELECT set_config('rollcall.user_id', 'u1', true)" }]);
    const next = client.query('SELECT 2') as Promise<unknown>;
    await pgFake.settle();
    await pgFake.answer();
    await next;
    expect(pgFake.sent).toEqual(["START TRANSACTION; SELECT set_config('rollcall.user_id', 'u1', true)", 'SELECT 2']);
  });

  it('sends a held START TRANSACTION on its own first when the statement after it has parameters', async () => {
    const pgFake = fakePg();
    const client = new SerialClient();
    await client.query('START TRANSACTION');
    const read = client.query('SELECT $1::int', [1]) as Promise<{ rows: unknown[] }>;
    await pgFake.settle();
    expect(pgFake.sent).toEqual(['START TRANSACTION']);
    await pgFake.answer();
    expect(pgFake.sent).toEqual(['START TRANSACTION', 'SELECT $1::int']);
    await pgFake.answer();
    expect((await read).rows).toEqual([{ sql: 'SELECT $1::int' }]);
  });

  it('drops a held START TRANSACTION when the statement it would travel with is refused', async () => {
    const pgFake = fakePg();
    const client = new SerialClient();
    await client.query('START TRANSACTION');
    client.refuse(new Error('the request was aborted'), Promise.resolve());
    await expect(client.query('SELECT 1') as Promise<unknown>).rejects.toThrow('the request was aborted');
    const rollback = client.query('ROLLBACK') as Promise<unknown>;
    await pgFake.settle();
    await pgFake.answer();
    await rollback;
    expect(pgFake.sent).toEqual(['ROLLBACK']);
  });
});
