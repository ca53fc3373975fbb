import { Injectable, Logger, type NestMiddleware, type OnApplicationShutdown } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { TransactionHost } from '@nestjs-cls/transactional';
import type { NextFunction, Request, Response } from 'express';
import { ClsService, ClsServiceManager } from 'nestjs-cls';
import pg from 'pg';
import type { DataSource, EntityManager } from 'typeorm';
import type { AuthUser } from '../auth/auth-user.js';
import { findActiveUser, settingsOf, signedInUser, signInStatement, type SignInRow, type TokenPayload } from '../auth/active-user.js';
import { authenticate } from '../auth/authenticate.js';
import { DatabaseUnavailableError } from '../common/errors.js';
import { caseOfficerBranches } from '../access/case-rules.js';
import { Slots, RESERVED_CONNECTIONS } from './connection-slots.js';
import type { RequestTransactionAdapter } from './request-transaction-adapter.js';
import type { SerialClient } from './serial-client.js';
import { DATABASE_UNAVAILABLE_MESSAGE, isDatabaseUnavailable, logOutage, outageReason } from './unavailable.js';

/** How many connect timeouts a signed-in request may wait for its turn (see RequestTransactions). */
export const QUEUE_TIMEOUTS = 3;

/** Who the database is told is asking: row-level security keys on it. */
export interface DbIdentity {
  organisationId: string | null;
  employerIds: string[];
  userId: string | null;
  /** Branches whose every case the caller reads (secretary or admin there); other cases only through their team. */
  caseBranchIds: string[];
}

export function identityOf(user: AuthUser | undefined): DbIdentity {
  return user
    ? { organisationId: user.organisationId, employerIds: user.employerIds, userId: user.id, caseBranchIds: caseOfficerBranches(user) }
    : { organisationId: null, employerIds: [], userId: null, caseBranchIds: [] };
}

/**
 * The request transaction's first statement, right after START TRANSACTION: the caller's identity,
 * local to the transaction (`true`: it ends with it, so it never reaches the next user of the pooled
 * connection), and the connection's server process, to cancel a statement of a request its client
 * dropped.
 */
export const IDENTITY_SQL = `SELECT pg_backend_pid() AS pid, set_config('rollcall.organisation_id', $1, true),
  set_config('rollcall.employer_ids', $2, true), set_config('rollcall.user_id', $3, true),
  set_config('rollcall.case_branch_ids', $4, true)`;

export function identityParams({ organisationId, employerIds, userId, caseBranchIds }: DbIdentity): string[] {
  return [organisationId ?? '', employerIds.join(','), userId ?? '', caseBranchIds.join(',')];
}

/**
 * IDENTITY_SQL with its values written in as literals (pg's escapeLiteral): a statement without
 * parameters, which START TRANSACTION travels with, in one round trip (see SerialClient).
 */
export function identityStatement(identity: DbIdentity): string {
  const values = identityParams(identity);
  return IDENTITY_SQL.replace(/\$(\d)/g, (_, i: string) => pg.escapeLiteral(values[Number(i) - 1]));
}

/** Why a request's statements stop: its client went away (or the app is stopping). Never shown to anyone. */
export class RequestAbortedError extends Error {
  constructor() {
    super('the request was aborted');
  }
}

/** The body's way of saying "roll back" to the transaction library (which rolls back on a rejection). */
class RollBack extends Error {}

/** The CLS key of the current request's RequestTransaction. */
const REQUEST = Symbol('rollcall.request');

/**
 * One HTTP request's database transaction, opened by RequestContextMiddleware before the request
 * reaches a resolver or a controller: for a signed-in caller, begun at once with the caller's
 * identity as its first statement; for an anonymous one (who can only sign in, and does that on
 * connections of its own), lazy, until a login continues the request as the user (continueAs). It is
 * nestjs-cls's transaction (TransactionHost.withTransaction, RequestTransactionAdapter): every
 * repository, query builder, manager and raw query of the request reaches it through
 * TransactionHost; a service's own `transaction()` becomes a savepoint. Committed just before the
 * response goes out (or rolled back when a mutation failed), so a change and its audit entry land
 * together or not at all.
 */
export class RequestTransaction {
  readonly startedAt = Date.now();
  /** Whether the client went away (or the app is stopping) before the answer was sent. */
  aborted = false;
  private finished = false;
  private body?: { resolve: () => void; reject: (e: Error) => void };
  private outcome?: Promise<void>;
  private connection?: { client: SerialClient; pid: number };

  /** Who is asking: anonymous until the bearer token has been checked. */
  identity: DbIdentity = identityOf(undefined);

  /** `label`: what the request does, for the log (the GraphQL root fields, once known; else the route). */
  constructor(public label: string) {}

