import type { Request } from 'express';
import type { AuthUser } from '../auth/auth-user.js';
import type { DatabaseUnavailableError } from './errors.js';
import { RequestLoaders } from './loaders.js';

export interface GqlContext {
  /** databaseUnavailable: the bearer token's user could not be looked up (RequestTransactions.lookUp). */
  req: Request & { user?: AuthUser; databaseUnavailable?: DatabaseUnavailableError };
  loaders: RequestLoaders;
}
