import { jest } from '@jest/globals';
import { Logger } from '@nestjs/common';
import type { TransactionHost } from '@nestjs-cls/transactional';
import type { DataSource } from 'typeorm';
import { Role } from '@rollcall/domain';
import { authUser, signInStatement, type SignInRow } from '../auth/active-user.js';
import { identityOf, identityParams, identityStatement, RequestTransaction, RequestTransactions } from './request-transaction.js';
import type { RequestTransactionAdapter } from './request-transaction-adapter.js';
import { isDatabaseUnavailable } from './unavailable.js';
import type { SerialClient } from './serial-client.js';

/**
 * The library's transaction, played by a fake that records what it would send: BEGIN, then the
 * request's body (our identity statement first), then COMMIT, or ROLLBACK when the body rejects.
 */
function fakeDatabase(opts: { beginError?: Error; commitError?: Error; busy?: boolean; pool?: number; connectTimeoutMS?: number; signIn?: SignInRow } = {}) {
  const calls: string[] = [];
  const client = { busy: opts.busy ?? false, refuse: jest.fn() };
  /** The request's query runner (TypeORM's), as the adapter hands it out. */
  const newRunner = () => {
    const runner = {
      isTransactionActive: false,
      connect: async () => client,
      startTransaction: async () => {
        calls.push('BEGIN');
        runner.isTransactionActive = true;
      },
      query: async (sql: string) => {
        if (sql === signInStatement(CLAIMS)) {
          calls.push('SIGN-IN');
          return [opts.signIn];
        }
        calls.push(sql === identityStatement(CALLER) ? 'IDENTITY' : sql === identityStatement(identityOf(USER)) ? 'IDENTITY OF USER' : sql);
        return [{ pid: 4242 }];
      },
    };
    return runner;
  };
  const host = {
    tx: { queryRunner: newRunner() },
    async withTransaction(options: { lazy?: boolean }, fn: () => Promise<unknown>) {
      if (opts.beginError) throw opts.beginError;
      const runner = newRunner();
      host.tx = { queryRunner: runner };
      if (!options.lazy) await runner.startTransaction();
      try {
        await fn();
      } catch (e) {
        if (runner.isTransactionActive) calls.push('ROLLBACK');
        throw e;
      }
      if (opts.commitError) throw opts.commitError;
      if (runner.isTransactionActive) calls.push('COMMIT');
    },
  };
  const db = {
    options: { extra: { max: opts.pool ?? 10 }, connectTimeoutMS: opts.connectTimeoutMS },
    query: jest.fn(async (_sql: string, _params: unknown[]) => [] as unknown[]),
  };
  const transactions = new RequestTransactions(host as unknown as TransactionHost<RequestTransactionAdapter>, db as unknown as DataSource);
  return { calls, client: client as unknown as SerialClient & { refuse: jest.Mock }, db, transactions };
}

const CALLER = { organisationId: 'org', employerIds: ['e1', 'e2'], userId: 'u1', caseBranchIds: [] };

const CLAIMS = { sub: '00000000-0000-4000-8000-000000000001', ver: 3 };
const GRANTS = {
  grants: [
    { branchId: 'b2', role: Role.BRANCH_SECRETARY, employerIds: ['e2', 'e1'] },
    { branchId: 'b1', role: Role.REP, employerIds: ['e3'] },
  ],
  patch: [],
};
const USER_ROW = { id: CLAIMS.sub, email: 'sec@example.org', displayName: 'Sec', organisationId: 'org', ...GRANTS };
const USER = authUser(USER_ROW);

/** What the sign-in statement answers: the user (unless none) and the identity it set, in identityParams' order. */
function signInRow(user: typeof USER_ROW | undefined, settings: string[]): SignInRow {
  const [organisationSetting, employersSetting, userSetting, caseBranchesSetting] = settings;
  return { pid: 4242, ...user, organisationSetting, employersSetting, userSetting, caseBranchesSetting };
}

const outage = () => Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED' });

