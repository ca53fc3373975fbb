import type { ApolloServerPlugin } from '@apollo/server';
import { Logger } from '@nestjs/common';

/**
 * Whether an error means "the database cannot be reached" (down, restarting, refusing connections,
 * or not answering in time) rather than "this request was wrong". Such a failure is answered with
 * 503 SERVICE_UNAVAILABLE: the caller's session is still good and the request may be tried again.
 */

/** Socket errors on the way to the server (Node's error codes). */
const SOCKET_CODES = new Set([
  'ECONNREFUSED', 'ECONNRESET', 'ECONNABORTED', 'ETIMEDOUT', 'EPIPE', 'EHOSTUNREACH', 'EHOSTDOWN',
  'ENETUNREACH', 'ENETDOWN', 'ENOTFOUND', 'EAI_AGAIN',
]);

/**
 * SQLSTATEs: class 08 (connection exception); 57P01/57P02 (terminated by an administrator's or a
 * crash's shutdown); 57P03 (starting up or shutting down); 53300 (no connection slot free).
 */
const SQLSTATE = /^(08[0-9A-Z]{3}|57P0[123]|53300)$/;

/** node-postgres and pg-pool say it in words only. */
const MESSAGES = [
  /^Connection terminated/, // unexpectedly, or due to a connection timeout
  /^timeout exceeded when trying to connect/, // pg-pool: no connection within connectionTimeoutMillis
  /^Client has encountered a connection error and is not queryable/,
  /^Client was closed and is not queryable/,
  /^Cannot use a pool after calling end on the pool/,
];

interface ErrorLike {
  code?: unknown;
  message?: unknown;
  extensions?: { code?: unknown };
  driverError?: unknown;
  originalError?: unknown;
  cause?: unknown;
  errors?: unknown;
}

/**
 * The one-line reason ("ECONNREFUSED: connect ECONNREFUSED 127.0.0.1:5432") when `error` (or what it
 * wraps: TypeORM's driverError, GraphQL's originalError, a cause, an AggregateError's errors) says
 * the database cannot be reached; undefined for any other error.
 */
export function outageReason(error: unknown, depth = 0): string | undefined {
  if (!error || typeof error !== 'object' || depth > 5) return undefined;
  const e = error as ErrorLike;
  const message = typeof e.message === 'string' ? e.message : '';
  if (e.extensions?.code === 'SERVICE_UNAVAILABLE') {
    // Our DatabaseUnavailableError keeps its cause's reason; GraphQL wraps it as the originalError.
    const reason = (error as { reason?: unknown }).reason;
    if (typeof reason === 'string') return reason;
    return (e.originalError !== error && outageReason(e.originalError, depth + 1)) || message || 'database unavailable';
  }
  const code = typeof e.code === 'string' ? e.code : undefined;
  if (code && (SOCKET_CODES.has(code) || SQLSTATE.test(code))) return `${code}: ${message}`;
  if (MESSAGES.some((m) => m.test(message))) return message;
  for (const inner of [e.driverError, e.originalError, e.cause]) {
    const reason = inner === error ? undefined : outageReason(inner, depth + 1);
    if (reason) return reason;
  }
  if (Array.isArray(e.errors)) {
    for (const inner of e.errors) {
      const reason = outageReason(inner, depth + 1);
      if (reason) return reason;
    }
  }
  return undefined;
}

export function isDatabaseUnavailable(error: unknown): boolean {
  return outageReason(error) !== undefined;
}

export const DATABASE_UNAVAILABLE_MESSAGE = "Rollcall can't reach its database; try again shortly";

const logger = new Logger('Database');

/** One line in the server's log per request the outage failed: never a stack, never SQL. */
export function logOutage(reason: string, operation?: string | null): void {
  logger.warn(`unavailable${operation ? ` (${operation})` : ''}: ${reason}`);
}

/**
 * Answers a request that failed because the database could not be reached with HTTP 503 and one
 * SERVICE_UNAVAILABLE error, wherever the failure surfaced (authentication, a resolver or its guard,
 * a field resolver, the request's transaction): no partial data, which the rolled-back transaction
 * no longer stands behind. Without a `data` key the Nest driver (which resets the status of
 * responses with data to 200) leaves the 503 alone, whichever of the two plugins runs first.
 */
export const databaseUnavailablePlugin: ApolloServerPlugin = {
  async requestDidStart() {
    let reason: string | undefined;
    return {
      async didEncounterErrors({ errors, operationName }) {
        if (reason) return;
        reason = errors.map((e) => outageReason(e)).find((r) => r !== undefined);
        if (reason) logOutage(reason, operationName);
      },
      async willSendResponse({ response }) {
        if (!reason || response.body.kind !== 'single') return;
        response.body.singleResult = { errors: [{ message: DATABASE_UNAVAILABLE_MESSAGE, extensions: { code: 'SERVICE_UNAVAILABLE' } }] };
        response.http.status = 503;
      },
    };
  },
};
