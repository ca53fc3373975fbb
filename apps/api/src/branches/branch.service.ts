import { InjectTransaction } from '@nestjs-cls/transactional';
import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Role } from '@rollcall/domain';
import { In, type Repository, type SelectQueryBuilder, type EntityManager } from 'typeorm';
import { AccessService } from '../access/access.service.js';
import { referenceData } from '../access/people-door.js';
import { AuditService } from '../audit/audit.service.js';
import type { AuthUser } from '../auth/auth-user.js';
import { CrudService } from '../common/crud.service.js';
import { ForbiddenError, UserInputError } from '../common/errors.js';
import { applySearch } from '../common/list.js';
import { groupByKey } from '../common/loaders.js';
import { Employer } from '../employers/employer.entity.js';
import { UserBranchRole } from '../users/user-branch-role.entity.js';
import { Branch } from './branch.entity.js';
import type { BranchCreateInput, BranchFilter, BranchUpdateInput } from './dto/branch.input.js';

const CONSTRAINTS: Record<string, [string, string]> = {
  uq_branch_org_name: ['name', 'is already the name of another branch'],
};

/**
 * Branches of the caller's organisation. Everyone may list them (names only); admins change the
 * branches they administer, and whoever creates a branch administers it.
 */
@Injectable()
export class BranchService extends CrudService<Branch, BranchFilter, AuthUser> {
  protected readonly label = 'Branch';
  protected readonly sortable = { name: 'branch.name', createdAt: 'branch.created_at' };
  protected readonly defaultSort = 'name';
  protected override readonly constraints = CONSTRAINTS;

  constructor(
    @InjectRepository(Branch) repo: Repository<Branch>,
    @InjectTransaction() private readonly db: EntityManager,
    private readonly access: AccessService,
    private readonly audit: AuditService,
  ) {
    super(repo);
  }

  /** Reference data: the organisation's branches, whoever in it asks. */
  protected scope(qb: SelectQueryBuilder<Branch>, user: AuthUser): void {
    referenceData(qb, user);
  }

  protected filter(qb: SelectQueryBuilder<Branch>, f: BranchFilter): void {
    applySearch(qb, f.q, ['branch.name']);
  }

  /** Employer ids per branch, for DataLoader. */
  async employerIds(branchIds: readonly string[]): Promise<string[][]> {
    const rows: { branch_id: string; employer_id: string }[] = await this.db.query(
      'SELECT branch_id, employer_id FROM branch_employer WHERE branch_id = ANY($1) ORDER BY employer_id', [[...branchIds]],
    );
    return groupByKey(branchIds, rows, (r) => r.branch_id).map((list) => list.map((r) => r.employer_id));
  }

  async create(input: BranchCreateInput, user: AuthUser): Promise<Branch> {
    const employers = await this.employers(input.employerIds, user, null);
    const branch = await this.save(this.repo.create({ name: input.name.trim(), organisationId: user.organisationId, employers }), user);
    const rolesBefore = await this.rolesOf(user.id);
    await this.db.getRepository(UserBranchRole).insert({ userId: user.id, branchId: branch.id, role: Role.ADMIN });
    await this.audit.change(user, 'Branch', null, snapshot(branch));
    const account = (roles: { branchId: string; role: Role }[]) => ({ id: user.id, roles });
    await this.audit.change(user, 'User', account(rolesBefore), account(await this.rolesOf(user.id)));
    return branch;
  }

  async update(id: string, input: BranchUpdateInput, user: AuthUser): Promise<Branch> {
    const branch = await this.administered(id, user);
    const before = snapshot({ ...branch, employers: await this.currentEmployers(id) });
    if (input.name !== undefined) branch.name = input.name.trim();
    branch.employers = input.employerIds ? await this.employers(input.employerIds, user, id) : await this.currentEmployers(id);
    const saved = await this.save(branch, user);
    await this.audit.change(user, 'Branch', before, snapshot(saved));
    return saved;
  }

  override async remove(id: string, user: AuthUser): Promise<Branch> {
    const branch = await this.administered(id, user);
    const others = await this.db.getRepository(UserBranchRole).count({ where: { branchId: id } })
      - await this.db.getRepository(UserBranchRole).count({ where: { branchId: id, userId: user.id } });
    if (others > 0) throw new UserInputError({ id: `cannot delete: other users hold ${others} role(s) in this branch` });
    const before = snapshot({ ...branch, employers: await this.currentEmployers(id) });
    const rolesBefore = await this.rolesOf(user.id);
    await this.repo.delete(id);
    await this.audit.change(user, 'Branch', before, null);
    // The caller's own roles in it go with it.
    if (rolesBefore.some((r) => r.branchId === id)) {
      const account = (roles: { branchId: string; role: Role }[]) => ({ id: user.id, roles });
      await this.audit.change(user, 'User', account(rolesBefore), account(rolesBefore.filter((r) => r.branchId !== id)));
    }
    return { ...branch, id };
  }

  /** A user's roles as the audit log keeps them (as UserService does). */
  private async rolesOf(userId: string): Promise<{ branchId: string; role: Role }[]> {
    const rows = await this.db.getRepository(UserBranchRole).find({ where: { userId }, order: { role: 'ASC', branchId: 'ASC' } });
    return rows.map((r) => ({ branchId: r.branchId, role: r.role }));
  }

  /** A branch of the caller's organisation that the caller administers. */
  private async administered(id: string, user: AuthUser): Promise<Branch> {
    const branch = await this.get(id, user);
    if (!this.access.administeredBranches(user).includes(id)) throw new ForbiddenError('You do not administer this branch');
    return branch;
  }

  private currentEmployers(branchId: string): Promise<Employer[]> {
    return this.db.getRepository(Employer).createQueryBuilder('e')
      .innerJoin('branch_employer', 'be', 'be.employer_id = e.id AND be.branch_id = :branchId', { branchId })
      .getMany();
  }

  /** Employers that exist and that no other branch of this organisation covers. */
  private async employers(ids: string[], user: AuthUser, branchId: string | null): Promise<Employer[]> {
    const unique = [...new Set(ids)];
    const found = await this.db.getRepository(Employer).findBy({ id: In(unique), organisationId: user.organisationId });
    if (found.length !== unique.length) throw new UserInputError({ employerIds: 'include an employer that does not exist' });
    const taken: { name: string; branch: string }[] = await this.db.query(
      `SELECT e.name, b.name AS branch FROM branch_employer be JOIN branch b ON b.id = be.branch_id JOIN employer e ON e.id = be.employer_id
       WHERE be.employer_id = ANY($1) AND b.organisation_id = $2 AND ($3::uuid IS NULL OR b.id <> $3::uuid) ORDER BY e.name`,
      [unique, user.organisationId, branchId],
    );
    if (taken.length) {
      throw new UserInputError({ employerIds: `${taken[0].name} is already organised by the ${taken[0].branch} branch` });
    }
    return found;
  }
}

function snapshot(b: Branch): { id: string; name: string; employerIds: string[] } {
  return { id: b.id, name: b.name, employerIds: (b.employers ?? []).map((e) => e.id).sort() };
}
