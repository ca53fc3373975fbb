import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { addMonths, ruleSetFor, type TargetGroup, ukToday } from '@rollcall/domain';
import type { DeepPartial, Repository, SelectQueryBuilder } from 'typeorm';
import { referenceData } from '../access/people-door.js';
import { Permission, roleHas } from '../access/permissions.js';
import { AuditService } from '../audit/audit.service.js';
import type { AuthUser } from '../auth/auth-user.js';
import { ForbiddenError, UserInputError } from '../common/errors.js';
import { applySearch } from '../common/list.js';
import { OrganisationCrudService } from '../common/organisation-crud.service.js';
import { TargetGroupService } from '../target-groups/target-group.service.js';
import { Union } from '../unions/union.entity.js';
import { Ballot } from './ballot.entity.js';
import type { BallotCreateInput, BallotFilter, BallotResultInput, BallotUpdateInput } from './dto/ballot.input.js';

/** The branches where the caller holds a role: whose ballots they see. */
export function ballotBranches(user: AuthUser): string[] {
  return [...new Set(user.roles.map((r) => r.branchId))];
}

/** The branches where the caller may create, change and delete ballots (BALLOTS_MANAGE there). */
function managedBranches(user: AuthUser): string[] {
  return [...new Set(user.roles.filter((r) => roleHas(r.role, Permission.BALLOTS_MANAGE)).map((r) => r.branchId))];
}

/**
 * A branch's ballots: seen by everyone with a role in that branch who reads people (the members'
 * list behind it is the PeopleDoor's: BallotReadinessService), changed by its secretary and admins.
 * Dates are checked against each other and the rule sets (a ballot opened before 1 March 2017 is not
 * modelled); the eligible group through the TargetGroupService.
 */
@Injectable()
export class BallotService extends OrganisationCrudService<Ballot, BallotFilter> {
  protected readonly label = 'Ballot';
  protected readonly sortable = { name: 'ballot.name', openingDate: 'ballot.opening_date', closingDate: 'ballot.closing_date', createdAt: 'ballot.created_at' };
  protected readonly defaultSort = 'openingDate';

  constructor(@InjectRepository(Ballot) repo: Repository<Ballot>, audit: AuditService, private readonly groups: TargetGroupService) {
    super(repo, audit);
  }

  protected override scope(qb: SelectQueryBuilder<Ballot>, user: AuthUser): void {
    referenceData(qb, user);
    qb.andWhere(`${qb.alias}.branch_id = ANY(:ballotBranches)`, { ballotBranches: ballotBranches(user) });
  }

  protected filter(qb: SelectQueryBuilder<Ballot>, f: BallotFilter): void {
    applySearch(qb, f.q, ['ballot.name']);
    if (f.branchId) qb.andWhere('ballot.branch_id = :fBranch', { fBranch: f.branchId });
    if (f.unionId) qb.andWhere('ballot.union_id = :fUnion', { fUnion: f.unionId });
  }

  protected override async requireWritable(user: AuthUser, id: string | null, input: DeepPartial<Ballot> | null): Promise<void> {
    const managed = managedBranches(user);
    if (id) {
      const row = await this.get(id, user);
      if (!managed.includes(row.branchId)) throw new ForbiddenError();
    }
    if (input?.branchId !== undefined && !managed.includes(input.branchId as string)) {
      throw new UserInputError({ branchId: 'must be a branch where you manage ballots' });
    }
  }

  /** The live ballots the caller sees (not closed: closing today or later, no result entered), closing soonest first. */
  live(user: AuthUser, today = ukToday()): Promise<Ballot[]> {
    return this.query(user)
      .andWhere('ballot.closing_date >= :today AND ballot.result_votes_cast IS NULL', { today })
      .orderBy('ballot.closing_date', 'ASC').addOrderBy('ballot.id', 'ASC')
      .getMany();
  }

  async createBallot(input: BallotCreateInput, user: AuthUser): Promise<Ballot> {
    const row = await this.checked(input, null, user);
    return this.create({ ...row, createdById: user.id }, user);
  }

  async updateBallot(id: string, input: BallotUpdateInput, user: AuthUser): Promise<Ballot> {
    const current = await this.get(id, user);
    const row = await this.checked(input, current, user);
    return this.update(id, row, user);
  }

  async setResult(id: string, input: BallotResultInput, user: AuthUser): Promise<Ballot> {
    const { entitled, votesCast, yes, no } = input;
    if (votesCast > entitled) throw new UserInputError({ votesCast: 'must not exceed those entitled' });
    if (yes + no > votesCast) throw new UserInputError({ yes: 'yes and no together must not exceed the votes cast' });
    return this.update(id, {
      resultEntitled: entitled, resultVotesCast: votesCast, resultYes: yes, resultNo: no, resultSpoilt: input.spoilt ?? null,
    }, user);
  }

  async clearResult(id: string, user: AuthUser): Promise<Ballot> {
    return this.update(id, { resultEntitled: null, resultVotesCast: null, resultYes: null, resultNo: null, resultSpoilt: null }, user);
  }

  /** The input as a row, refused with a field error unless its dates, union and group hold together. */
  private async checked(input: BallotUpdateInput, current: Ballot | null, user: AuthUser): Promise<DeepPartial<Ballot>> {
    const { eligibleGroup, ...fields } = input;
    const row: DeepPartial<Ballot> = { ...fields };
    if (typeof row.name === 'string') row.name = row.name.trim();
    const cutOff = input.cutOffDate ?? current?.cutOffDate;
    const opening = input.openingDate ?? current?.openingDate;
    const closing = input.closingDate ?? current?.closingDate;
    if (opening) {
      try {
        ruleSetFor(opening);
      } catch {
        throw new UserInputError({ openingDate: 'ballots opened before 1 March 2017 are not covered by the rule sets' });
      }
    }
    if (cutOff && opening && cutOff > opening) throw new UserInputError({ cutOffDate: 'must be on or before the opening date' });
    if (opening && closing && closing < opening) throw new UserInputError({ closingDate: 'must be on or after the opening date' });
    if (input.unionId) {
      const qb = this.repo.manager.getRepository(Union).createQueryBuilder('trade_union').where('trade_union.id = :u', { u: input.unionId });
      referenceData(qb, user);
      if (!(await qb.getExists())) throw new UserInputError({ unionId: 'names a union that does not exist' });
    }
    if (eligibleGroup !== undefined || !current) row.eligibleGroupData = (await this.groups.check(eligibleGroup ?? null, user, 'eligibleGroup')) as TargetGroup;
    return row;
  }
}

/** A postal address confirmed before this day is out of date (BALLOT_ADDRESS_CONFIRMED_MONTHS before today). */
export function addressConfirmedSince(months: number, today = ukToday()): string {
  return addMonths(today, -months);
}
