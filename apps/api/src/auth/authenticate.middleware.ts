import { Injectable, type NestMiddleware } from '@nestjs/common';
import type { NextFunction, Request, Response } from 'express';
import passport from 'passport';
import type { AuthUser } from './auth-user.js';

/**
 * Runs passport's JWT strategy before GraphQL: sets req.user when the bearer token is valid and
 * leaves it unset otherwise. Refusing is the job of the Apollo plugin and the guard.
 */
@Injectable()
export class AuthenticateMiddleware implements NestMiddleware {
  use(req: Request & { user?: AuthUser }, res: Response, next: NextFunction): void {
    if (!req.headers.authorization) return next();
    passport.authenticate('jwt', { session: false }, (err: unknown, user: AuthUser | false) => {
      req.user = !err && user ? user : undefined;
      next();
    })(req, res, next);
  }
}
