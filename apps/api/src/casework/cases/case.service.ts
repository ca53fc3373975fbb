import { randomUUID } from 'node:crypto';
import { InjectTransaction } from '@nestjs-cls/transactional';
import { Injectable } from '@nestjs/common';
import { BankHolidayRegion, CASE_TYPE_LABELS, caseDeadlineFactsErrors, isOutcomeFor, Role, ukToday } from '@rollcall/domain';
import { type EntityManager, In, type SelectQueryBuilder } from 'typeorm';
import { AccessService } from '../../access/access.service.js';
import { CaseDoor } from '../../access/case-door.js';
import { DoorNames, PeopleDoor } from '../../access/people-door.js';
import { Permission } from '../../access/permissions.js';
import type { AuthUser } from '../../auth/auth-user.js';
import { PeopleCrudService } from '../../access/people-crud.service.js';
import { ForbiddenError, UserInputError } from '../../common/errors.js';
import { likePattern } from '../../common/list.js';
import { byKey, groupByKey } from '../../common/loaders.js';
import { CaseAudit } from '../case-audit.js';
import { CaseStatus, CaseTeamRole, CaseType } from '../casework.enums.js';
import { CaseCipher } from '../crypto/case-cipher.js';
import { CaseFile } from './case-file.entity.js';
import { CaseLink } from './case-link.entity.js';
import { CaseTeamMember } from './case-team-member.entity.js';
import type { CaseCreateInput, CaseFilter, CaseLinkInput, CaseTeamInput, CaseUpdateInput } from './dto/case.input.js';

/** Who may take each place on a team: roles held in the case's branch. */
export const PLACE_ROLES: Record<CaseTeamRole, readonly Role[]> = {
  [CaseTeamRole.CASEWORKER]: [Role.CASEWORKER, Role.BRANCH_SECRETARY, Role.ADMIN],
  [CaseTeamRole.SECOND_CASEWORKER]: [Role.CASEWORKER, Role.BRANCH_SECRETARY, Role.ADMIN],
  [CaseTeamRole.REP]: [Role.REP, Role.CASEWORKER, Role.BRANCH_SECRETARY, Role.ADMIN],
};
const PLACE_FIELD: Record<CaseTeamRole, string> = {
  [CaseTeamRole.CASEWORKER]: 'caseworkerId', [CaseTeamRole.SECOND_CASEWORKER]: 'secondCaseworkerId', [CaseTeamRole.REP]: 'repId',
};
const PLACE_WHO: Record<CaseTeamRole, string> = {
  [CaseTeamRole.CASEWORKER]: "must be a caseworker, secretary or admin of the member's branch",
  [CaseTeamRole.SECOND_CASEWORKER]: "must be a caseworker, secretary or admin of the member's branch",
  [CaseTeamRole.REP]: "must be a rep, caseworker, secretary or admin of the member's branch",
};

/** Types of case that follow from another case (and link to it). */
const FOLLOW_ON_TYPES: readonly CaseType[] = [CaseType.APPEAL, CaseType.EMPLOYMENT_TRIBUNAL];

/** The case dates caseDeadlines reads, each named as the input field that sets it. */
const DATE_FIELDS = ['actDate', 'earlyConciliationStart', 'earlyConciliationCertificate', 'outcomeLetterDate'] as const;

export interface TeamPlace { userId: string; role: CaseTeamRole }

/** Someone who may take a place on a team (CaseTeamCandidate). */
export interface TeamCandidate { id: string; displayName: string }

/** The most candidates for a place the API lists at once (a name narrows them). */
const CANDIDATES_LIMIT = 50;

/** A case's links by direction: the cases it follows, and those that follow it. */
export interface CaseLinks { follows: CaseFile[]; followedBy: CaseFile[] }

/** Who is on a case, and the cases it follows (an appeal's or a claim's links). */
export interface CaseRelations { team: readonly TeamPlace[]; linkedCaseIds: readonly string[] }

/**
 * What the audit log keeps of a case: its fields, its team and the cases it follows, never its sealed
 * summary (only whether it has one). Putting a team on a case, and linking or unlinking it, are
 * updates of the case. Entries carry the member's employer (see CaseAudit).
 */
