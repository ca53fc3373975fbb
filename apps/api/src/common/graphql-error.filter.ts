import { Catch } from '@nestjs/common';
import type { GqlExceptionFilter } from '@nestjs/graphql';
import { GraphQLError } from 'graphql';
import { isDatabaseUnavailable } from '../database/unavailable.js';
import { DatabaseUnavailableError } from './errors.js';

/**
 * Our own GraphQL errors (bad input, not found, refused) are answers, not faults: pass them on
 * unlogged. A database that cannot be reached is an answer too (503, logged in one line by the
 * outage plugin, not as a stack per request). Anything else is left to Nest (logged, then masked).
 */
@Catch()
export class GraphQLErrorFilter implements GqlExceptionFilter {
  catch(error: unknown): GraphQLError | undefined {
    if (error instanceof GraphQLError) return error;
    if (isDatabaseUnavailable(error)) return new DatabaseUnavailableError(error);
    return undefined;
  }
}