  /** The transaction of the request running here (undefined outside requests). */
  static current(): RequestTransaction | undefined {
    const cls = ClsServiceManager.getClsService();
    return cls.isActive() ? cls.get<RequestTransaction | undefined>(REQUEST) : undefined;
  }

  /** Whether the request runs in the library's transaction (begun, or lazy) and has not ended it. */
  get open(): boolean {
    return !!this.body && !this.finished;
  }

  /** The transaction began on this connection, with this identity: after START TRANSACTION and IDENTITY_SQL. */
  connected(client: SerialClient, pid: number, identity: DbIdentity): void {
    this.connection = { client, pid };
    this.identity = identity;
  }

  /** Called inside the library's transaction (begun, or lazy), before the rest of the request runs. */
  started(body: RequestTransaction['body'], outcome: Promise<unknown>): void {
    this.body = body;
    this.outcome = outcome.then(() => undefined, (e: unknown) => {
      if (e instanceof RollBack) return;
      throw e;
    });
    // Nobody may wait for the outcome (the client is gone): a failed commit must not go unhandled.
    this.outcome.catch(() => undefined);
  }

  /**
   * Commits (or rolls back) and returns the connection to the pool; throws when the commit failed.
   * Does nothing for a request without a transaction, or the second time.
   */
  async finish(rollback: boolean): Promise<void> {
    if (this.finished) return;
    this.finished = true;
    if (!this.body) return;
    if (rollback) this.body.reject(new RollBack());
    else this.body.resolve();
    await this.outcome;
  }

  /**
   * Stops the request's database work: statements not yet sent fail unsent, the one running is
   * cancelled (pg_cancel_backend on the connection's server process, from another connection), and
   * the transaction is rolled back once the cancel is delivered. `cancel` runs SQL outside the request.
   */
  async stop(cancel: (pid: number) => Promise<unknown>): Promise<void> {
    this.aborted = true;
    if (!this.open) return;
    if (this.connection) {
      const { client, pid } = this.connection;
      const cancelled = client.busy ? cancel(pid) : Promise.resolve();
      client.refuse(new RequestAbortedError(), cancelled);
    }
    await this.finish(true).catch(() => undefined);
  }
}

/** Whether the request running here was aborted: its errors are the abort's echo, not faults to log. */
export function requestAborted(): boolean {
  return RequestTransaction.current()?.aborted ?? false;
}

export type RequestWithTransaction = Request & {
  user?: AuthUser;
  /** The bearer token's claims, once its signature and expiry are checked (authenticate). */
  claims?: TokenPayload;
  /** The token's user could not be looked up: the database is unreachable (see lookUp). */
  databaseUnavailable?: DatabaseUnavailableError;
  transaction?: RequestTransaction;
};

/** A signed-in request's transaction begins as the user its bearer token names, found by its first statement. */
export interface SignIn {
  claims: TokenPayload;
  /** Told whom the token named: undefined when nobody (gone, inactive, or the token revoked). */
  signedIn(user: AuthUser | undefined): void;
}

/** Opens request transactions, stops those of requests whose client went away, and those still open at shutdown. */
@Injectable()
export class RequestTransactions implements OnApplicationShutdown {
  private readonly logger = new Logger('Request');
  private readonly running = new Set<RequestTransaction>();
  private readonly slots: Slots;
  private readonly waitMs: number;

  constructor(
    private readonly txHost: TransactionHost<RequestTransactionAdapter>,
    @InjectDataSource() private readonly db: DataSource,
  ) {
    const options = (db.options ?? {}) as { extra?: { max?: number }; poolSize?: number; connectTimeoutMS?: number };
    const pool = options.extra?.max ?? options.poolSize ?? 10;
    this.slots = new Slots(Math.max(1, pool - RESERVED_CONNECTIONS));
    // Waiting for a turn is queueing behind this server's own requests, not a sign that the database
    // is gone (that shows as a connection that does not come within the connect timeout): a busy
    // moment gets three connect timeouts (30 s by default) before it is answered 503.
    this.waitMs = QUEUE_TIMEOUTS * (options.connectTimeoutMS || 10_000);
  }