export function caseSnapshot(c: CaseFile, r: CaseRelations): Record<string, unknown> & { id: string } {
  const { summary, contact: _c, branch: _b, employer: _e, createdBy: _u, organisation: _o, deletedAt: _d, ...fields } = c;
  return {
    ...fields, hasSummary: !!summary,
    team: [...r.team].sort((a, b) => a.role.localeCompare(b.role)).map((t) => ({ userId: t.userId, role: t.role })),
    linkedCaseIds: [...r.linkedCaseIds].sort(),
  };
}

/**
 * Cases: the case itself, its team and its links. Every read goes through the CaseDoor (team, or the
 * branch's secretary and admins); every write finds its case through it first and then asks its
 * field rules. The summary is sealed with CaseCipher before it is stored. Meetings, custom deadlines
 * and notes have services of their own, which find their case here (`forContent`).
 */
@Injectable()
export class CaseService extends PeopleCrudService<CaseFile, CaseFilter> {
  protected readonly label = 'Case';
  protected readonly sortable = {
    openedOn: 'case_file.opened_on', closedOn: 'case_file.closed_on', status: 'case_file.status', type: 'case_file.type',
    createdAt: 'case_file.created_at', updatedAt: 'case_file.updated_at',
  };
  protected readonly defaultSort = 'openedOn';
  protected override readonly constraints: Record<string, [string, string]> = {
    ck_case_file_closed_after_opened: ['closedOn', 'must not be before openedOn'],
    uq_case_team_user: ['secondCaseworkerId', 'is already on the team'],
  };

  constructor(
    @InjectTransaction() private readonly db: EntityManager,
    private readonly cases: CaseDoor,
    people: PeopleDoor,
    private readonly access: AccessService,
    private readonly audit: CaseAudit,
    private readonly cipher: CaseCipher,
  ) {
    super(CaseFile, people);
  }

  /** Not the member's people scope alone: the case's team, or the branch's secretary and admins (CaseDoor). */
  protected override scope(qb: SelectQueryBuilder<CaseFile>, user: AuthUser): void {
    this.cases.scope(qb, user);
  }

  protected filter(qb: SelectQueryBuilder<CaseFile>, f: CaseFilter, user: AuthUser): void {
    if (f.status) qb.andWhere('case_file.status = :status', { status: f.status });
    if (f.type) qb.andWhere('case_file.type = :type', { type: f.type });
    if (f.contactId) qb.andWhere('case_file.contact_id = :contactId', { contactId: f.contactId });
    if (f.open === true) qb.andWhere("case_file.status <> 'CLOSED'");
    if (f.open === false) qb.andWhere("case_file.status = 'CLOSED'");
    if (f.mine) qb.andWhere('EXISTS (SELECT 1 FROM case_team mt WHERE mt.case_id = case_file.id AND mt.user_id = :me)', { me: user.id });
    if (f.caseworkerId) {
      qb.andWhere(`EXISTS (SELECT 1 FROM case_team cw WHERE cw.case_id = case_file.id AND cw.user_id = :caseworkerId AND cw.role = 'CASEWORKER')`,
        { caseworkerId: f.caseworkerId });
    }
    const words = f.q?.trim().split(/\s+/).filter(Boolean).slice(0, 5) ?? [];
    if (words.length) {
      // The member's name, among the people the caller may see (never a name the people rules hide).
      const member = this.door.condition(user, { alias: 'qc' }, DoorNames.of(qb));
      const match = words.map((_, i) => `(qc.first_name || ' ' || qc.last_name || ' ' || coalesce(qc.preferred_name, '')) ILIKE :cq${i}`).join(' AND ');
      qb.andWhere(`EXISTS (SELECT 1 FROM contact qc WHERE qc.id = case_file.contact_id AND qc.deleted_at IS NULL AND ${member.sql} AND ${match})`,
        { ...member.params, ...Object.fromEntries(words.map((w, i) => [`cq${i}`, likePattern(w)])) });
    }
  }

  /** The ids of the caller's cases that match `filter`, unsorted and unpaged (the CaseDoor's scope, the list's filters). */
  async idsOf(filter: CaseFilter, user: AuthUser): Promise<string[]> {
    const rows = await this.query(user, filter).select('case_file.id', 'id').getRawMany<{ id: string }>();
    return rows.map((r) => r.id);
  }

