import type { OnModuleInit } from '@nestjs/common';
import { Args, ID, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import type DataLoader from 'dataloader';
import { Can, Permission } from '../../access/permissions.js';
import type { AuthUser } from '../../auth/auth-user.js';
import { CurrentUser, Loaders } from '../../auth/current-user.decorator.js';
import { ListArgs, ListMetadata, MetaArgs } from '../../common/list.js';
import type { RequestLoaders } from '../../common/loaders.js';
import { UuidPipe } from '../../common/uuid.pipe.js';
import { Contact } from '../../contacts/contact.entity.js';
import { ContactPrefetches } from '../../contacts/contact-prefetch.js';
import { ContactService } from '../../contacts/contact.service.js';
import { Employer } from '../../employers/employer.entity.js';
import { EmployerService } from '../../employers/employer.service.js';
import { UserService } from '../../users/user.service.js';
import { CaseAudit } from '../case-audit.js';
import { CaseOutcome, CaseTeamRole } from '../casework.enums.js';
import { CaseDoor } from '../../access/case-door.js';
import { CaseCustomDeadline } from '../deadlines/case-custom-deadline.entity.js';
import { CaseCustomDeadlineService } from '../deadlines/case-custom-deadline.service.js';
import { CaseDeadlineView } from '../deadlines/case-deadline.type.js';
import { CaseDeadlinesService } from '../deadlines/case-deadlines.service.js';
import { CaseMeeting } from '../meetings/case-meeting.entity.js';
import { CaseMeetingService } from '../meetings/case-meeting.service.js';
import { CaseNote } from '../notes/case-note.entity.js';
import { CaseNoteService } from '../notes/case-note.service.js';
import { CaseFile } from './case-file.entity.js';
import { CaseTeamMember } from './case-team-member.entity.js';
import { type CaseLinks, CaseService } from './case.service.js';
import { CaseTeamCandidate } from './case-team-candidate.type.js';
import {
  CaseCreateInput, CaseFilter, CaseLinkInput, CaseTeamCandidatesArgs, CaseTeamInput, CaseUpdateInput,
} from './dto/case.input.js';

/** The caller's case of this id, read through the CaseDoor (null: not theirs to read), batched per request. */
export function caseLoader(loaders: RequestLoaders, cases: CaseService) {
  return loaders.get<string, CaseFile | null>('case.byId', (ids, user) => cases.byIds(ids, user));
}

/**
 * Cases. Their own content (summary, outcome, deadlines) is read through the CaseDoor again (a parent
 * that slipped gets nothing) and every read of it is audited, as is every meeting, note and custom
 * deadline handed out under a case.
 */
@Resolver(() => CaseFile)
export class CaseResolver {
  constructor(
    private readonly cases: CaseService,
    private readonly meetingService: CaseMeetingService,
    private readonly noteService: CaseNoteService,
    private readonly custom: CaseCustomDeadlineService,
    private readonly deadlineRules: CaseDeadlinesService,
    private readonly contacts: ContactService,
    private readonly employers: EmployerService,
    private readonly users: UserService,
    private readonly audit: CaseAudit,
    private readonly door: CaseDoor,
  ) {}

  @Can(Permission.CASES_READ)
  @Query(() => CaseFile, { name: 'Case' })
  kase(@Args('id', { type: () => ID }, UuidPipe) id: string, @CurrentUser() user: AuthUser): Promise<CaseFile> {
    return this.cases.get(id, user);
  }

  @Can(Permission.CASES_READ)
  @Query(() => [CaseFile], { description: 'The cases you read: those whose team you are on, and every case of a branch you are secretary or admin of' })
  async allCases(
    @Args() args: ListArgs, @CurrentUser() user: AuthUser, @Loaders() loaders: RequestLoaders, @Args('filter', { nullable: true }) filter?: CaseFilter,
  ): Promise<CaseFile[]> {
    const rows = await this.cases.list(args, await this.nextStep(filter, user), user);
    // Having no next step is read from a case's meetings and deadlines: each case listed for it is a read of them.
    if (filter?.noNextStep) await Promise.all(rows.map((c) => this.audit.read(loaders, c, 'Case', c.id, ['nextStep'])));
    return rows;
  }

  @Can(Permission.CASES_READ)
  @Query(() => ListMetadata)
  async _allCasesMeta(@Args() _page: MetaArgs, @CurrentUser() user: AuthUser, @Args('filter', { nullable: true }) filter?: CaseFilter): Promise<ListMetadata> {
    return { count: await this.cases.count(await this.nextStep(filter, user), user) };
  }

  /** The filter with `noNextStep` turned into the ids of the cases it picks (worked out from their meetings and deadlines). */
  private async nextStep(filter: CaseFilter | undefined, user: AuthUser): Promise<CaseFilter | undefined> {
    if (!filter?.noNextStep) return filter;
    const ids = (await this.deadlineRules.withoutNextStep(filter, user)).map((c) => c.id);
    return { ...filter, noNextStep: undefined, ids };
  }

  @Can(Permission.CASES_WRITE)
  @Mutation(() => CaseFile, { description: "Opens a case for a member of your branch (you are on its team unless you are the branch's secretary or admin)" })
  createCase(@Args('data') data: CaseCreateInput, @CurrentUser() user: AuthUser): Promise<CaseFile> {
    return this.cases.create(data, user);
  }

  @Can(Permission.CASES_WRITE)
  @Mutation(() => CaseFile)
  updateCase(@Args('id', { type: () => ID }, UuidPipe) id: string, @Args('data') data: CaseUpdateInput, @CurrentUser() user: AuthUser): Promise<CaseFile> {
    return this.cases.update(id, data, user);
  }

  @Can(Permission.CASES_WRITE)
  @Mutation(() => CaseFile, { description: 'Deletes a case opened by mistake (kept for history): the branch secretary or admins only' })
  deleteCase(@Args('id', { type: () => ID }, UuidPipe) id: string, @CurrentUser() user: AuthUser): Promise<CaseFile> {
    return this.cases.remove(id, user);
  }

  @Can(Permission.CASES_WRITE)
  @Mutation(() => CaseFile, { description: "Puts a new team on a case: the branch secretary or admins only" })
  setCaseTeam(
    @Args('caseId', { type: () => ID }, UuidPipe) caseId: string, @Args('data') data: CaseTeamInput, @CurrentUser() user: AuthUser,
  ): Promise<CaseFile> {
    return this.cases.setTeam(caseId, data, user);
  }

  @Can(Permission.CASES_WRITE)
  @Query(() => [CaseTeamCandidate], {
    description: "Who may take a place on a case's team (by name, at most 50; q narrows them): for the branch secretary or admins, who staff it",
  })
  caseTeamCandidates(@Args() args: CaseTeamCandidatesArgs, @CurrentUser() user: AuthUser): Promise<CaseTeamCandidate[]> {
    return this.cases.teamCandidates(args.caseId, args.role, args.q, user);
  }

  @Can(Permission.CASES_WRITE)
  @Mutation(() => CaseFile, { description: 'Links an appeal or tribunal claim (caseId) to the case it follows (linkedCaseId); answers the first' })
  linkCases(@Args('data') data: CaseLinkInput, @CurrentUser() user: AuthUser): Promise<CaseFile> {
    return this.cases.link(data, user);
  }

  @Can(Permission.CASES_WRITE)
  @Mutation(() => Boolean, { description: 'Removes a link; false when there was none' })
  unlinkCases(@Args('data') data: CaseLinkInput, @CurrentUser() user: AuthUser): Promise<boolean> {
    return this.cases.unlink(data, user);
  }

  @ResolveField(() => String, { nullable: true, description: 'The allegation or issue (content: every read is audited)' })
  async summary(@Parent() c: CaseFile, @Loaders() loaders: RequestLoaders): Promise<string | null> {
    const own = await this.own(c, loaders, 'summary');
    return own ? this.cases.summaryOf(own) : null;
  }

  @ResolveField(() => CaseOutcome, { nullable: true, description: 'Content: every read is audited' })
  async outcome(@Parent() c: CaseFile, @Loaders() loaders: RequestLoaders): Promise<CaseOutcome | null> {
    return (await this.own(c, loaders, 'outcome'))?.outcome ?? null;
  }

  @ResolveField(() => [CaseDeadlineView], { description: 'Computed by named rules from the case, its meetings and custom deadlines and its employer (content: audited)' })
  async deadlines(@Parent() c: CaseFile, @Loaders() loaders: RequestLoaders): Promise<CaseDeadlineView[]> {
    if (!(await this.own(c, loaders, 'deadlines'))) return [];
    return loaders.get<string, CaseDeadlineView[]>('case.deadlines', (ids, user) => this.deadlineRules.forCases(ids, user)).load(c.id);
  }

  @ResolveField(() => Contact, { nullable: true, description: 'The member (null where the people rules hide them)' })
  contact(@Parent() c: CaseFile, @Loaders() loaders: RequestLoaders): Promise<Contact | null> {
    return loaders.get<string, Contact | null>('contact.byId', (ids, user) => this.contacts.byIds(ids, user)).load(c.contactId);
  }

  @ResolveField(() => Employer, { nullable: true })
  employer(@Parent() c: CaseFile, @Loaders() loaders: RequestLoaders): Promise<Employer | null> {
    return loaders.get<string, Employer | null>('employer.byId', (ids, user) => this.employers.byIds(ids, user)).load(c.employerId);
  }

  @ResolveField(() => [CaseTeamMember])
  team(@Parent() c: CaseFile, @Loaders() loaders: RequestLoaders): Promise<CaseTeamMember[]> {
    return loaders.get<string, CaseTeamMember[]>('case.team', (ids, user) => this.cases.teams(ids, user)).load(c.id);
  }

  @ResolveField(() => ID, { nullable: true, description: "The case's caseworker" })
  async caseworkerId(@Parent() c: CaseFile, @Loaders() loaders: RequestLoaders): Promise<string | null> {
    return (await this.team(c, loaders)).find((t) => t.role === 'CASEWORKER')?.userId ?? null;
  }

  @ResolveField(() => String, { nullable: true, description: "The case's caseworker's name" })
  async caseworkerName(@Parent() c: CaseFile, @Loaders() loaders: RequestLoaders): Promise<string | null> {
    const id = await this.caseworkerId(c, loaders);
    return id ? loaders.get<string, string | null>('user.name', (ids, user) => this.users.displayNames(ids, user)).load(id) : null;
  }

  @ResolveField(() => [CaseMeeting], { description: 'By date (content: every meeting read is audited)' })
  async meetings(@Parent() c: CaseFile, @Loaders() loaders: RequestLoaders): Promise<CaseMeeting[]> {
    const rows = await loaders.get<string, CaseMeeting[]>('case.meetings', (ids, user) => this.meetingService.byCases(ids, user)).load(c.id);
    await this.audit.readAll(loaders, 'CaseMeeting', rows, ['meeting'], (id) => caseLoader(loaders, this.cases).load(id));
    return rows;
  }

  @ResolveField(() => [CaseNote], { description: 'Newest first (content: every note read is audited)' })
  async notes(@Parent() c: CaseFile, @Loaders() loaders: RequestLoaders): Promise<CaseNote[]> {
    const rows = await loaders.get<string, CaseNote[]>('case.notes', (ids, user) => this.noteService.byCases(ids, user)).load(c.id);
    await this.audit.readAll(loaders, 'CaseNote', rows, ['note'], (id) => caseLoader(loaders, this.cases).load(id));
    return rows;
  }

  @ResolveField(() => [CaseCustomDeadline], { description: 'Deadlines added by hand, soonest first (content: audited)' })
  async customDeadlines(@Parent() c: CaseFile, @Loaders() loaders: RequestLoaders): Promise<CaseCustomDeadline[]> {
    const rows = await loaders.get<string, CaseCustomDeadline[]>('case.custom', (ids, user) => this.custom.byCases(ids, user)).load(c.id);
    await this.audit.readAll(loaders, 'CaseCustomDeadline', rows, ['deadline'], (id) => caseLoader(loaders, this.cases).load(id));
    return rows;
  }

  @ResolveField(() => [CaseFile], { description: 'Linked cases, either way: an appeal or tribunal claim and the case it follows' })
  links(@Parent() c: CaseFile, @Loaders() loaders: RequestLoaders): Promise<CaseFile[]> {
    return loaders.get<string, CaseFile[]>('case.links', (ids, user) => this.cases.links(ids, user)).load(c.id);
  }

  @ResolveField(() => [CaseFile], { description: 'The cases this appeal or tribunal claim follows (only those you read)' })
  async follows(@Parent() c: CaseFile, @Loaders() loaders: RequestLoaders): Promise<CaseFile[]> {
    return (await this.directedLinks(c, loaders)).follows;
  }

  @ResolveField(() => [CaseFile], { description: 'The appeals and tribunal claims that follow this case (only those you read)' })
  async followedBy(@Parent() c: CaseFile, @Loaders() loaders: RequestLoaders): Promise<CaseFile[]> {
    return (await this.directedLinks(c, loaders)).followedBy;
  }

  @ResolveField(() => CaseTeamRole, { nullable: true, description: 'Your place on its team (null: not on it)' })
  myPlace(@Parent() c: CaseFile, @Loaders() loaders: RequestLoaders): Promise<CaseTeamRole | null> {
    return loaders.get<string, CaseTeamRole | null>('case.myPlace', (ids, user) => this.door.placesOn(user, ids) as Promise<(CaseTeamRole | null)[]>).load(c.id);
  }

  @ResolveField(() => Boolean, { description: 'Whether you may change it, its meetings, deadlines and links: its caseworkers, or a secretary or admin of its branch' })
  async mayChange(@Parent() c: CaseFile, @CurrentUser() user: AuthUser, @Loaders() loaders: RequestLoaders): Promise<boolean> {
    return this.door.rights(user, c, await this.myPlace(c, loaders)).change;
  }

  @ResolveField(() => Boolean, { description: 'Whether you may add a note: anyone on its team, or a secretary or admin of its branch' })
  async mayAddNote(@Parent() c: CaseFile, @CurrentUser() user: AuthUser, @Loaders() loaders: RequestLoaders): Promise<boolean> {
    return this.door.rights(user, c, await this.myPlace(c, loaders)).addNote;
  }

  @ResolveField(() => Boolean, { description: 'Whether you may put a team on it or delete it: a secretary or admin of its branch' })
  mayManage(@Parent() c: CaseFile, @CurrentUser() user: AuthUser): boolean {
    return this.door.rights(user, c, null).manage;
  }

  private directedLinks(c: CaseFile, loaders: RequestLoaders): Promise<CaseLinks> {
    return loaders.get<string, CaseLinks>('case.directedLinks', (ids, user) => this.cases.linksByDirection(ids, user)).load(c.id);
  }

  /** The case as the CaseDoor gives it to the caller (null if it does not), its read of `field` audited. */
  private async own(c: CaseFile, loaders: RequestLoaders, field: string): Promise<CaseFile | null> {
    const own = await caseLoader(loaders, this.cases).load(c.id);
    if (own) await this.audit.read(loaders, own, 'Case', own.id, [field]);
    return own;
  }
}

/** A team member's name. */
@Resolver(() => CaseTeamMember)
export class CaseTeamMemberResolver {
  constructor(private readonly users: UserService) {}

  @ResolveField(() => String, { nullable: true })
  displayName(@Parent() t: CaseTeamMember, @Loaders() loaders: RequestLoaders): Promise<string | null> {
    return loaders.get<string, string | null>('user.name', (ids, user) => this.users.displayNames(ids, user)).load(t.userId);
  }
}

/** What a contact's page may show of cases: their cases (to those who read them) and, to those who may know, whether one is open. */
@Resolver(() => Contact)
export class ContactCaseResolver implements OnModuleInit {
  constructor(private readonly caseService: CaseService, private readonly prefetch: ContactPrefetches) {}

  /**
   * A page of contacts fetches whether each has an open case ahead (see ContactPrefetches), for
   * those who may know it: through the same narrow function as the loader, given the page's people.
   */
  onModuleInit(): void {
    this.prefetch.add({
      fields: ['hasOpenCase'],
      applies: (user) => Boolean(user.scopes[Permission.CASES_EXISTENCE_READ]),
      sql: 'k.id IN (SELECT x FROM rollcall_contacts_with_open_case(ARRAY(SELECT id FROM page)) x)',
      prime: (loaders, contactId, value) => this.openCase(loaders).prime(contactId, value as boolean),
    });
  }

  @ResolveField(() => Boolean, {
    nullable: true,
    description: 'Whether they have an open case (existence only), for caseworkers, secretaries and admins; null for everyone else',
  })
  async hasOpenCase(@Parent() c: Contact, @CurrentUser() user: AuthUser, @Loaders() loaders: RequestLoaders): Promise<boolean | null> {
    if (!user.scopes[Permission.CASES_EXISTENCE_READ]) return null;
    return this.openCase(loaders).load(c.id);
  }

  private openCase(loaders: RequestLoaders): DataLoader<string, boolean> {
    return loaders.get<string, boolean>('contact.hasOpenCase', (ids, u) => this.caseService.hasOpenCase(ids, u));
  }

  @ResolveField(() => [CaseFile], { description: 'Their cases that you read (their team, or your branch as secretary or admin), newest first' })
  cases(@Parent() c: Contact, @Loaders() loaders: RequestLoaders): Promise<CaseFile[]> {
    return loaders.get<string, CaseFile[]>('contact.cases', (ids, user) => this.caseService.ofContacts(ids, user)).load(c.id);
  }
}
