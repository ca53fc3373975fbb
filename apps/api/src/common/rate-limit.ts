import { applyDecorators, Injectable, UseGuards } from '@nestjs/common';
import { ThrottlerGuard, ThrottlerModule } from '@nestjs/throttler';
import type { Request } from 'express';
import type { AuthUser } from '../auth/auth-user.js';
import { AppConfig } from '../config/app-config.js';

/**
 * The rate limit of the routes outside GraphQL that take a file or a credential in the link (case
 * documents, the calendar feed): RATE_LIMIT_PER_MINUTE requests a minute, counted in this process's
 * memory by @nestjs/throttler. GraphQL has its own limits (depth, cost, one login per request) and
 * login its own throttle in the database (auth/login-throttle.ts).
 */
export const RateLimitModule = ThrottlerModule.forRootAsync({
  inject: [AppConfig],
  useFactory: (config: AppConfig) => ({ throttlers: [{ name: 'default', ttl: 60_000, limit: config.RATE_LIMIT_PER_MINUTE }] }),
});

/**
 * Counts per signed-in user, never per address alone: a whole hospital can sit behind one NHS
 * address. A request without a user (a calendar feed) counts per address and link, so one leaked
 * link polled hard is stopped without stopping everyone else's.
 */
@Injectable()
export class RateLimitGuard extends ThrottlerGuard {
  protected override getTracker(req: Record<string, unknown>): Promise<string> {
    const { user, ip, path } = req as unknown as Request & { user?: AuthUser };
    return Promise.resolve(user ? `user:${user.id}` : `ip:${ip ?? ''}:${path}`);
  }
}

/** Puts a controller's routes under the rate limit (429, with Retry-After, beyond it). */
export const RateLimited = () => applyDecorators(UseGuards(RateLimitGuard));