  /** A case the caller reads, for a change to its content (meetings, deadlines, notes): refused unless `may` says yes. */
  async forContent(caseId: string, user: AuthUser, field = 'caseId'): Promise<CaseFile> {
    const kase = await this.find(caseId, user);
    if (!kase) throw new UserInputError({ [field]: 'does not exist' });
    return kase;
  }

  /** Refuses a change to the case or its meetings, deadlines and links unless the caller is one of its caseworkers or a branch officer. */
  async requireMayChange(kase: CaseFile, user: AuthUser): Promise<void> {
    if (!(await this.cases.mayChange(user, kase))) {
      throw new ForbiddenError("Only the case's caseworkers, or the branch secretary or admins, may change it");
    }
  }

  /** The summary, unsealed. */
  summaryOf(kase: CaseFile): string | null {
    return kase.summary ? this.cipher.decryptText(kase.summary) : null;
  }

  /**
   * Opens a case for a member of the caller's branches, once per client-made id. The team: the named
   * caseworker (default: the caller), second caseworker and rep, all of the member's branch; a caller
   * who is not the branch's secretary or admin stays on the team (as second caseworker when they name
   * another caseworker), or they could not follow the case up.
   */
  async create(input: CaseCreateInput, user: AuthUser): Promise<CaseFile> {
    return this.createOnce(input.id, user, async () => {
      // The member, among the people of the branches where the caller may open cases.
      const opener = { ...user, people: this.access.scope(user, Permission.CASES_WRITE) };
      const contact = await this.door.contacts(opener).andWhere('contact.id = :id', { id: input.contactId }).getOne();
      if (!contact) throw new UserInputError({ contactId: 'does not exist' });
      const branchId = await this.branchOf(contact.employerId, user);
      if (!branchId) throw new UserInputError({ contactId: 'does not exist' });
      const officer = this.cases.isOfficer(user, { id: '', branchId });
      const team = this.teamFrom({ caseworkerId: input.caseworkerId ?? user.id, secondCaseworkerId: input.secondCaseworkerId, repId: input.repId });
      if (!officer && !team.some((t) => t.userId === user.id)) {
        if (team.some((t) => t.role === CaseTeamRole.SECOND_CASEWORKER)) {
          throw new UserInputError({ secondCaseworkerId: 'you are opening this case: be its caseworker or second caseworker (or ask your branch secretary)' });
        }
        team.push({ userId: user.id, role: CaseTeamRole.SECOND_CASEWORKER });
      }
      await this.checkTeam(team, branchId, contact.id, user);
      const today = ukToday();
      const openedOn = input.openedOn ?? today;
      if (openedOn > today) throw new UserInputError({ openedOn: 'must not be in the future' });
      const consent = input.consentToRepresentation ?? false;
      const draft: Partial<CaseFile> = {
        id: input.id ?? randomUUID(), organisationId: user.organisationId, contactId: contact.id, branchId, employerId: contact.employerId,
        type: input.type, status: input.status ?? CaseStatus.OPEN, openedOn, closedOn: input.status === CaseStatus.CLOSED ? today : null,
        summary: input.summary ? this.cipher.encrypt(input.summary) : null, outcome: null,
        consentToRepresentation: consent, consentRecordedOn: input.consentRecordedOn ?? (consent ? today : null),
        actDate: input.actDate ?? null, earlyConciliationStart: input.earlyConciliationStart ?? null,
        earlyConciliationCertificate: input.earlyConciliationCertificate ?? null, outcomeLetterDate: input.outcomeLetterDate ?? null,
        createdById: user.id,
      };
      this.checkDates(draft as CaseFile);
      await this.insert(this.repo.create(draft), user);
      await this.insertTeam(this.db, draft.id!, team);
      const row = await this.get(draft.id!, user);
      await this.audit.change(user, row, 'Case', null, caseSnapshot(row, { team, linkedCaseIds: [] }));
      return row;
    });
  }

