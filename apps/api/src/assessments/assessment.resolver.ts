import type { OnModuleInit } from '@nestjs/common';
import { Args, Int, Mutation, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import type DataLoader from 'dataloader';
import { Can, Permission } from '../access/permissions.js';
import type { AuthUser } from '../auth/auth-user.js';
import { CurrentUser, Loaders } from '../auth/current-user.decorator.js';
import type { RequestLoaders } from '../common/loaders.js';
import { Contact } from '../contacts/contact.entity.js';
import { ContactPrefetches } from '../contacts/contact-prefetch.js';
import { ContactService } from '../contacts/contact.service.js';
import { UserService } from '../users/user.service.js';
import { AssessmentEntry } from './assessment-entry.entity.js';
import { AssessmentService } from './assessment.service.js';
import { currentAssessment } from './current-assessment.sql.js';
import { ContactLink } from './contact-link.entity.js';
import { AssessInput, LeaderInput, LinkInput } from './dto/assessment.input.js';

/** A contact's assessment (current and history), the leaders they look to and their followers. */
@Resolver(() => Contact)
export class ContactAssessmentResolver implements OnModuleInit {
  constructor(private readonly assessments: AssessmentService, private readonly contacts: ContactService, private readonly prefetch: ContactPrefetches) {}

  /** A page of contacts fetches their current assessment ahead (see ContactPrefetches). */
  onModuleInit(): void {
    this.prefetch.add({
      fields: ['assessment'],
      sql: currentAssessment('k.id'),
      prime: (loaders, contactId, value) => this.current(loaders).prime(contactId, value as number | null),
    });
  }

  @ResolveField(() => Int, { nullable: true, description: 'Current assessment: the latest of the history (null: not assessed)' })
  assessment(@Parent() c: Contact, @Loaders() loaders: RequestLoaders): Promise<number | null> {
    return this.current(loaders).load(c.id);
  }

  private current(loaders: RequestLoaders): DataLoader<string, number | null> {
    return loaders.get<string, number | null>('contact.assessment', (ids, user) => this.assessments.currentAssessment(ids, user));
  }

  @ResolveField(() => [AssessmentEntry], { description: 'Every assessment, newest first' })
  assessmentHistory(@Parent() c: Contact, @Loaders() loaders: RequestLoaders): Promise<AssessmentEntry[]> {
    return loaders.get<string, AssessmentEntry[]>('contact.assessments', (ids, user) => this.assessments.assessmentHistory(ids, user)).load(c.id);
  }

  @ResolveField(() => [Contact], { description: 'The leaders this person looks to (that the caller may see)' })
  async leaders(@Parent() c: Contact, @Loaders() loaders: RequestLoaders): Promise<Contact[]> {
    return this.linked(c, 'leaders', loaders);
  }

  @ResolveField(() => [Contact], { description: 'Who looks to this person (that the caller may see)' })
  async followers(@Parent() c: Contact, @Loaders() loaders: RequestLoaders): Promise<Contact[]> {
    return this.linked(c, 'followers', loaders);
  }

  /** Leaders and followers of a batch of contacts: the links and the people, two statements whatever the data. */
  private async linked(c: Contact, direction: 'leaders' | 'followers', loaders: RequestLoaders): Promise<Contact[]> {
    const links = await loaders.get<string, { leaders: Contact[]; followers: Contact[] }>('contact.links', async (keys, user) => {
      const ids = await this.assessments.links(keys, user);
      const people = await this.contacts.byIds([...new Set(ids.flatMap((l) => [...l.leaders, ...l.followers]))], user);
      const byId = new Map(people.filter((p): p is Contact => !!p).map((p) => [p.id, p]));
      const pick = (xs: string[]) => xs.map((x) => byId.get(x)).filter((x): x is Contact => !!x);
      return ids.map((l) => ({ leaders: pick(l.leaders), followers: pick(l.followers) }));
    }).load(c.id);
    return links[direction];
  }
}

/** An entry of the assessment history, and recording one without a conversation. */
@Resolver(() => AssessmentEntry)
export class AssessmentResolver {
  constructor(private readonly assessments: AssessmentService, private readonly users: UserService) {}

  @ResolveField(() => String, { nullable: true })
  assessedByName(@Parent() a: AssessmentEntry, @Loaders() loaders: RequestLoaders): Promise<string | null> {
    if (!a.assessedById) return Promise.resolve(null);
    return loaders.get<string, string | null>('user.name', (ids, user) => this.users.displayNames(ids, user)).load(a.assessedById);
  }

  @Can(Permission.PEOPLE_WRITE)
  @Mutation(() => AssessmentEntry, { description: 'Records an assessment without a conversation' })
  assessContact(@Args('data') data: AssessInput, @CurrentUser() user: AuthUser): Promise<AssessmentEntry> {
    return this.assessments.assess(data.contactId, data.value, user);
  }
}

/** Organic leaders and who looks to them. */
@Resolver()
export class LeadershipResolver {
  constructor(private readonly assessments: AssessmentService) {}

  @Can(Permission.PEOPLE_WRITE)
  @Mutation(() => Contact, { description: 'Marks (with a reason) or unmarks an organic leader' })
  setLeader(@Args('data') data: LeaderInput, @CurrentUser() user: AuthUser): Promise<Contact> {
    return this.assessments.setLeader(data.contactId, data.leader, data.reason, user);
  }

  @Can(Permission.PEOPLE_WRITE)
  @Mutation(() => ContactLink, { description: 'Records that the follower looks to the leader' })
  linkContacts(@Args('data') data: LinkInput, @CurrentUser() user: AuthUser): Promise<ContactLink> {
    return this.assessments.link(data.leaderId, data.followerId, user);
  }

  @Can(Permission.PEOPLE_WRITE)
  @Mutation(() => Boolean, { description: 'Removes a follower link; false if there was none' })
  unlinkContacts(@Args('data') data: LinkInput, @CurrentUser() user: AuthUser): Promise<boolean> {
    return this.assessments.unlink(data.leaderId, data.followerId, user);
  }
}
