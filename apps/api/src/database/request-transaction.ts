import { AsyncLocalStorage } from 'node:async_hooks';
import type { ApolloServerPlugin } from '@apollo/server';
import { Injectable, Logger, type NestMiddleware, type OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { NextFunction, Request, Response } from 'express';
import type { DataSource, QueryRunner, ReplicationMode } from 'typeorm';
import type { AuthUser } from '../auth/auth-user.js';
import type { GqlContext } from '../common/context.js';

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
  /** Every statement of the request, one after another, after BEGIN and the identity. */
  private queue: Promise<unknown> = Promise.resolve();
  private done = false;

  constructor(private readonly identity: DbIdentity) {}

  /**
   * The request's query runner, begun on first call. Its `query` waits its turn behind BEGIN and
   * set_config (whichever path reaches it: repositories, query builders, managers), and its
   * `release` does nothing: finish() releases it.
   */
  runner(create: (mode?: ReplicationMode) => QueryRunner): QueryRunner {
    if (this.done) throw new Error('the request transaction has already finished');
    if (this.real) return this.real;
    const real = create('master');
    this.real = real;
    const query = real.query.bind(real) as (...args: unknown[]) => Promise<unknown>;
    const { organisationId, employerIds, userId } = this.identity;
    this.queue = (async () => {
      await query('START TRANSACTION');
      await query(
        `SELECT set_config('rollcall.organisation_id', $1, true), set_config('rollcall.employer_ids', $2, true),
                set_config('rollcall.user_id', $3, true)`,
        [organisationId ?? '', employerIds.join(','), userId ?? ''],
      );
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
    const real = this.real;
    if (!real) return;
    try {
      await this.queue.catch(() => undefined);
      if (real.isTransactionActive) {
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

/** Routes TypeORM's query runners through the current request's transaction, when there is one. */
@Injectable()
export class RequestTransactionRouter implements OnModuleInit {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  onModuleInit(): void {
    const original = this.db.createQueryRunner.bind(this.db);
    this.db.createQueryRunner = (mode?: ReplicationMode) => storage.getStore()?.runner(original) ?? original(mode);
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
        await tx?.finish(failed && operation?.operation !== 'query');
      },
    };
  },
};
