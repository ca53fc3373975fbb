import { type CanActivate, type ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { GqlExecutionContext } from '@nestjs/graphql';
import { type Permission, PERMISSION_KEY, PUBLIC_KEY, roleHas } from '../access/permissions.js';
import { ForbiddenError, UnauthenticatedError } from '../common/errors.js';
import type { GqlContext } from '../common/context.js';

/**
 * Global guard, deny by default: a resolver runs only if it is @Public, or the caller is logged in
 * and their role has the permission the resolver names with @Can. A resolver naming nothing is refused.
 */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(private readonly reflector: Reflector) {}

  canActivate(context: ExecutionContext): boolean {
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(PUBLIC_KEY, targets)) return true;
    const user = GqlExecutionContext.create(context).getContext<GqlContext>().req?.user;
    if (!user) throw new UnauthenticatedError();
    const permission = this.reflector.getAllAndOverride<Permission | undefined>(PERMISSION_KEY, targets);
    if (!permission || !roleHas(user.role, permission)) throw new ForbiddenError();
    return true;
  }
}
