import { Args, ID, Mutation, Query, Resolver } from '@nestjs/graphql';
import { Can, Permission } from '../access/permissions.js';
import type { AuthUser } from '../auth/auth-user.js';
import { CurrentUser } from '../auth/current-user.decorator.js';
import { ListArgs, ListMetadata, MetaArgs } from '../common/list.js';
import { UuidPipe } from '../common/uuid.pipe.js';
import { IssueTagCreateInput, IssueTagFilter, IssueTagUpdateInput } from './dto/issue-tag.input.js';
import { IssueTag } from './issue-tag.entity.js';
import { IssueTagService } from './issue-tag.service.js';

/** The organisation's issue tags: read by those who log conversations, changed by admins. */
@Resolver(() => IssueTag)
export class IssueTagResolver {
  constructor(private readonly tags: IssueTagService) {}

  @Can(Permission.PEOPLE_READ)
  @Query(() => IssueTag, { name: 'IssueTag' })
  issueTag(@Args('id', { type: () => ID }, UuidPipe) id: string, @CurrentUser() user: AuthUser): Promise<IssueTag> {
    return this.tags.get(id, user);
  }

  @Can(Permission.PEOPLE_READ)
  @Query(() => [IssueTag])
  allIssueTags(@Args() args: ListArgs, @CurrentUser() user: AuthUser, @Args('filter', { nullable: true }) filter?: IssueTagFilter): Promise<IssueTag[]> {
    return this.tags.list(args, filter, user);
  }

  @Can(Permission.PEOPLE_READ)
  @Query(() => ListMetadata)
  async _allIssueTagsMeta(@Args() _page: MetaArgs, @CurrentUser() user: AuthUser, @Args('filter', { nullable: true }) filter?: IssueTagFilter): Promise<ListMetadata> {
    return { count: await this.tags.count(filter, user) };
  }

  @Can(Permission.SETTINGS_MANAGE)
  @Mutation(() => IssueTag)
  createIssueTag(@Args('data') data: IssueTagCreateInput, @CurrentUser() user: AuthUser): Promise<IssueTag> {
    return this.tags.create(data, user);
  }

  @Can(Permission.SETTINGS_MANAGE)
  @Mutation(() => IssueTag, { description: 'Renames a tag, or retires it (active: false) so it is no longer offered' })
  updateIssueTag(@Args('id', { type: () => ID }, UuidPipe) id: string, @Args('data') data: IssueTagUpdateInput, @CurrentUser() user: AuthUser): Promise<IssueTag> {
    return this.tags.update(id, data, user);
  }

  @Can(Permission.SETTINGS_MANAGE)
  @Mutation(() => IssueTag, { description: 'Deletes a tag no conversation uses (retire used ones instead)' })
  deleteIssueTag(@Args('id', { type: () => ID }, UuidPipe) id: string, @CurrentUser() user: AuthUser): Promise<IssueTag> {
    return this.tags.remove(id, user);
  }
}