  /**
   * Runs `next` (the rest of the request) inside a new transaction that begins with the identity: `who`'s, or, for a
   * bearer token's claims, that of the user they name, found and set in one statement (SignIn).
   * Resolves once `next` has been called; rejects when BEGIN or the identity failed (nothing ran),
   * or when the client went away meanwhile (`tx.aborted`).
   */
  async begin(tx: RequestTransaction, who: DbIdentity | SignIn | undefined, next: () => void): Promise<void> {
    const release = who ? await this.slots.take(this.waitMs) : () => undefined;
    if (tx.aborted) {
      release();
      throw new RequestAbortedError();
    }
    await new Promise<void>((entered, failed) => {
      let inside = false;
      // What the library's transaction comes to (committed, rolled back, failed), once it has been asked for.
      let known!: (outcome: Promise<unknown>) => void;
      const later = new Promise<unknown>((resolve) => { known = resolve; });
      later.catch(() => undefined); // a BEGIN that failed is answered through `failed`
      const outcome = this.txHost.withTransaction(who ? {} : { lazy: true }, async () => {
        if (who) await begun(this.txHost.tx, tx, who);
        if (tx.aborted) throw new RequestAbortedError();
        const body = new Promise<void>((resolve, reject) => {
          tx.started({ resolve, reject }, later);
        });
        inside = true;
        this.running.add(tx);
        entered();
        next();
        await body;
      });
      known(outcome);
      void outcome.then(
        () => {
          this.running.delete(tx);
          release();
        },
        (e: unknown) => {
          this.running.delete(tx);
          release();
          if (!inside) failed(e);
        },
      );
    });
  }

  /**
   * The user a token names, for a request whose transaction begins later (a file upload's), on a connection of its
   * own. When the database is unreachable the token is not judged at all: req.databaseUnavailable makes the Apollo
   * plugin and the guard answer 503, so an outage never signs anyone out.
   */
  async lookUp(req: RequestWithTransaction, claims: TokenPayload): Promise<void> {
    try {
      req.user = (await findActiveUser(this.db, claims)) ?? undefined;
    } catch (e) {
      if (!isDatabaseUnavailable(e)) throw e;
      req.databaseUnavailable = new DatabaseUnavailableError(e);
    }
  }

  /** The response has gone, or its client has: a request still running there was aborted. */
  closed(tx: RequestTransaction, res: Response): void {
    if (res.writableFinished) {
      // Safety net: a request that ended without finishing its transaction (no plugin, no interceptor) rolls back.
      void tx.finish(true).catch(() => undefined);
      return;
    }
    if (tx.aborted) return;
    this.logger.warn(`aborted by the client after ${Date.now() - tx.startedAt} ms: ${tx.label}`);
    void tx.stop((pid) => this.cancel(pid));
  }

  /** At shutdown, after the HTTP server has closed and before TypeORM closes the pool (AppModule's hooks run first). */
  async onApplicationShutdown(): Promise<void> {
    await Promise.all([...this.running].map((tx) => tx.stop((pid) => this.cancel(pid))));
  }

  /** Cancels the statement the server process `pid` is running, from a connection outside any request. */
  private cancel(pid: number): Promise<unknown> {
    return this.db.query('SELECT pg_cancel_backend($1)', [pid]).catch(() => undefined);
  }
}

/**
 * The request's context, for every route: the bearer token's claims (signature and expiry), then the
 * transaction, whose first statement finds the caller they name and sets that caller's identity, in this
 * order, in one place. Everything after it (GraphQL, controllers) runs inside the transaction. Requests
 * with a good token hold their connection from start to end, at most the pool less RESERVED_CONNECTIONS
 * at once; an anonymous request holds one only once a login has continued it as the user (after the
 * login's own work, which needs connections of its own, is done).
 */
@Injectable()
export class RequestContextMiddleware implements NestMiddleware {
  constructor(private readonly cls: ClsService, private readonly transactions: RequestTransactions) {}

  use(req: RequestWithTransaction, res: Response, next: NextFunction): void {
    this.cls.run(() => {
      this.enter(req, res, next).catch(next);
    });
  }

  private async enter(req: RequestWithTransaction, res: Response, next: NextFunction): Promise<void> {
    const tx = new RequestTransaction(`${req.method} ${req.path}`);
    req.transaction = tx;
    this.cls.set(REQUEST, tx);
    res.on('close', () => this.transactions.closed(tx, res));
    await authenticate(req, res);
    if (tx.aborted) return;
    // A file upload's body is read after this (multer, in its route's interceptor), however slowly a
    // phone sends it: its transaction begins as the caller only once the body is in (the route calls
    // continueAs), so no connection is held meanwhile. Until then it is an anonymous request's: what
    // runs sees nothing under row-level security. Its caller is looked up now, on a connection of its
    // own, for the route's guard; every other signed-in request's is its transaction's first statement.
    const deferred = typeof req.is('multipart/form-data') === 'string';
    if (req.claims && deferred) await this.transactions.lookUp(req, req.claims);
    if (tx.aborted) return;
    const signIn: SignIn | undefined = req.claims && !deferred ? { claims: req.claims, signedIn: (user) => { req.user = user; } } : undefined;
    try {
      await this.transactions.begin(tx, signIn, next);
    } catch (e) {
      if (tx.aborted) return; // the client went away before the request began: nothing to answer
      const reason = outageReason(e);
      if (!reason) throw e;
      // The token was good, but the database went away before the transaction began: 503, as anywhere else.
      logOutage(reason);
      res.status(503).json({ errors: [{ message: DATABASE_UNAVAILABLE_MESSAGE, extensions: { code: 'SERVICE_UNAVAILABLE' } }] });
    }
  }
}