describe('RequestTransactions', () => {
  beforeEach(() => jest.spyOn(Logger.prototype, 'warn').mockImplementation(() => undefined));
  afterEach(() => jest.restoreAllMocks());

  it('begins with the identity before the request runs, and commits when it finishes', async () => {
    const { calls, transactions } = fakeDatabase();
    const tx = new RequestTransaction('POST /graphql');
    const next = jest.fn(() => calls.push('request'));
    await transactions.begin(tx, CALLER, next);
    expect(calls).toEqual(['BEGIN', 'IDENTITY', 'request']);
    await tx.finish(false);
    expect(calls).toEqual(['BEGIN', 'IDENTITY', 'request', 'COMMIT']);
    await tx.finish(true); // a second ending changes nothing
    expect(calls.at(-1)).toBe('COMMIT');
  });

  it('rolls back when asked, without an error', async () => {
    const { calls, transactions } = fakeDatabase();
    const tx = new RequestTransaction('POST /graphql');
    await transactions.begin(tx, CALLER, () => undefined);
    await tx.finish(true);
    expect(calls).toEqual(['BEGIN', 'IDENTITY', 'ROLLBACK']);
  });

  it('says when the commit failed', async () => {
    const { transactions } = fakeDatabase({ commitError: outage() });
    const tx = new RequestTransaction('POST /graphql');
    await transactions.begin(tx, CALLER, () => undefined);
    await expect(tx.finish(false)).rejects.toThrow('ECONNREFUSED');
  });

  it('never runs the request when BEGIN could not reach the database, and has nothing to commit', async () => {
    const { calls, transactions } = fakeDatabase({ beginError: outage() });
    const tx = new RequestTransaction('POST /graphql');
    const next = jest.fn();
    await expect(transactions.begin(tx, CALLER, next)).rejects.toThrow('ECONNREFUSED');
    expect(next).not.toHaveBeenCalled();
    await tx.finish(false);
    expect(calls).toEqual([]);
  });

  it('stops a request whose client went away: refuses what is left, cancels the running statement, rolls back', async () => {
    const { calls, client, db, transactions } = fakeDatabase({ busy: true });
    const tx = new RequestTransaction('POST /graphql');
    await transactions.begin(tx, CALLER, () => undefined);
    transactions.closed(tx, { writableFinished: false } as never);
    await new Promise((resolve) => setImmediate(resolve));
    expect(tx.aborted).toBe(true);
    expect(client.refuse).toHaveBeenCalledTimes(1);
    expect(db.query).toHaveBeenCalledWith('SELECT pg_cancel_backend($1)', [4242]);
    expect(calls).toEqual(['BEGIN', 'IDENTITY', 'ROLLBACK']);
  });

  it('cancels nothing when no statement is running', async () => {
    const { client, db, transactions } = fakeDatabase({ busy: false });
    const tx = new RequestTransaction('POST /graphql');
    await transactions.begin(tx, CALLER, () => undefined);
    transactions.closed(tx, { writableFinished: false } as never);
    await new Promise((resolve) => setImmediate(resolve));
    expect(client.refuse).toHaveBeenCalledTimes(1);
    expect(db.query).not.toHaveBeenCalled();
  });

  it('rolls back, as a safety net, a transaction its request left open after answering', async () => {
    const { calls, transactions } = fakeDatabase();
    const tx = new RequestTransaction('POST /graphql');
    await transactions.begin(tx, CALLER, () => undefined);
    transactions.closed(tx, { writableFinished: true } as never);
    await new Promise((resolve) => setImmediate(resolve));
    expect(tx.aborted).toBe(false);
    expect(calls.at(-1)).toBe('ROLLBACK');
  });

  it('abandons, at shutdown, the transactions of requests still running', async () => {
    const { calls, transactions } = fakeDatabase();
    const tx = new RequestTransaction('POST /graphql');
    await transactions.begin(tx, CALLER, () => undefined);
    await transactions.onApplicationShutdown();
    expect(calls.at(-1)).toBe('ROLLBACK');
    await tx.finish(false); // the request ending afterwards changes nothing
    expect(calls.filter((c) => c === 'COMMIT')).toEqual([]);
  });

  it("begins a signed-in request with one statement that finds the token's user and sets their identity", async () => {
    const { calls, transactions } = fakeDatabase({ signIn: signInRow(USER_ROW, identityParams(identityOf(USER))) });
    const tx = new RequestTransaction('POST /graphql');
    const signedIn = jest.fn();
    await transactions.begin(tx, { claims: CLAIMS, signedIn }, () => calls.push('request'));
    expect(calls).toEqual(['BEGIN', 'SIGN-IN', 'request']);
    expect(signedIn).toHaveBeenCalledWith(USER);
    expect(tx.identity).toEqual({ organisationId: 'org', employerIds: ['e1', 'e2', 'e3'], userId: CLAIMS.sub, caseBranchIds: ['b2'] });
    await tx.finish(false);
  });

  it('goes on as nobody when the token names no active user, or a revoked session: the identity set is the anonymous one', async () => {
    const { calls, transactions } = fakeDatabase({ signIn: signInRow(undefined, ['', '', '', '']) });
    const tx = new RequestTransaction('POST /graphql');
    const signedIn = jest.fn();
    await transactions.begin(tx, { claims: CLAIMS, signedIn }, () => calls.push('request'));
    expect(calls).toEqual(['BEGIN', 'SIGN-IN', 'request']);
    expect(signedIn).toHaveBeenCalledWith(undefined);
    expect(tx.identity).toEqual(identityOf(undefined));
    await tx.finish(false);
  });

  it("sets identityOf's identity over the statement's should the two ever differ, and says so", async () => {
    const error = jest.spyOn(Logger.prototype, 'error').mockImplementation(() => undefined);
    const wrong = identityParams(identityOf(USER));
    wrong[1] = 'e1,e2'; // an employer short
    const { calls, transactions } = fakeDatabase({ signIn: signInRow(USER_ROW, wrong) });
    const tx = new RequestTransaction('POST /graphql');
    await transactions.begin(tx, { claims: CLAIMS, signedIn: () => undefined }, () => calls.push('request'));
    expect(calls).toEqual(['BEGIN', 'SIGN-IN', 'IDENTITY OF USER', 'request']);
    expect(tx.identity).toEqual(identityOf(USER));
    expect(error).toHaveBeenCalledTimes(1);
    await tx.finish(false);
  });

  it('begins nothing for an anonymous request, and takes no connection of its own for it', async () => {
    const { calls, transactions } = fakeDatabase({ pool: 3 });
    const held = new RequestTransaction('signed in');
    await transactions.begin(held, CALLER, () => undefined); // the one turn there is
    const anonymous = new RequestTransaction('POST /graphql');
    const next = jest.fn();
    await transactions.begin(anonymous, undefined, next);
    expect(next).toHaveBeenCalledTimes(1);
    expect(anonymous.open).toBe(true); // a login may still continue it as the user (continueAs)
    await anonymous.finish(false);
    await held.finish(false);
    expect(calls).toEqual(['BEGIN', 'IDENTITY', 'COMMIT']);
  });

  it('leaves two connections of the pool to work outside requests: the next request begins when one ends', async () => {
    const { transactions } = fakeDatabase({ pool: 4 });
    const [a, b, c] = ['a', 'b', 'c'].map((l) => new RequestTransaction(l));
    const entered: string[] = [];
    await transactions.begin(a, CALLER, () => entered.push('a'));
    await transactions.begin(b, CALLER, () => entered.push('b'));
    const third = transactions.begin(c, CALLER, () => entered.push('c'));
    await new Promise((resolve) => setImmediate(resolve));
    expect(entered).toEqual(['a', 'b']);
    await a.finish(false);
    await third;
    expect(entered).toEqual(['a', 'b', 'c']);
    await Promise.all([b.finish(false), c.finish(false)]);
  });

  it('gives up waiting for its turn after three connect timeouts, with an error that reads as an outage', async () => {
    const { transactions } = fakeDatabase({ pool: 3, connectTimeoutMS: 20 });
    const first = new RequestTransaction('first');
    await transactions.begin(first, CALLER, () => undefined);
    const next = jest.fn();
    const started = Date.now();
    const error = await transactions.begin(new RequestTransaction('second'), CALLER, next).then(() => undefined, (e: unknown) => e);
    expect(Date.now() - started).toBeGreaterThanOrEqual(3 * 20 - 2); // not before (a timer may fire a hair early)
    expect(isDatabaseUnavailable(error)).toBe(true);
    expect(next).not.toHaveBeenCalled();
    await first.finish(false);
  });
});
