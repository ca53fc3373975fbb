import { Injectable } from '@nestjs/common';
import { PassportStrategy } from '@nestjs/passport';
import type { Request } from 'express';
import { Strategy } from 'passport-local';
import { UnauthenticatedError } from '../common/errors.js';
import type { AuthUser } from './auth-user.js';
import { AuthService } from './auth.service.js';
import { LoginThrottle } from './login-throttle.js';
import { AuditAction } from '../audit/audit-event.entity.js';
import { AuditService } from '../audit/audit.service.js';
import { outsideRequest } from '../database/request-transaction.js';

/**
 * Email and password, checked against the argon2id hash. One generic message for every failure.
 * Their lengths were checked before (LocalAuthGuard); the throttle counts the attempt before argon2 runs.
 */
@Injectable()
export class LocalStrategy extends PassportStrategy(Strategy, 'local') {
  constructor(
    private readonly auth: AuthService,
    private readonly throttle: LoginThrottle,
    private readonly audit: AuditService,
  ) {
    super({ usernameField: 'email', passwordField: 'password', passReqToCallback: true });
  }

  async validate(req: Request, email: string, password: string): Promise<AuthUser> {
    const account = email.trim().toLowerCase();
    const address = req.ip ?? 'unknown';
    await this.throttle.attempt(account, address);
    // Outside the request's transaction: a login holds no pooled connection while it waits for another
    // (the throttle's, the audit log's). Ten parallel wrong guesses used to hold every connection of the
    // pool, each waiting for one more: the whole API hung.
    const user = await outsideRequest(() => this.auth.validateCredentials(account, password));
    if (!user) {
      await this.throttle.failed(account, address);
      await this.audit.record({
        action: AuditAction.LOGIN_FAILED, actorEmail: account, ip: address,
        organisationId: await outsideRequest(() => this.auth.organisationOfEmail(account)),
      }, { durable: true });
      throw new UnauthenticatedError('Email or password is incorrect');
    }
    await this.throttle.succeeded(account, address);
    await this.audit.record({ action: AuditAction.LOGIN_SUCCEEDED, user, ip: address });
    return user;
  }
}
