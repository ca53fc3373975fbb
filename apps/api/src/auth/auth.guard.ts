import { type CanActivate, type ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { GqlExecutionContext } from '@nestjs/graphql';
import { Permission, PERMISSION_KEY, PUBLIC_KEY } from '../access/permissions.js';
import { ForbiddenError, UnauthenticatedError } from '../common/errors.js';
import type { GqlContext } from '../common/context.js';
import { AuditAction } from '../audit/audit-event.entity.js';
import { AuditService } from '../audit/audit.service.js';

/**
 * Global guard, deny by default: a resolver runs only if it is @Public, or the caller is logged in
 * and one of their roles has the permission the resolver names with @Can. A resolver naming nothing is refused.
 */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(private readonly reflector: Reflector, private readonly audit: AuditService) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(PUBLIC_KEY, targets)) return true;
    // GraphQL resolvers, and the few plain HTTP routes (CSV exports) under the same rules.
    const http = context.getType() === 'http';
    const gql = http ? null : GqlExecutionContext.create(context);
    const req = gql ? gql.getContext<GqlContext>().req : context.switchToHttp().getRequest<GqlContext['req']>();
    const user = req?.user;
    // A caller who could not be looked up (a file upload's, while the database is unreachable) is told so, not signed out.
    if (!user) throw req?.databaseUnavailable ?? new UnauthenticatedError();
    const permission = this.reflector.getAllAndOverride<Permission | undefined>(PERMISSION_KEY, targets);
    if (!permission || !user.scopes[permission]) {
      const info = gql?.getInfo<{ parentType: { name: string }; fieldName: string }>();
      await this.audit.record({
        action: AuditAction.REFUSED, user, ip: req.ip ?? null,
        entityType: info ? `${info.parentType.name}.${info.fieldName}` : `${req.method} ${req.path}`,
        after: { permission: permission ?? null, roles: user.roles },
      }, { durable: true });
      throw new ForbiddenError();
    }
    // A change to people reaches only whom the user may change: people queries in it use the write scope.
    if (permission === Permission.PEOPLE_WRITE) req.user = { ...user, people: user.scopes[permission] };
    return true;
  }
}
