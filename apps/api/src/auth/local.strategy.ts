import { Injectable } from '@nestjs/common';
import { PassportStrategy } from '@nestjs/passport';
import { Strategy } from 'passport-local';
import { UnauthenticatedError } from '../common/errors.js';
import type { AuthUser } from './auth-user.js';
import { AuthService } from './auth.service.js';

/** Email and password, checked against the argon2id hash. One generic message for every failure. */
@Injectable()
export class LocalStrategy extends PassportStrategy(Strategy, 'local') {
  constructor(private readonly auth: AuthService) {
    super({ usernameField: 'email', passwordField: 'password' });
  }

  async validate(email: string, password: string): Promise<AuthUser> {
    const user = await this.auth.validateCredentials(email, password);
    if (!user) throw new UnauthenticatedError('Email or password is incorrect');
    return user;
  }
}
