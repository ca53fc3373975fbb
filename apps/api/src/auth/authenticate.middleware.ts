import { Injectable, type NestMiddleware } from '@nestjs/common';
import type { NextFunction, Request, Response } from 'express';
import passport from 'passport';
import { DatabaseUnavailableError } from '../common/errors.js';
import { isDatabaseUnavailable } from '../database/unavailable.js';
import type { AuthUser } from './auth-user.js';

/**
 * Runs passport's JWT strategy before GraphQL: sets req.user when the bearer token is valid and
 * leaves it unset otherwise. Refusing is the job of the Apollo plugin and the guard. When the user
 * could not be looked up because the database is unreachable, the token is not judged at all:
 * req.databaseUnavailable makes the plugin answer 503, so an outage never signs anyone out.
 */
@Injectable()
export class AuthenticateMiddleware implements NestMiddleware {
  use(req: Request & { user?: AuthUser; databaseUnavailable?: DatabaseUnavailableError }, res: Response, next: NextFunction): void {
    if (!req.headers.authorization) return next();
    passport.authenticate('jwt', { session: false }, (err: unknown, user: AuthUser | false) => {
      req.user = !err && user ? user : undefined;
      if (err && isDatabaseUnavailable(err)) req.databaseUnavailable = new DatabaseUnavailableError(err);
      next();
    })(req, res, next);
  }
}
