import { createSecretKey } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { PassportStrategy } from '@nestjs/passport';
import { isUUID } from 'class-validator';
import { ExtractJwt, Strategy } from 'passport-jwt';
import { AppConfig } from '../config/app-config.js';
import type { TokenPayload } from './active-user.js';

/**
 * Bearer token on every request: signed by us, and it must expire. Whether its user still exists, is active and has
 * not revoked it (logout, password change) is the request's first statement (signInStatement, run as its transaction
 * begins: RequestContextMiddleware), so this reads nothing.
 */
@Injectable()
export class JwtStrategy extends PassportStrategy(Strategy, 'jwt') {
  constructor(@Inject(AppConfig) config: AppConfig) {
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

  validate(payload: TokenPayload & { exp?: unknown }): TokenPayload | false {
    // jsonwebtoken checks an expiry only when there is one: a token without one would never end.
    if (typeof payload.exp !== 'number' || typeof payload.sub !== 'string' || !isUUID(payload.sub) || !Number.isSafeInteger(payload.ver)) return false;
    return { sub: payload.sub, ver: payload.ver };
  }
}
