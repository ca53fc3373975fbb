import { type ArgumentsHost, Catch } from '@nestjs/common';
import type { GqlContextType, GqlExceptionFilter } from '@nestjs/graphql';
import { GraphQLError } from 'graphql';
import { requestAborted } from '../database/request-transaction.js';
import { isDatabaseUnavailable } from '../database/unavailable.js';
import { DatabaseUnavailableError } from './errors.js';

/**
 * Our own GraphQL errors (bad input, not found, refused) are answers, not faults: pass them on
 * unlogged. A database that cannot be reached is an answer too (503, logged in one line by the
 * outage plugin, not as a stack per request). Anything else is left to Nest (logged, then masked).
 * Outside GraphQL (express middleware, e.g. a body too large) the exception goes back unchanged,
 * which Nest answers the usual way.
 */
@Catch()
export class GraphQLErrorFilter implements GqlExceptionFilter {
  catch(error: unknown, host: ArgumentsHost): unknown {
    if (host.getType<GqlContextType>() !== 'graphql') return error instanceof Error ? error : new Error(String(error));
    if (error instanceof GraphQLError) return error;
    // The client went away: what fails now is the echo of that (logged once), not a fault.
    if (requestAborted()) return error instanceof Error ? error : new Error(String(error));
    if (isDatabaseUnavailable(error)) return new DatabaseUnavailableError(error);
    return undefined;
  }
}
