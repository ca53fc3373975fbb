import { ApolloClient, ApolloLink, HttpLink, InMemoryCache } from '@apollo/client';
import { CombinedGraphQLErrors, ServerError } from '@apollo/client/errors';
import type { GraphQLFormattedError } from 'graphql';
import { HttpError } from 'react-admin';
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

/**
 * One Apollo client for the app. react-admin keeps its own query cache, so every operation runs
 * with `fetchPolicy: 'no-cache'` and Apollo's cache stays empty.
 */
export const apolloClient = new ApolloClient({
  link: ApolloLink.from([authLink, new HttpLink({ uri: '/graphql' })]),
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
};

function fromGraphQLErrors(errors: ReadonlyArray<GraphQLFormattedError>, fallbackStatus: number): HttpError {
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
    return new HttpError(error.message || `Server error (${error.statusCode})`, error.statusCode);
  }
  if (error instanceof Error) {
    return new HttpError(
      error.message === 'Failed to fetch' ? 'Cannot reach the Rollcall server' : error.message,
      0,
    );
  }
  return new HttpError('Unexpected error', 500);
}
