import { AsyncLocalStorage } from 'node:async_hooks';
import type { ApolloServerPlugin } from '@apollo/server';
import { Injectable, Logger, type NestMiddleware, type OnApplicationShutdown, type OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { NextFunction, Request, Response } from 'express';
import type { DataSource, QueryRunner, ReplicationMode } from 'typeorm';
import type { AuthUser } from '../auth/auth-user.js';
import type { GqlContext } from '../common/context.js';
import { DatabaseUnavailableError } from '../common/errors.js';
import { logOutage, outageReason } from './unavailable.js';

/** Who the database is told is asking: row-level security keys on it. */
export interface DbIdentity {
  organisationId: string | null;
  employerIds: string[];
  userId: string | null;
}

export function identityOf(user: AuthUser | undefined): DbIdentity {
  return user
    ? { organisationId: user.organisationId, employerIds: user.employerIds, userId: user.id }
    : { organisationId: null, employerIds: [], userId: null };
}

/** Tells the database who is asking, until the transaction ends (row-level security keys on it). */
export const IDENTITY_SQL = `SELECT set_config('rollcall.organisation_id', $1, true), set_config('rollcall.employer_ids', $2, true),
  set_config('rollcall.user_id', $3, true)`;

export function identityParams(identity: DbIdentity): string[] {
  return [identity.organisationId ?? '', identity.employerIds.join(','), identity.userId ?? ''];
}

/**
 * One database transaction per GraphQL request, opened on first use, with the caller's identity set
 * by `set_config(..., true)` (so it ends with the transaction and never leaks to the next user of
 * the pooled connection). Every query of the request, however it is issued, runs in it; a service's
 * own `transaction()` becomes a savepoint. Committed before the response is sent; rolled back when a
 * mutation failed, so a change and its audit entry land together or not at all.
 */
export class RequestTransaction {
  private real?: QueryRunner;
  private release?: () => Promise<void>;
  /** BEGIN and the identity: when they failed (the database is unreachable) there is nothing to commit. */
  private begun?: Promise<unknown>;
  /** Every statement of the request, one after another, after BEGIN and the identity. */
  private queue: Promise<unknown> = Promise.resolve();
  private done = false;
  /** The open transactions of the app, while this one is open (see RequestTransactionRouter). */
  private openSet?: Set<RequestTransaction>;

  constructor(private readonly identity: DbIdentity) {}

  /**
   * The request's query runner, begun on first call. Its `query` waits its turn behind BEGIN and
   * set_config (whichever path reaches it: repositories, query builders, managers), and its
   * `release` does nothing: finish() releases it.
   */
  runner(create: (mode?: ReplicationMode) => QueryRunner, open?: Set<RequestTransaction>): QueryRunner {
    if (this.done) throw new Error('the request transaction has already finished');
    if (this.real) return this.real;
    const real = create('master');
    this.real = real;
    this.openSet = open;
    open?.add(this);
    const query = real.query.bind(real) as (...args: unknown[]) => Promise<unknown>;
    const { organisationId, employerIds, userId } = this.identity;
    this.queue = this.begun = (async () => {
      await query('START TRANSACTION');
      await query(IDENTITY_SQL, identityParams({ organisationId, employerIds, userId }));
    })();
    // TypeORM sees a transaction already open: its own transactions become savepoints.
    const state = real as unknown as { isTransactionActive: boolean; transactionDepth: number };
    state.isTransactionActive = true;
    state.transactionDepth = 1;
    (real as unknown as { query: unknown }).query = (...args: unknown[]) => {
      const run = this.queue.then(() => query(...args));
      this.queue = run.catch(() => undefined);
      return run;
    };
    this.release = real.release.bind(real);
    real.release = async () => {};
    return real;
  }

  /** Commits (or rolls back) and returns the connection to the pool. Safe to call more than once. */
  async finish(rollback: boolean): Promise<void> {
    if (this.done) return;
    this.done = true;
    this.openSet?.delete(this);
    const real = this.real;
    if (!real) return;
    try {
      await this.queue.catch(() => undefined);
      const begun = await this.begun!.then(() => true, () => false);
      if (begun && real.isTransactionActive) {
        if (rollback) await real.rollbackTransaction();
        else await real.commitTransaction();
      }
    } catch (e) {
      await real.rollbackTransaction().catch(() => undefined);
      if (!rollback) throw e;
    } finally {
      await this.release!();
    }
  }

  /**
   * The app is shutting down under a request that has not finished: hand its connection back now
   * rather than when the request ends (its transaction is abandoned, which PostgreSQL rolls back),
   * so that TypeORM, closing the pool, does not spin on a query runner whose `release` does nothing.
   */
  async abort(): Promise<void> {
    if (this.done) return;
    this.done = true;
    this.openSet?.delete(this);
    // A connection still being made is handed back once made (or failed), not left to the pool to wait for.
    await this.real?.connect().catch(() => undefined);
    await this.release?.();
  }
}

const storage = new AsyncLocalStorage<RequestTransaction>();

export type RequestWithTransaction = Request & { user?: AuthUser; transaction?: RequestTransaction };

/** Opens the request's transaction context (after authentication has set req.user). */
@Injectable()
export class RequestTransactionMiddleware implements NestMiddleware {
  private readonly logger = new Logger('RequestTransaction');

  use(req: RequestWithTransaction, res: Response, next: NextFunction): void {
    const tx = new RequestTransaction(identityOf(req.user));
    req.transaction = tx;
    // Safety net: a request that ends without reaching the Apollo plugin must not hold a connection.
    res.on('close', () => tx.finish(true).catch((e: unknown) => this.logger.error(e)));
    storage.run(tx, next);
  }
}

/**
 * Routes TypeORM's query runners through the current request's transaction, when there is one. At
 * shutdown (after the HTTP server has closed, before TypeORM closes the pool: AppModule's hooks run
 * before TypeOrmCoreModule's) it abandons the transactions of requests still running.
 */
@Injectable()
export class RequestTransactionRouter implements OnModuleInit, OnApplicationShutdown {
  private readonly open = new Set<RequestTransaction>();

  constructor(@InjectDataSource() private readonly db: DataSource) {}

  onModuleInit(): void {
    const original = this.db.createQueryRunner.bind(this.db);
    this.db.createQueryRunner = (mode?: ReplicationMode) => storage.getStore()?.runner(original, this.open) ?? original(mode);
  }

  async onApplicationShutdown(): Promise<void> {
    await Promise.all([...this.open].map((tx) => tx.abort()));
  }
}

/** Runs `fn` outside any request transaction: for audit entries that must outlive a refused or failed request. */
export function outsideRequest<T>(fn: () => Promise<T>): Promise<T> {
  return storage.exit(fn);
}

/** Ends the request's transaction just before the response goes out: rolled back if a mutation failed. */
export const requestTransactionPlugin: ApolloServerPlugin<GqlContext> = {
  async requestDidStart() {
    return {
      async willSendResponse({ contextValue, response, operation }) {
        const tx = (contextValue.req as RequestWithTransaction | undefined)?.transaction;
        const failed = response.body.kind !== 'single' || !!response.body.singleResult.errors?.length;
        try {
          await tx?.finish(failed && operation?.operation !== 'query');
        } catch (e) {
          // The commit could not reach the database: nothing was saved, and the caller may try again.
          const reason = outageReason(e);
          if (!reason) throw e;
          logOutage(reason, operation?.name?.value);
          throw new DatabaseUnavailableError(e);
        }
      },
    };
  },
};
