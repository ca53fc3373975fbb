import { ApolloClient, ApolloLink, HttpLink, InMemoryCache } from '@apollo/client';
import { CombinedGraphQLErrors, ServerError } from '@apollo/client/errors';
import { RetryLink } from '@apollo/client/link/retry';
import type { GraphQLFormattedError } from 'graphql';
import { HttpError } from 'react-admin';
import { setServerReachable } from './serverStatus';
import { getToken } from './session';

/** Adds the signed-in user's bearer token to every request. */
const authLink = new ApolloLink((operation, forward) => {
  const token = getToken();
  if (token) {
    operation.setContext(({ headers = {} }: { headers?: Record<string, string> }) => ({
      headers: { ...headers, authorization: `Bearer ${token}` },
    }));
  }
  return forward(operation);
});

/** Statuses that mean "the server (or its database) cannot answer now; try again later". */
const UNAVAILABLE_STATUSES = new Set([502, 503, 504]);

const CANNOT_REACH = "Can't reach the Rollcall server";

/** The request never reached the server (fetch failed: offline, refused, reset). */
export class ServerUnreachableError extends Error {
  constructor(cause: unknown) {
    super(CANNOT_REACH, { cause });
    this.name = 'ServerUnreachableError';
  }
}

/**
 * fetch for the HttpLink: tells the server status whether the server answered, and makes a
 * 502/503/504 an error (a ServerError, body kept) even when its body is a GraphQL response, so that
 * the RetryLink sees it.
 */
const statusFetch: typeof fetch = async (input, init) => {
  let response: Response;
  try {
    response = await fetch(input, init);
  } catch (error) {
    if (init?.signal?.aborted) throw error; // cancelled by the app, not a failure
    setServerReachable(false);
    throw new ServerUnreachableError(error);
  }
  if (UNAVAILABLE_STATUSES.has(response.status)) {
    setServerReachable(false);
    throw new ServerError(`Server unavailable (${response.status})`, { response, bodyText: await response.text() });
  }
  setServerReachable(true);
  return response;
};

/** A failure that may pass by itself: the server could not be reached, or said it cannot answer now. */
export function isUnavailable(error: unknown): boolean {
  if (ServerError.is(error)) return UNAVAILABLE_STATUSES.has(error.statusCode);
  return error instanceof ServerUnreachableError;
}

/**
 * Queries are tried again, with a growing delay, while the server cannot answer; mutations never
 * are (a change the server may have made already must not be sent twice blindly).
 */
const retryLink = new RetryLink({
  delay: { initial: 500, max: 4000, jitter: true },
  attempts: { max: 3, retryIf: (error, operation) => operation.operationType === 'query' && isUnavailable(error) },
});

/**
 * One Apollo client for the app. react-admin keeps its own query cache, so every operation runs
 * with `fetchPolicy: 'no-cache'` and Apollo's cache stays empty.
 */
export const apolloClient = new ApolloClient({
  link: ApolloLink.from([retryLink, authLink, new HttpLink({ uri: '/graphql', fetch: statusFetch })]),
  cache: new InMemoryCache(),
  defaultOptions: {
    query: { fetchPolicy: 'no-cache' },
    mutate: { fetchPolicy: 'no-cache' },
  },
});

const STATUS_BY_CODE: Record<string, number> = {
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  BAD_USER_INPUT: 400,
  GRAPHQL_VALIDATION_FAILED: 400,
  CONFLICT: 409,
  SERVICE_UNAVAILABLE: 503,
};

function fromGraphQLErrors(errors: ReadonlyArray<GraphQLFormattedError>, fallbackStatus: number): HttpError {
  // The server could not check the session (its database is down): never a reason to sign out.
  const unavailable = errors.find((e) => e.extensions?.code === 'SERVICE_UNAVAILABLE');
  if (unavailable) return new HttpError(unavailable.message || CANNOT_REACH, 503);
  // An expired session wins over anything else so that react-admin logs the user out.
  const unauthenticated = errors.find((e) => e.extensions?.code === 'UNAUTHENTICATED');
  if (unauthenticated) return new HttpError(unauthenticated.message || 'Please sign in again', 401);
  const first = errors[0];
  const code = typeof first?.extensions?.code === 'string' ? first.extensions.code : '';
  const status = STATUS_BY_CODE[code] ?? fallbackStatus;
  const fields = first?.extensions?.fields;
  if (code === 'BAD_USER_INPUT' && fields && typeof fields === 'object') {
    // A refusal about the record itself (`id`: "cannot delete: …") has no input to show on.
    const keys = Object.keys(fields);
    const about = (fields as Record<string, unknown>).id;
    if (keys.length === 1 && typeof about === 'string') {
      return new HttpError(about.charAt(0).toUpperCase() + about.slice(1), 400);
    }
    // react-admin puts body.errors next to the matching form inputs (pessimistic mode).
    return new HttpError(first.message || 'Please correct the highlighted fields', 400, { errors: fields });
  }
  return new HttpError(first?.message || 'The server refused the request', status);
}

/** The data of an Apollo call, or what it threw as a react-admin HttpError (no data at all is an error too). */
export async function dataOf<T>(call: () => Promise<{ data?: T | null }>): Promise<T> {
  try {
    const { data } = await call();
    if (!data) throw new Error('The server returned no data');
    return data;
  } catch (error) {
    throw toHttpError(error);
  }
}

/** Turns whatever Apollo threw into a react-admin HttpError with a meaningful status. */
export function toHttpError(error: unknown): Error {
  if (error instanceof HttpError) return error;
  if (CombinedGraphQLErrors.is(error)) return fromGraphQLErrors(error.errors, 500);
  if (ServerError.is(error)) {
    try {
      const body = JSON.parse(error.bodyText) as { errors?: GraphQLFormattedError[] };
      if (Array.isArray(body.errors) && body.errors.length > 0) {
        return fromGraphQLErrors(body.errors, error.statusCode);
      }
    } catch {
      // not JSON: fall through
    }
    if (UNAVAILABLE_STATUSES.has(error.statusCode)) return new HttpError(CANNOT_REACH, error.statusCode);
    return new HttpError(error.message || `Server error (${error.statusCode})`, error.statusCode);
  }
  if (error instanceof Error) return new HttpError(error.message, 0);
  return new HttpError('Unexpected error', 500);
}
