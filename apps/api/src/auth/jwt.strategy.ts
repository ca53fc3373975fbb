import { Inject, Injectable } from '@nestjs/common';
import { PassportStrategy } from '@nestjs/passport';
import { ExtractJwt, Strategy } from 'passport-jwt';
import { AppConfig } from '../config/app-config.js';
import type { AuthUser } from './auth-user.js';
import { AuthService, type TokenPayload } from './auth.service.js';

/** Bearer token on every request: it must expire, and its user must still exist and be active. */
@Injectable()
export class JwtStrategy extends PassportStrategy(Strategy, 'jwt') {
  constructor(@Inject(AppConfig) config: AppConfig, private readonly auth: AuthService) {
    super({
      jwtFromRequest: ExtractJwt.fromAuthHeaderAsBearerToken(),
      secretOrKey: config.JWT_SECRET!,
      algorithms: ['HS256'],
      ignoreExpiration: false,
    });
  }

  async validate(payload: TokenPayload & { exp?: unknown }): Promise<AuthUser | false> {
    // jsonwebtoken checks an expiry only when there is one: a token without one would never end.
    if (typeof payload.exp !== 'number' || typeof payload.sub !== 'string' || typeof payload.ver !== 'number') return false;
    return (await this.auth.findActive(payload)) ?? false;
  }
}