  async update(id: string, input: CaseUpdateInput, user: AuthUser): Promise<CaseFile> {
    const row = await this.get(id, user);
    await this.requireMayChange(row, user);
    const relations = await this.relationsOf(id, user);
    const before = caseSnapshot({ ...row }, relations);
    const { summary, ...fields } = input;
    const wasClosed = row.status === CaseStatus.CLOSED;
    const merged = this.repo.merge(row, fields as Partial<CaseFile>);
    if (summary !== undefined) merged.summary = summary ? this.cipher.encrypt(summary) : null;
    const today = ukToday();
    if (merged.openedOn > today) throw new UserInputError({ openedOn: 'must not be in the future' });
    if (merged.status === CaseStatus.CLOSED) merged.closedOn ??= today;
    else if (wasClosed && input.closedOn === undefined) merged.closedOn = null; // reopened
    else if (merged.closedOn) throw new UserInputError({ closedOn: 'only a closed case has a closing date: set status CLOSED' });
    if (merged.closedOn && merged.closedOn < merged.openedOn) throw new UserInputError({ closedOn: 'must not be before openedOn' });
    if (merged.outcome && !isOutcomeFor(merged.type, merged.outcome)) {
      throw new UserInputError({ outcome: `is not an outcome of a ${CASE_TYPE_LABELS[merged.type].toLowerCase()} case` });
    }
    if (input.consentToRepresentation === true && !merged.consentRecordedOn) merged.consentRecordedOn = today;
    if (input.consentToRepresentation === false && input.consentRecordedOn === undefined) merged.consentRecordedOn = null;
    this.checkDates(merged);
    const saved = await this.save(merged, user);
    await this.audit.change(user, saved, 'Case', before, caseSnapshot(saved, relations));
    return saved;
  }

  /** A case opened by mistake: marked deleted (kept for history), by the branch's secretary or admins only. */
  override async remove(id: string, user: AuthUser): Promise<CaseFile> {
    const row = await this.get(id, user);
    if (!this.cases.mayManage(user, row)) throw new ForbiddenError('Only the branch secretary or admins may delete a case');
    const before = caseSnapshot(row, await this.relationsOf(id, user));
    await this.erase(id, user); // marked deleted: the table keeps its rows
    await this.audit.change(user, row, 'Case', before, null);
    return { ...row, id };
  }

  /** Puts a new team on a case (the branch's secretary and admins): an update of the case in the audit log. */
  async setTeam(caseId: string, input: CaseTeamInput, user: AuthUser): Promise<CaseFile> {
    const row = await this.get(caseId, user);
    if (!this.cases.mayManage(user, row)) throw new ForbiddenError('Only the branch secretary or admins may assign a case');
    const team = this.teamFrom(input);
    await this.checkTeam(team, row.branchId, row.contactId, user);
    const before = await this.relationsOf(caseId, user);
    await this.db.transaction(async (tx) => {
      await tx.delete(CaseTeamMember, { caseId });
      await this.insertTeam(tx, caseId, team);
    });
    await this.audit.change(user, row, 'Case', caseSnapshot(row, before), caseSnapshot(row, { ...before, team }));
    return row;
  }

  /** Links an appeal or tribunal claim to the case it follows (both the caller's to change, of the same member): an update of the first. */
  async link(input: CaseLinkInput, user: AuthUser): Promise<CaseFile> {
    const [kase, other] = await this.linkable(input, user);
    if (!FOLLOW_ON_TYPES.includes(kase.type)) throw new UserInputError({ caseId: 'only an appeal or a tribunal claim links to the case it follows' });
    if (await this.linkOf(kase, other, user)) return kase;
    const before = await this.relationsOf(kase.id, user);
    await this.db.createQueryBuilder().insert().into(CaseLink)
      .values({ id: randomUUID(), caseId: kase.id, linkedCaseId: other.id, createdById: user.id }).updateEntity(false).execute();
    await this.audit.change(user, kase, 'Case', caseSnapshot(kase, before), caseSnapshot(kase, { ...before, linkedCaseIds: [...before.linkedCaseIds, other.id] }));
    return kase;
  }

  /** Removes a link (an update of the case that followed); false (and nothing written) when there was none. */
  async unlink(input: CaseLinkInput, user: AuthUser): Promise<boolean> {
    const [kase, other] = await this.linkable(input, user);
    const link = await this.linkOf(kase, other, user);
    if (!link) return false;
    const before = await this.relationsOf(kase.id, user);
    await this.db.delete(CaseLink, { id: link.id });
    await this.audit.change(user, kase, 'Case', caseSnapshot(kase, before),
      caseSnapshot(kase, { ...before, linkedCaseIds: before.linkedCaseIds.filter((id) => id !== other.id) }));
    return true;
  }

