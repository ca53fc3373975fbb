import type { OnModuleInit } from '@nestjs/common';
import { Args, GraphQLISODateTime, ID, Int, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import type DataLoader from 'dataloader';
import { daysOverdue, FollowUpState, followUpState, ukDay, ukToday } from '@rollcall/domain';
import { Can, Permission } from '../access/permissions.js';
import type { AuthUser } from '../auth/auth-user.js';
import { CurrentUser, Loaders } from '../auth/current-user.decorator.js';
import { ListArgs, ListMetadata, MetaArgs } from '../common/list.js';
import type { RequestLoaders } from '../common/loaders.js';
import { UuidPipe } from '../common/uuid.pipe.js';
import { Contact } from '../contacts/contact.entity.js';
import { ContactPrefetches } from '../contacts/contact-prefetch.js';
import { ContactService } from '../contacts/contact.service.js';
import { UserService } from '../users/user.service.js';
import { Conversation } from './conversation.entity.js';
import { ConversationService } from './conversation.service.js';
import { ConversationCreateInput, ConversationFilter, ConversationUpdateInput, FollowUpFilter } from './dto/conversation.input.js';
import { IssueTag } from '../issue-tags/issue-tag.entity.js';
import { IssueTagService } from '../issue-tags/issue-tag.service.js';

/** Conversations and the follow-ups they set. */
@Resolver(() => Conversation)
export class ConversationResolver {
  constructor(
    private readonly conversations: ConversationService,
    private readonly tags: IssueTagService,
    private readonly contacts: ContactService,
    private readonly users: UserService,
  ) {}

  @Can(Permission.PEOPLE_READ)
  @Query(() => Conversation, { name: 'Conversation' })
  conversation(@Args('id', { type: () => ID }, UuidPipe) id: string, @CurrentUser() user: AuthUser): Promise<Conversation> {
    return this.conversations.get(id, user);
  }

  @Can(Permission.PEOPLE_READ)
  @Query(() => [Conversation])
  allConversations(@Args() args: ListArgs, @CurrentUser() user: AuthUser, @Args('filter', { nullable: true }) filter?: ConversationFilter): Promise<Conversation[]> {
    return this.conversations.list(args, filter, user);
  }

  @Can(Permission.PEOPLE_READ)
  @Query(() => ListMetadata)
  async _allConversationsMeta(@Args() _page: MetaArgs, @CurrentUser() user: AuthUser, @Args('filter', { nullable: true }) filter?: ConversationFilter): Promise<ListMetadata> {
    return { count: await this.conversations.count(filter, user) };
  }

  @Can(Permission.PEOPLE_READ)
  @Query(() => [Conversation], { description: "Open follow-ups (the caller's unless repUserId), soonest date first: overdue first" })
  allFollowUps(@Args() args: ListArgs, @CurrentUser() user: AuthUser, @Args('filter', { nullable: true }) filter?: FollowUpFilter): Promise<Conversation[]> {
    return this.conversations.followUps(args, filter, user);
  }

  @Can(Permission.PEOPLE_READ)
  @Query(() => ListMetadata)
  async _allFollowUpsMeta(@Args() _page: MetaArgs, @CurrentUser() user: AuthUser, @Args('filter', { nullable: true }) filter?: FollowUpFilter): Promise<ListMetadata> {
    return { count: await this.conversations.countFollowUps(filter, user) };
  }

  @Can(Permission.PEOPLE_WRITE)
  @Mutation(() => Conversation, { description: 'Logs a conversation you had (and its assessment, into the history)' })
  createConversation(@Args('data') data: ConversationCreateInput, @CurrentUser() user: AuthUser): Promise<Conversation> {
    return this.conversations.create(data, user);
  }

  @Can(Permission.PEOPLE_WRITE)
  @Mutation(() => Conversation)
  updateConversation(
    @Args('id', { type: () => ID }, UuidPipe) id: string,
    @Args('data') data: ConversationUpdateInput,
    @CurrentUser() user: AuthUser,
  ): Promise<Conversation> {
    return this.conversations.update(id, data, user);
  }

  @Can(Permission.PEOPLE_WRITE)
  @Mutation(() => Conversation, { description: 'Deletes a conversation logged by mistake, with the assessment it recorded' })
  deleteConversation(@Args('id', { type: () => ID }, UuidPipe) id: string, @CurrentUser() user: AuthUser): Promise<Conversation> {
    return this.conversations.remove(id, user);
  }

  @ResolveField(() => Contact, { nullable: true })
  contact(@Parent() c: Conversation, @Loaders() loaders: RequestLoaders): Promise<Contact | null> {
    return loaders.get<string, Contact | null>('contact.byId', (ids, user) => this.contacts.byIds(ids, user)).load(c.contactId);
  }

  @ResolveField(() => String, { nullable: true, description: 'Who had it' })
  async repName(@Parent() c: Conversation, @Loaders() loaders: RequestLoaders): Promise<string | null> {
    return loaders.get<string, string | null>('user.name', (ids, user) => this.users.displayNames(ids, user)).load(c.repUserId);
  }

  @ResolveField(() => [IssueTag])
  issueTags(@Parent() c: Conversation, @Loaders() loaders: RequestLoaders): Promise<IssueTag[]> {
    return loaders.get<string, IssueTag[]>('conversation.tags', (ids, user) => this.tags.byConversations(ids, user)).load(c.id);
  }

  @ResolveField(() => [ID])
  async issueTagIds(@Parent() c: Conversation, @Loaders() loaders: RequestLoaders): Promise<string[]> {
    return (await this.issueTags(c, loaders)).map((t) => t.id);
  }

  @ResolveField(() => FollowUpState, { nullable: true, description: 'Where the follow-up stands today (null: none set)' })
  async followUpState(@Parent() c: Conversation, @Loaders() loaders: RequestLoaders): Promise<FollowUpState | null> {
    if (!c.followUpDate) return null;
    const done = await this.completedAt(c, loaders);
    return followUpState(c.followUpDate, ukToday(), done ? ukDay(done) : null);
  }

  @ResolveField(() => Int, { description: 'Days past the follow-up date (0 if not overdue or done)' })
  async daysOverdue(@Parent() c: Conversation, @Loaders() loaders: RequestLoaders): Promise<number> {
    if (!c.followUpDate || (await this.completedAt(c, loaders))) return 0;
    return daysOverdue(c.followUpDate, ukToday());
  }

  @ResolveField(() => Boolean, { description: 'Whether you may change or delete it: you logged it, or you are a secretary or admin of its branch' })
  mayChange(@Parent() c: Conversation, @Loaders() loaders: RequestLoaders): Promise<boolean> {
    return loaders
      .get<Conversation, boolean>('conversation.mayChange', (rows, user) => this.conversations.mayChange(rows, user))
      .load(c);
  }

  @ResolveField(() => GraphQLISODateTime, { nullable: true, description: 'When the person was next spoken to (the follow-up done)' })
  completedAt(@Parent() c: Conversation, @Loaders() loaders: RequestLoaders): Promise<Date | null> {
    return loaders.get<string, Date | null>('conversation.completedAt', (ids, user) => this.conversations.completedAt(ids, user)).load(c.id);
  }
}

/** When a contact was last spoken to. */
@Resolver(() => Contact)
export class ContactConversationResolver implements OnModuleInit {
  constructor(private readonly conversations: ConversationService, private readonly prefetch: ContactPrefetches) {}

  /** A page of contacts fetches when each was last spoken with ahead (see ContactPrefetches). */
  onModuleInit(): void {
    this.prefetch.add({
      fields: ['lastConversationAt'],
      sql: '(SELECT max(cv.occurred_at) FROM conversation cv WHERE cv.contact_id = k.id)',
      prime: (loaders, contactId, value) => this.last(loaders).prime(contactId, value as Date | null),
    });
  }

  @ResolveField(() => GraphQLISODateTime, { nullable: true, description: 'When anyone last spoke with them' })
  lastConversationAt(@Parent() c: Contact, @Loaders() loaders: RequestLoaders): Promise<Date | null> {
    return this.last(loaders).load(c.id);
  }

  private last(loaders: RequestLoaders): DataLoader<string, Date | null> {
    return loaders.get<string, Date | null>('contact.lastConversation', (ids, user) => this.conversations.lastConversationAt(ids, user));
  }
}