/**
 * Begins the transaction on the request's connection (if not yet) and tells it who is asking, first: `who`, or the
 * user a bearer token names (signInStatement: found and set in one statement, START TRANSACTION with it). What that
 * statement set is checked against identityOf, the rule: should they ever differ, identityOf's is set over it.
 */
async function begun(manager: EntityManager, tx: RequestTransaction, who: DbIdentity | SignIn): Promise<void> {
  const runner = manager.queryRunner!;
  if (!runner.isTransactionActive) await runner.startTransaction();
  const client = (await runner.connect()) as SerialClient;
  if ('claims' in who) {
    const [row] = (await runner.query(signInStatement(who.claims))) as SignInRow[];
    const user = signedInUser(row);
    const identity = identityOf(user);
    if (settingsOf(row).join('\n') !== identityParams(identity).join('\n')) {
      new Logger('Request').error('the sign-in statement set another identity than identityOf: set again from identityOf');
      await runner.query(identityStatement(identity));
    }
    tx.connected(client, row.pid, identity);
    who.signedIn(user);
    return;
  }
  const [{ pid }] = (await runner.query(identityStatement(who))) as { pid: number }[];
  tx.connected(client, pid, who);
}

/**
 * The rest of the request runs as `user`, in one transaction from here: for a login, which began
 * anonymous (its answer, the user's branches, is read under row-level security as that user).
 */
export async function continueAs(user: AuthUser): Promise<void> {
  const tx = RequestTransaction.current();
  if (!tx?.open) throw new Error('continueAs runs inside a request');
  await begun(TransactionHost.getInstance<RequestTransactionAdapter>().tx, tx, identityOf(user));
}

/**
 * Runs `fn` outside the request's transaction (on a connection of its own): for audit entries that
 * must outlive a refused or failed request, and for logins. Outside a Nest app there is nothing to leave.
 */
export function outsideRequest<T>(fn: () => Promise<T>): Promise<T> {
  let host: TransactionHost | undefined;
  try {
    host = TransactionHost.getInstance();
  } catch {
    return fn();
  }
  return host.withoutTransaction(fn);
}

/**
 * Runs `work` in a transaction of its own (outside any request's, on a connection of its own) as
 * `identity`: row-level security binds it as it binds that caller's requests. Committed if `work`
 * returns, rolled back if it throws. For what a request or a job must commit on its own: an upload's
 * staged rows, an apply's progress.
 */
export function asIdentity<T>(ds: DataSource, identity: DbIdentity, work: (m: EntityManager) => Promise<T>): Promise<T> {
  return outsideRequest(() => ds.transaction(async (m) => {
    await m.query(identityStatement(identity));
    return work(m);
  }));
}

/**
 * Runs `work` in a transaction of its own (outside any request's) as one whole organisation, whoever
 * asked: first as the organisation with no employers (its map only: employer rows are the
 * organisation's, not a branch's) to read its employer ids, then with every one of them (all its
 * people, and no one else's; row-level security still binds it to that one organisation). For the
 * jobs that count or publish an organisation (density snapshot, rollup, coalition). `db`: the app's
 * data source, or its TransactionHost when `work` calls services that join the current transaction.
 */
export function asWholeOrganisation<T>(db: DataSource | TransactionHost, organisationId: string, work: (m: EntityManager, employerIds: string[]) => Promise<T>): Promise<T> {
  const whole = async (m: EntityManager): Promise<T> => {
    await m.query(identityStatement({ organisationId, employerIds: [], userId: null, caseBranchIds: [] }));
    const employerIds = (await m.query<{ id: string }[]>('SELECT id FROM employer WHERE organisation_id = $1', [organisationId])).map((e) => e.id);
    await m.query(identityStatement({ organisationId, employerIds, userId: null, caseBranchIds: [] }));
    return work(m, employerIds);
  };
  return outsideRequest(() => (db instanceof TransactionHost ? db.withTransaction(() => whole(db.tx as EntityManager)) : db.transaction(whole)));
}

/** Runs `work` for every organisation in turn (in id order), listed outside any request's transaction: a job's loop. */
export async function forEachOrganisation(ds: DataSource, work: (organisationId: string) => Promise<unknown>): Promise<void> {
  const orgs = await outsideRequest(() => ds.query<{ id: string }[]>('SELECT id FROM organisation ORDER BY id'));
  for (const { id } of orgs) await work(id);
}