  private linkOf(kase: CaseFile, other: CaseFile, user: AuthUser): Promise<CaseLink | null> {
    return this.cases.content(this.db.getRepository(CaseLink).createQueryBuilder('case_link'), user)
      .andWhere('case_link.case_id = :caseId AND case_link.linked_case_id = :linkedCaseId', { caseId: kase.id, linkedCaseId: other.id }).getOne();
  }

  private async linkable(input: CaseLinkInput, user: AuthUser): Promise<[CaseFile, CaseFile]> {
    const kase = await this.forContent(input.caseId, user, 'caseId');
    const other = await this.forContent(input.linkedCaseId, user, 'linkedCaseId');
    if (kase.id === other.id) throw new UserInputError({ linkedCaseId: 'a case cannot follow itself' });
    if (kase.contactId !== other.contactId) throw new UserInputError({ linkedCaseId: "must be another case of the same member" });
    await this.requireMayChange(kase, user);
    await this.requireMayChange(other, user);
    return [kase, other];
  }

  /** Teams by case id (the caller's cases only), for DataLoader. */
  async teams(caseIds: readonly string[], user: AuthUser): Promise<CaseTeamMember[][]> {
    const rows = await this.cases.ofCases(CaseTeamMember, user, caseIds, 'ct').orderBy('ct.role').addOrderBy('ct.id').getMany();
    return groupByKey(caseIds, rows, (r) => r.caseId);
  }

  /** The cases linked to each case, either way (only where the caller reads both), for DataLoader. */
  async links(caseIds: readonly string[], user: AuthUser): Promise<CaseFile[][]> {
    const links = await this.cases.content(this.db.getRepository(CaseLink).createQueryBuilder('case_link'), user)
      .andWhere('(case_link.case_id IN (:...ids) OR case_link.linked_case_id IN (:...ids))', { ids: [...caseIds] }).getMany();
    const others = new Set(links.flatMap((l) => [l.caseId, l.linkedCaseId]));
    const cases = new Map((await this.byIds([...others], user)).filter((c): c is CaseFile => !!c).map((c) => [c.id, c]));
    return caseIds.map((id) => links
      .flatMap((l) => (l.caseId === id ? [l.linkedCaseId] : l.linkedCaseId === id ? [l.caseId] : []))
      .map((other) => cases.get(other)).filter((c): c is CaseFile => !!c));
  }

  /**
   * Each case's links by direction, either way (only where the caller reads both): the cases it follows
   * (an appeal's or a claim's) and the cases that follow it, for DataLoader.
   */
  async linksByDirection(caseIds: readonly string[], user: AuthUser): Promise<CaseLinks[]> {
    const links = await this.cases.content(this.db.getRepository(CaseLink).createQueryBuilder('case_link'), user)
      .andWhere('(case_link.case_id IN (:...ids) OR case_link.linked_case_id IN (:...ids))', { ids: [...caseIds] })
      .orderBy('case_link.created_at').addOrderBy('case_link.id').getMany();
    const others = new Set(links.flatMap((l) => [l.caseId, l.linkedCaseId]));
    const cases = new Map((await this.byIds([...others], user)).filter((c): c is CaseFile => !!c).map((c) => [c.id, c]));
    const found = (ids: string[]) => ids.map((other) => cases.get(other)).filter((c): c is CaseFile => !!c);
    return caseIds.map((id) => ({
      follows: found(links.filter((l) => l.caseId === id).map((l) => l.linkedCaseId)),
      followedBy: found(links.filter((l) => l.linkedCaseId === id).map((l) => l.caseId)),
    }));
  }

