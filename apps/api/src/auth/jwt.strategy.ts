import { createSecretKey } from 'node:crypto';
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
      // A key object, made once: given the string, jsonwebtoken tries (and fails) to read it as a public key on every
      // request before making the same secret key, which cost about 2 ms of CPU per request (issue 15's profile).
      // passport-jwt hands it to jsonwebtoken's verify unchanged, which takes a KeyObject; its types say string | Buffer.
      secretOrKey: createSecretKey(Buffer.from(config.JWT_SECRET!, 'utf8')) as unknown as Buffer,
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
