import type { Request, Response } from 'express';
import passport from 'passport';
import type { TokenPayload } from './active-user.js';

/**
 * Runs passport's JWT strategy (RequestContextMiddleware calls it first, before the request's
 * transaction begins): sets req.claims when the bearer token is ours and unexpired, and leaves it
 * unset otherwise. Whose it is, and whether still good, the transaction's first statement says
 * (signInStatement); refusing is the job of the Apollo plugin and the guard.
 */
export function authenticate(req: Request & { claims?: TokenPayload }, res: Response): Promise<void> {
  if (!req.headers.authorization) return Promise.resolve();
  return new Promise<void>((resolve) => {
    passport.authenticate('jwt', { session: false }, (err: unknown, claims: TokenPayload | false) => {
      req.claims = !err && claims ? claims : undefined;
      resolve();
    })(req, res, () => resolve());
  });
}
