import type { ApolloServerPlugin } from '@apollo/server';
import {
  type CallHandler, type ExecutionContext, Injectable, type NestInterceptor, ServiceUnavailableException,
} from '@nestjs/common';
import { Kind } from 'graphql';
import { catchError, concatMap, type Observable } from 'rxjs';
import type { GqlContext } from '../common/context.js';
import { DatabaseUnavailableError } from '../common/errors.js';
import type { RequestWithTransaction } from './request-transaction.js';
import { DATABASE_UNAVAILABLE_MESSAGE, logOutage, outageReason } from './unavailable.js';

/* How a request's transaction ends: GraphQL's in an Apollo plugin, plain HTTP routes' in an interceptor. */

/** The GraphQL root fields an operation selects, for the log. */
function rootFields(operation: { selectionSet: { selections: readonly { kind: string; name?: { value: string } }[] } }): string {
  return operation.selectionSet.selections.map((s) => (s.kind === Kind.FIELD ? s.name!.value : '…')).join(', ');
}

/** Ends the request's transaction just before the response goes out: rolled back if a mutation failed. */
export const requestTransactionPlugin: ApolloServerPlugin<GqlContext> = {
  async requestDidStart() {
    return {
      async didResolveOperation({ contextValue, operation }) {
        const tx = (contextValue.req as RequestWithTransaction | undefined)?.transaction;
        if (tx && operation) tx.label = rootFields(operation);
      },
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

/**
 * The same ending for plain HTTP routes (controllers): committed when the handler has finished and
 * before Nest writes its answer, rolled back when it threw. A handler that writes the response itself
 * (`@Res()`, a streamed download) calls `req.transaction.finish(false)` before it ends the response.
 */
@Injectable()
export class RequestTransactionInterceptor implements NestInterceptor {
  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    if (context.getType() !== 'http') return next.handle();
    const tx = context.switchToHttp().getRequest<RequestWithTransaction>().transaction;
    return next.handle().pipe(
      concatMap(async (value: unknown) => {
        try {
          await tx?.finish(false);
        } catch (e) {
          const reason = outageReason(e);
          if (!reason) throw e;
          logOutage(reason);
          throw new ServiceUnavailableException(DATABASE_UNAVAILABLE_MESSAGE);
        }
        return value;
      }),
      catchError(async (e: unknown) => {
        await tx?.finish(true).catch(() => undefined);
        throw e;
      }),
    );
  }
}
