import type { Request, Response } from 'express';
import passport from 'passport';
import { DatabaseUnavailableError } from '../common/errors.js';
import { isDatabaseUnavailable } from '../database/unavailable.js';
import type { AuthUser } from './auth-user.js';

/**
 * Runs passport's JWT strategy (RequestContextMiddleware calls it first, before the request's
 * transaction begins with the caller's identity): sets req.user when the bearer token is valid and
 * leaves it unset otherwise. Refusing is the job of the Apollo plugin and the guard. When the user
 * could not be looked up because the database is unreachable, the token is not judged at all:
 * req.databaseUnavailable makes the plugin answer 503, so an outage never signs anyone out.
 */
export function authenticate(req: Request & { user?: AuthUser; databaseUnavailable?: DatabaseUnavailableError }, res: Response): Promise<void> {
  if (!req.headers.authorization) return Promise.resolve();
  return new Promise<void>((resolve) => {
    passport.authenticate('jwt', { session: false }, (err: unknown, user: AuthUser | false) => {
      req.user = !err && user ? user : undefined;
      if (err && isDatabaseUnavailable(err)) req.databaseUnavailable = new DatabaseUnavailableError(err);
      resolve();
    })(req, res, () => resolve());
  });
}