  /**
   * Who may take a place on a case's team, for its branch's secretary and admins as they staff it: the
   * active users of the caller's organisation holding a role in the case's branch that fits the place
   * (PLACE_ROLES), a rep whose only role there is rep only if the member works on their patch (as
   * setTeam checks); by name, at most CANDIDATES_LIMIT, those whose name holds `q` if given.
   */
  async teamCandidates(caseId: string, role: CaseTeamRole, q: string | null | undefined, user: AuthUser): Promise<TeamCandidate[]> {
    const row = await this.get(caseId, user);
    if (!this.cases.mayManage(user, row)) throw new ForbiddenError('Only the branch secretary or admins may assign a case');
    const words = q?.trim().split(/\s+/).filter(Boolean).slice(0, 5) ?? [];
    const rows: { id: string; display_name: string; roles: Role[] }[] = await this.db.query(
      `SELECT u.id, u.display_name, array_agg(r.role::text) AS roles FROM app_user u JOIN user_branch_role r ON r.user_id = u.id
       WHERE r.branch_id = $1 AND u.organisation_id = $2 AND u.active ${words.map((_, i) => `AND u.display_name ILIKE $${i + 4}`).join(' ')}
       GROUP BY u.id, u.display_name HAVING bool_or(r.role::text = ANY($3)) ORDER BY u.display_name, u.id`,
      [row.branchId, user.organisationId, PLACE_ROLES[role], ...words.map(likePattern)],
    );
    // A rep (and nothing more there) only where the member's current ward is on their patch.
    const repsOnly = role === CaseTeamRole.REP ? rows.filter((r) => r.roles.every((x) => x === Role.REP)).map((r) => r.id) : [];
    const onPatch = new Set(repsOnly.length ? await this.onPatchOfAny(repsOnly, row.contactId, user) : []);
    return rows.filter((r) => !repsOnly.includes(r.id) || onPatch.has(r.id)).slice(0, CANDIDATES_LIMIT)
      .map((r) => ({ id: r.id, displayName: r.display_name }));
  }

  /** Each member's cases that the caller reads, newest first, for DataLoader. */
  async ofContacts(contactIds: readonly string[], user: AuthUser): Promise<CaseFile[][]> {
    if (!this.access.can(user, Permission.CASES_READ)) return contactIds.map(() => []);
    const rows = await this.query(user).andWhere('case_file.contact_id IN (:...contactIds)', { contactIds: [...contactIds] })
      .orderBy('case_file.opened_on', 'DESC').addOrderBy('case_file.id').getMany();
    return groupByKey(contactIds, rows, (r) => r.contactId);
  }

  /** Whether each person (of the caller's people) has an open case: existence only, for those who may know. */
  async hasOpenCase(contactIds: readonly string[], user: AuthUser): Promise<boolean[]> {
    const open = await this.cases.withOpenCase(user, contactIds);
    return contactIds.map((id) => open.has(id));
  }

  /** The branch of the caller's organisation covering the employer, where the caller may open cases. */
  private async branchOf(employerId: string, user: AuthUser): Promise<string | null> {
    const branches = user.roles.filter((r) => [Role.CASEWORKER, Role.BRANCH_SECRETARY, Role.ADMIN].includes(r.role)).map((r) => r.branchId);
    const rows: { id: string }[] = await this.db.query(
      `SELECT b.id FROM branch b JOIN branch_employer be ON be.branch_id = b.id
       WHERE be.employer_id = $1 AND b.organisation_id = $2 AND b.id = ANY($3) ORDER BY b.id LIMIT 1`,
      [employerId, user.organisationId, branches],
    );
    return rows[0]?.id ?? null;
  }

  private teamFrom(input: { caseworkerId: string; secondCaseworkerId?: string | null; repId?: string | null }): TeamPlace[] {
    const team: TeamPlace[] = [{ userId: input.caseworkerId, role: CaseTeamRole.CASEWORKER }];
    if (input.secondCaseworkerId) team.push({ userId: input.secondCaseworkerId, role: CaseTeamRole.SECOND_CASEWORKER });
    if (input.repId) team.push({ userId: input.repId, role: CaseTeamRole.REP });
    return team;
  }

