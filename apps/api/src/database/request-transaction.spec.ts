import type { QueryRunner } from 'typeorm';
import { identityOf, RequestTransaction } from './request-transaction.js';

/** A query runner that records what it was asked; `fail` makes every statement fail as a dropped database would. */
function fakeRunner(fail?: Error) {
  const calls: string[] = [];
  const runner = {
    isTransactionActive: false,
    transactionDepth: 0,
    query: async (sql: string) => { calls.push(sql.trim().split(/\s+/)[0]); if (fail) throw fail; return []; },
    connect: async () => { if (fail) throw fail; return {}; },
    commitTransaction: async () => { calls.push('COMMIT'); },
    rollbackTransaction: async () => { calls.push('ROLLBACK'); },
    release: async () => { calls.push('release'); },
  };
  return { runner: runner as unknown as QueryRunner, calls };
}

describe('RequestTransaction', () => {
  it('commits nothing when BEGIN could not reach the database, and still gives the connection back', async () => {
    const { runner, calls } = fakeRunner(Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED' }));
    const tx = new RequestTransaction(identityOf(undefined));
    await expect(tx.runner(() => runner).query('SELECT 1')).rejects.toThrow('ECONNREFUSED');
    await tx.finish(false);
    expect(calls).toEqual(['START', 'release']);
  });

  it('is abandoned at shutdown: its connection goes back at once, and it leaves the open set', async () => {
    const { runner, calls } = fakeRunner();
    const open = new Set<RequestTransaction>();
    const tx = new RequestTransaction(identityOf(undefined));
    const request = tx.runner(() => runner, open);
    await request.query('SELECT 1');
    await request.release(); // what services (and TypeORM closing its pool) call: the request's connection stays
    expect(calls).not.toContain('release');
    expect([...open]).toEqual([tx]);

    await tx.abort();
    expect(calls.filter((c) => c === 'release')).toHaveLength(1);
    expect(open.size).toBe(0);
    await tx.finish(false); // the request ending afterwards changes nothing
    expect(calls.filter((c) => c === 'release' || c === 'COMMIT')).toEqual(['release']);
  });
});
