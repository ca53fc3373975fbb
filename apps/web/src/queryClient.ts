import { QueryClient } from '@tanstack/react-query';
import { HttpError } from 'react-admin';

/** How often a read that failed for a passing reason (server error, no network) is tried again. */
const RETRIES = 3;

/**
 * Whether a failed read is worth trying again. A refusal (4xx: bad input, forbidden, not found,
 * conflict) answers the same every time, so trying it again only keeps the loading indicator
 * spinning and the request repeating; a server error or a lost connection may pass.
 */
export function shouldRetry(failureCount: number, error: unknown): boolean {
  if (error instanceof HttpError && error.status >= 400 && error.status < 500) return false;
  return failureCount < RETRIES;
}

/** react-admin's query cache, with retries only where a retry can succeed. */
export const queryClient = new QueryClient({
  defaultOptions: { queries: { retry: shouldRetry } },
});
