import { applyDecorators, UseGuards } from '@nestjs/common';
import { ThrottlerGuard, ThrottlerModule } from '@nestjs/throttler';
import { AppConfig } from '../config/app-config.js';

/**
 * The rate limit of the routes outside GraphQL that take a credential in the link or a file (the
 * calendar feed, case documents): RATE_LIMIT_PER_MINUTE requests a minute per client address
 * (`req.ip`, so TRUST_PROXY must be set behind a proxy), counted in this process's memory by
 * @nestjs/throttler. GraphQL has its own limits (depth, cost, one login per request) and login its
 * own throttle in the database (auth/login-throttle.ts).
 */
export const RateLimitModule = ThrottlerModule.forRootAsync({
  inject: [AppConfig],
  useFactory: (config: AppConfig) => ({ throttlers: [{ name: 'default', ttl: 60_000, limit: config.RATE_LIMIT_PER_MINUTE }] }),
});

/** Puts a controller's routes under the rate limit (429 with Retry-After beyond it). */
export const RateLimited = () => applyDecorators(UseGuards(ThrottlerGuard));
