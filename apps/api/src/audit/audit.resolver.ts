import { Args, ID, Query, Resolver } from '@nestjs/graphql';
import { Can, Permission } from '../access/permissions.js';
import type { AuthUser } from '../auth/auth-user.js';
import { CurrentUser } from '../auth/current-user.decorator.js';
import { ListArgs, ListMetadata, MetaArgs } from '../common/list.js';
import { UuidPipe } from '../common/uuid.pipe.js';
import { AuditEvent } from './audit-event.entity.js';
import { AuditService } from './audit.service.js';
import { AuditEventFilter } from './dto/audit.input.js';

@Resolver(() => AuditEvent)
export class AuditResolver {
  constructor(private readonly audit: AuditService) {}

  @Can(Permission.AUDIT_READ)
  @Query(() => AuditEvent, { name: 'AuditEvent' })
  auditEvent(@Args('id', { type: () => ID }, UuidPipe) id: string, @CurrentUser() user: AuthUser): Promise<AuditEvent> {
    return this.audit.get(id, user);
  }

  @Can(Permission.AUDIT_READ)
  @Query(() => [AuditEvent])
  allAuditEvents(@Args() args: ListArgs, @CurrentUser() user: AuthUser, @Args('filter', { nullable: true }) filter?: AuditEventFilter): Promise<AuditEvent[]> {
    return this.audit.list({ sortOrder: 'DESC', ...args }, filter, user);
  }

  @Can(Permission.AUDIT_READ)
  @Query(() => ListMetadata)
  async _allAuditEventsMeta(@Args() _page: MetaArgs, @CurrentUser() user: AuthUser, @Args('filter', { nullable: true }) filter?: AuditEventFilter): Promise<ListMetadata> {
    return { count: await this.audit.count(filter, user) };
  }
}
