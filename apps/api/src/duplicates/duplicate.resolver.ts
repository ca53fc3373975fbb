import { Args, ID, Int, Mutation, Query, Resolver } from '@nestjs/graphql';
import { Can, Permission } from '../access/permissions.js';
import type { AuthUser } from '../auth/auth-user.js';
import { CurrentUser } from '../auth/current-user.decorator.js';
import { DEFAULT_PER_PAGE, ListMetadata, MetaArgs, ListArgs } from '../common/list.js';
import { OptionalUuidPipe } from '../common/uuid.pipe.js';
import { DuplicateService } from './duplicate.service.js';
import { ContactMerge, DuplicateFilter, DuplicatePair, MergeChoicesInput, MergeSide } from './duplicate.types.js';

/** Likely duplicate contacts (react-admin's list grammar), the merge screen, merging, undo and dismissal. */
@Resolver(() => DuplicatePair)
export class DuplicateResolver {
  constructor(private readonly duplicates: DuplicateService) {}

  @Can(Permission.PEOPLE_READ)
  @Query(() => [DuplicatePair], { description: 'Likely duplicate pairs among the contacts you may see, best first (dismissed pairs are not shown)' })
  async allDuplicateContacts(@Args() page: ListArgs, @CurrentUser() user: AuthUser, @Args('filter', { nullable: true }) filter?: DuplicateFilter): Promise<DuplicatePair[]> {
    return (await this.duplicates.pairs(user, filter, page.page ?? 0, page.perPage ?? DEFAULT_PER_PAGE)).rows;
  }

  @Can(Permission.PEOPLE_READ)
  @Query(() => ListMetadata)
  async _allDuplicateContactsMeta(@Args() _page: MetaArgs, @CurrentUser() user: AuthUser, @Args('filter', { nullable: true }) filter?: DuplicateFilter): Promise<ListMetadata> {
    return { count: (await this.duplicates.pairs(user, filter, 0, 1)).total };
  }

  @Can(Permission.PEOPLE_MERGE)
  @Query(() => [MergeSide], { description: 'Two contacts side by side for a merge, with how much is recorded about each' })
  mergeSides(
    @Args('keepId', { type: () => ID }, new OptionalUuidPipe('keepId')) keepId: string,
    @Args('mergeId', { type: () => ID }, new OptionalUuidPipe('mergeId')) mergeId: string,
    @CurrentUser() user: AuthUser,
  ): Promise<MergeSide[]> {
    return this.duplicates.mergeSides(user, [keepId, mergeId]);
  }

  @Can(Permission.PEOPLE_MERGE)
  @Query(() => [ContactMerge], { description: 'Merges involving a contact (or all you may see), newest first' })
  contactMerges(
    @CurrentUser() user: AuthUser,
    @Args('contactId', { type: () => ID, nullable: true }, new OptionalUuidPipe('contactId')) contactId?: string,
    @Args('limit', { type: () => Int, nullable: true }) limit?: number,
  ): Promise<ContactMerge[]> {
    return this.duplicates.list(user, contactId ?? undefined, Math.min(Math.max(limit ?? 50, 1), 200));
  }

  @Can(Permission.PEOPLE_MERGE)
  @Mutation(() => ContactMerge, { description: 'Merges mergeId into keepId: everything recorded about it moves, it is soft-deleted; reversible (undoMerge)' })
  mergeContacts(
    @Args('keepId', { type: () => ID }, new OptionalUuidPipe('keepId')) keepId: string,
    @Args('mergeId', { type: () => ID }, new OptionalUuidPipe('mergeId')) mergeId: string,
    @CurrentUser() user: AuthUser,
    @Args('choices', { nullable: true }) choices?: MergeChoicesInput,
  ): Promise<ContactMerge> {
    return this.duplicates.merge(user, keepId, mergeId, choices?.fromMerged ?? []);
  }

  @Can(Permission.PEOPLE_MERGE)
  @Mutation(() => ContactMerge, { description: 'Restores both contacts of a merge as they were' })
  undoMerge(@Args('mergeId', { type: () => ID }, new OptionalUuidPipe('mergeId')) mergeId: string, @CurrentUser() user: AuthUser): Promise<ContactMerge> {
    return this.duplicates.undo(user, mergeId);
  }

  @Can(Permission.PEOPLE_MERGE)
  @Mutation(() => Boolean, { description: '"Not the same person": the pair is not shown as a duplicate again' })
  dismissDuplicate(
    @Args('aId', { type: () => ID }, new OptionalUuidPipe('aId')) aId: string,
    @Args('bId', { type: () => ID }, new OptionalUuidPipe('bId')) bId: string,
    @CurrentUser() user: AuthUser,
  ): Promise<boolean> {
    return this.duplicates.dismiss(user, aId, bId);
  }
}