  /**
   * Each place: a different, active user of the caller's organisation, holding a fitting role in the
   * case's branch; and a rep whose only role there is rep must have the member on their patch (a rep
   * reads only the people of their patch, and must know whom they represent).
   */
  private async checkTeam(team: readonly TeamPlace[], branchId: string, contactId: string, user: AuthUser): Promise<void> {
    const seen = new Set<string>();
    for (const t of team) {
      if (seen.has(t.userId)) throw new UserInputError({ [PLACE_FIELD[t.role]]: 'is already on the team' });
      seen.add(t.userId);
    }
    const rows: { user_id: string; role: Role }[] = await this.db.query(
      `SELECT r.user_id, r.role FROM user_branch_role r JOIN app_user u ON u.id = r.user_id
       WHERE r.user_id = ANY($1) AND r.branch_id = $2 AND u.organisation_id = $3 AND u.active`,
      [[...seen], branchId, user.organisationId],
    );
    for (const t of team) {
      const held = rows.filter((r) => r.user_id === t.userId).map((r) => r.role);
      if (!held.some((r) => PLACE_ROLES[t.role].includes(r))) throw new UserInputError({ [PLACE_FIELD[t.role]]: PLACE_WHO[t.role] });
      if (t.role === CaseTeamRole.REP && held.every((r) => r === Role.REP) && !(await this.onPatchOf(t.userId, contactId, user))) {
        throw new UserInputError({ repId: "must be a rep whose patch the member works on (the member's current ward is on none of their sites)" });
      }
    }
  }

  /** Which of these reps have the member's current posting on a site of their patch (read through the door, as the caller). */
  private async onPatchOfAny(repIds: readonly string[], contactId: string, user: AuthUser): Promise<string[]> {
    const rows = await this.door.sql<{ user_id: string }>(user, (people) => `SELECT DISTINCT rp.user_id FROM posting p JOIN ward w ON w.id = p.ward_id
      JOIN rep_patch rp ON rp.site_id = w.site_id WHERE p.contact_id = :contactId AND p.end_date IS NULL AND rp.user_id = ANY(:repIds)
      AND ${people({ table: 'posting', alias: 'p' })}`, { contactId, repIds: [...repIds] });
    return rows.map((r) => r.user_id);
  }

  /** Whether the member's current posting is on a site of this rep's patch (read through the door, as the caller). */
  private async onPatchOf(repId: string, contactId: string, user: AuthUser): Promise<boolean> {
    const [{ on }] = await this.door.sql<{ on: boolean }>(user, (people) => `SELECT EXISTS (SELECT 1 FROM posting p JOIN ward w ON w.id = p.ward_id
      JOIN rep_patch rp ON rp.site_id = w.site_id WHERE p.contact_id = :contactId AND p.end_date IS NULL AND rp.user_id = :repId
      AND ${people({ table: 'posting', alias: 'p' })}) AS on`, { contactId, repId });
    return on;
  }

  private async insertTeam(tx: EntityManager, caseId: string, team: readonly TeamPlace[]): Promise<void> {
    await tx.createQueryBuilder().insert().into(CaseTeamMember)
      .values(team.map((t) => ({ id: randomUUID(), caseId, userId: t.userId, role: t.role }))).updateEntity(false).execute();
  }

  /** The team of a case the caller reads, and the cases it follows (for snapshots). */
  private async relationsOf(caseId: string, user: AuthUser): Promise<CaseRelations> {
    const [rows] = await this.teams([caseId], user);
    const links = await this.cases.content(this.db.getRepository(CaseLink).createQueryBuilder('case_link'), user)
      .andWhere('case_link.case_id = :caseId', { caseId }).getMany();
    return { team: rows.map((r) => ({ userId: r.userId, role: r.role })), linkedCaseIds: links.map((l) => l.linkedCaseId) };
  }

  /**
   * The case's dates as the deadline rules will read them (libs/domain caseDeadlineFactsErrors):
   * each fault is a field error, so Case.deadlines never meets dates no rule can use.
   */
  checkDates(c: Pick<CaseFile, (typeof DATE_FIELDS)[number]>): void {
    const errors = caseDeadlineFactsErrors({
      region: BankHolidayRegion.ENGLAND_AND_WALES, meetings: [],
      outcomeLetterDate: c.outcomeLetterDate, actDate: c.actDate,
      earlyConciliationStart: c.earlyConciliationStart, earlyConciliationCertificate: c.earlyConciliationCertificate,
    });
    const fields = Object.fromEntries(Object.entries(errors).filter(([k]) => (DATE_FIELDS as readonly string[]).includes(k)));
    if (Object.keys(fields).length) throw new UserInputError(fields);
  }

  /** Cases by id (the caller's only), in key order. */
  override async byIds(ids: readonly string[], user: AuthUser): Promise<(CaseFile | null)[]> {
    if (!ids.length) return [];
    const rows = await this.query(user).andWhere({ id: In([...ids]) }).getMany();
    return byKey(ids, rows, (r) => r.id);
  }
}
