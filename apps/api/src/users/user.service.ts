import { InjectTransaction } from '@nestjs-cls/transactional';
import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Role } from '@rollcall/domain';
import { type EntityManager, In, type Repository, type SelectQueryBuilder } from 'typeorm';
import { AccessService } from '../access/access.service.js';
import { AuditService } from '../audit/audit.service.js';
import type { AuthUser } from '../auth/auth-user.js';
import { checkNewPassword, hashPassword } from '../auth/password.js';
import { CrudService } from '../common/crud.service.js';
import { ForbiddenError, mapConstraintError, UserInputError } from '../common/errors.js';
import { applySearch } from '../common/list.js';
import { byKey, groupByKey } from '../common/loaders.js';
import { Organisation } from '../organisations/organisation.entity.js';
import { Site } from '../sites/site.entity.js';
import type { BranchRoleInput, UserCreateInput, UserFilter, UserUpdateInput } from './dto/user.input.js';
import { UserBranchRole } from './user-branch-role.entity.js';
import { User } from './user.entity.js';

/** An email taken by an account the admin can see: they can find it in their list. */
const EMAIL_IN_USE = 'is already used by another account';
/**
 * An email taken by an account the admin cannot see (another branch or organisation, active or
 * not): one answer for all of them, naming nothing about the account.
 */
const EMAIL_UNUSABLE = 'cannot be used for a new account: ask the person which address to use';

const CONSTRAINTS: Record<string, [string, string]> = {
  // Reached only when the admin's own check found no account it can see (or lost a race).
  uq_user_email: ['email', EMAIL_UNUSABLE],
};

const NOT_WHOLLY_YOURS = 'This account also holds roles in branches you do not administer: you can change only its roles and patch in your branches. '
  + 'Its password, name and active state can be changed by an admin of all its branches.';

/** What the audit log keeps of an account: never its password hash. */
interface UserSnapshot {
  id: string;
  email: string;
  displayName: string;
  active: boolean;
  roles: { branchId: string; role: Role }[];
  patchSiteIds: string[];
}

/**
 * Accounts, for admins: they see the accounts of their organisation that hold a role in a branch
 * they administer (or no role at all, waiting for one), and change roles and patches only in the
 * branches they administer. The account itself (password, active flag, name) only when every role
 * it holds is in those branches: an admin of one branch must not take over someone who also holds
 * a role elsewhere. Every change is audited with before and after.
 */
@Injectable()
export class UserService extends CrudService<User, UserFilter, AuthUser> {
  protected readonly label = 'User';
  protected readonly sortable = {
    email: 'app_user.email', displayName: 'app_user.display_name', active: 'app_user.active', createdAt: 'app_user.created_at',
  };
  protected readonly defaultSort = 'displayName';
  protected override readonly constraints = CONSTRAINTS;

  constructor(
    @InjectRepository(User) repo: Repository<User>,
    @InjectTransaction() private readonly db: EntityManager,
    private readonly access: AccessService,
    private readonly audit: AuditService,
  ) {
    super(repo);
  }

  protected scope(qb: SelectQueryBuilder<User>, user: AuthUser): void {
    qb.andWhere('app_user.organisation_id = :org', { org: user.organisationId });
    qb.andWhere(`(EXISTS (SELECT 1 FROM user_branch_role ar WHERE ar.user_id = app_user.id AND ar.branch_id = ANY(:administered))
      OR NOT EXISTS (SELECT 1 FROM user_branch_role nr WHERE nr.user_id = app_user.id))`, { administered: this.access.administeredBranches(user) });
  }

  protected filter(qb: SelectQueryBuilder<User>, f: UserFilter): void {
    applySearch(qb, f.q, ['app_user.email', 'app_user.display_name']);
    if (f.branchId || f.role) {
      qb.andWhere(`EXISTS (SELECT 1 FROM user_branch_role fr WHERE fr.user_id = app_user.id
        AND (CAST(:branchId AS uuid) IS NULL OR fr.branch_id = :branchId) AND (CAST(:role AS user_role) IS NULL OR fr.role = :role))`,
      { branchId: f.branchId ?? null, role: f.role ?? null });
    }
    if (f.active !== undefined && f.active !== null) qb.andWhere('app_user.active = :active', { active: f.active });
  }

  /** Roles per user, for DataLoader. */
  async rolesOf(userIds: readonly string[]): Promise<UserBranchRole[][]> {
    const rows = await this.db.getRepository(UserBranchRole).find({ where: { userId: In([...userIds]) }, order: { role: 'ASC' } });
    return groupByKey(userIds, rows, (r) => r.userId);
  }

  /** Organisations by id, for DataLoader (a user's own organisation). */
  async organisations(ids: readonly string[]): Promise<(Organisation | null)[]> {
    return byKey(ids, await this.db.getRepository(Organisation).findBy({ id: In([...ids]) }), (o) => o.id);
  }

  /** Display names by user id (reps named on conversations and assessments) in the caller's organisation, for DataLoader. */
  async displayNames(ids: readonly string[], user: AuthUser): Promise<(string | null)[]> {
    const rows: { id: string; display_name: string }[] = await this.db.query(
      'SELECT id, display_name FROM app_user WHERE id = ANY($1) AND organisation_id = $2', [[...ids], user.organisationId],
    );
    return byKey(ids, rows, (r) => r.id).map((r) => r?.display_name ?? null);
  }

  /** Patch site ids per user, for DataLoader. */
  async patchOf(userIds: readonly string[]): Promise<string[][]> {
    const rows: { user_id: string; site_id: string }[] = await this.db.query(
      'SELECT user_id, site_id FROM rep_patch WHERE user_id = ANY($1) ORDER BY site_id', [[...userIds]],
    );
    return groupByKey(userIds, rows, (r) => r.user_id).map((list) => list.map((r) => r.site_id));
  }

  async create(input: UserCreateInput, admin: AuthUser): Promise<User> {
    const email = input.email.trim().toLowerCase();
    checkNewPassword(email, input.password, 'password');
    const roles = this.checkRoles(input.roles, admin);
    if (!roles.length) throw new UserInputError({ roles: 'give at least one role in a branch you administer' });
    const patch = await this.checkPatch(input.patchSiteIds ?? [], roles);
    // Named only if the admin can see that account; any other taken email gets the database's answer.
    if (await this.query(admin).andWhere('app_user.email = :email', { email }).getExists()) throw new UserInputError({ email: EMAIL_IN_USE });
    const created = await this.db.transaction(async (tx) => {
      const user = await this.saveIn(tx, tx.create(User, {
        email, displayName: input.displayName.trim(), organisationId: admin.organisationId, active: true,
        passwordHash: await hashPassword(input.password),
      }));
      await this.writeAccess(tx, user.id, roles, patch);
      return user;
    });
    await this.audit.change(admin, 'User', null, await this.snapshot(created));
    return created;
  }

  async update(id: string, input: UserUpdateInput, admin: AuthUser): Promise<User> {
    const user = await this.get(id, admin);
    const before = await this.snapshot(user);
    const mine = new Set(this.access.administeredBranches(admin));
    const displayName = input.displayName == null ? input.displayName : input.displayName.trim();
    // Fields of the account itself, when they would change (an edit form sends them back untouched).
    const accountChanges = !!input.password || (input.active !== undefined && input.active !== user.active)
      || (displayName !== undefined && displayName !== user.displayName);
    if (accountChanges && before.roles.some((r) => !mine.has(r.branchId))) throw new ForbiddenError(NOT_WHOLLY_YOURS);
    if (id === admin.id && input.active === false) throw new UserInputError({ active: 'you cannot deactivate your own account' });
    let roles: BranchRoleInput[] | undefined;
    if (input.roles) {
      roles = this.checkRoles(input.roles, admin);
      const kept = before.roles.filter((r) => !mine.has(r.branchId));
      if (id === admin.id && !roles.some((r) => r.role === Role.ADMIN)) {
        throw new UserInputError({ roles: 'you cannot remove your own admin role (ask another admin)' });
      }
      roles = [...kept, ...roles];
    }
    const rolesAfter = roles ?? before.roles;
    let patch: string[] | undefined;
    if (input.patchSiteIds || input.roles) {
      // Patch sites in branches the admin does not run stay as they are; the rest are replaced,
      // or (when only the roles changed) kept where the user is still a rep.
      const theirs = await this.employersOfBranches([...mine]);
      const sites = await this.db.getRepository(Site).findBy({ id: In(before.patchSiteIds) });
      const kept = sites.filter((s) => !theirs.has(s.employerId)).map((s) => s.id);
      let requested = sites.filter((s) => theirs.has(s.employerId)).map((s) => s.id);
      if (input.patchSiteIds) {
        // Sites elsewhere that the user already has may come back unchanged (an edit form sends the
        // whole patch); a new one there is not this admin's to give.
        requested = input.patchSiteIds.filter((s) => !kept.includes(s));
        const foreign = (await this.db.getRepository(Site).findBy({ id: In(requested) })).find((s) => !theirs.has(s.employerId));
        if (foreign) throw new UserInputError({ patchSiteIds: `${foreign.name} is not a site of a branch you administer` });
      }
      const checked = await this.checkPatch(requested, rolesAfter.filter((r) => mine.has(r.branchId)), !input.patchSiteIds);
      patch = [...kept, ...checked];
    }
    if (input.password) checkNewPassword(user.email, input.password, 'password');
    const saved = await this.db.transaction(async (tx) => {
      if (displayName !== undefined) user.displayName = displayName as string;
      if (input.active !== undefined) user.active = input.active;
      if (input.password) user.passwordHash = await hashPassword(input.password);
      // Deactivation, a password reset or a real change of roles or patch ends the user's sessions.
      const key = (r: { branchId: string; role: string }) => `${r.branchId}:${r.role}`;
      const same = (a: string[], b: string[]) => a.length === b.length && [...a].sort().join() === [...b].sort().join();
      const rolesChanged = !!roles && !same(roles.map(key), before.roles.map(key));
      const patchChanged = !!patch && !same(patch, before.patchSiteIds);
      if (input.active === false || input.password || rolesChanged || patchChanged) user.tokenVersion += 1;
      const row = await this.saveIn(tx, user);
      if (roles || patch) await this.writeAccess(tx, id, roles ?? before.roles, patch ?? before.patchSiteIds);
      return row;
    });
    await this.audit.change(admin, 'User', before, { ...(await this.snapshot(saved)), ...(input.password ? { passwordReset: true } : {}) });
    return saved;
  }

  /** Accounts are deactivated, never deleted: the audit log refers to them. */
  override remove(): never {
    throw new Error('users are deactivated, not deleted');
  }

  /** Roles only in branches the admin administers, each once. */
  private checkRoles(roles: BranchRoleInput[], admin: AuthUser): BranchRoleInput[] {
    const mine = new Set(this.access.administeredBranches(admin));
    const outside = roles.find((r) => !mine.has(r.branchId));
    if (outside) throw new UserInputError({ roles: 'can only be given in branches you administer' });
    const seen = new Map(roles.map((r) => [`${r.branchId}:${r.role}`, r]));
    return [...seen.values()];
  }

  /** Patch sites must belong to an employer of a branch where the user is a rep. */
  private async checkPatch(siteIds: string[], roles: { branchId: string; role: Role }[], dropInvalid = false): Promise<string[]> {
    const unique = [...new Set(siteIds)];
    if (!unique.length) return [];
    const sites = await this.db.getRepository(Site).findBy({ id: In(unique) });
    if (sites.length !== unique.length && !dropInvalid) throw new UserInputError({ patchSiteIds: 'include a site that does not exist' });
    const repBranches = roles.filter((r) => r.role === Role.REP).map((r) => r.branchId);
    const employers = await this.employersOfBranches(repBranches);
    const outside = sites.filter((s) => !employers.has(s.employerId));
    if (outside.length && !dropInvalid) {
      throw new UserInputError({ patchSiteIds: `${outside[0].name} is not a site of a branch where this user is a rep` });
    }
    return sites.filter((s) => employers.has(s.employerId)).map((s) => s.id);
  }

  private async employersOfBranches(branchIds: string[]): Promise<Set<string>> {
    const rows: { employer_id: string }[] = await this.db.query('SELECT employer_id FROM branch_employer WHERE branch_id = ANY($1)', [branchIds]);
    return new Set(rows.map((r) => r.employer_id));
  }

  private async writeAccess(tx: EntityManager, userId: string, roles: { branchId: string; role: Role }[], patch: string[]): Promise<void> {
    await tx.delete(UserBranchRole, { userId });
    if (roles.length) await tx.insert(UserBranchRole, roles.map((r) => ({ userId, branchId: r.branchId, role: r.role })));
    await tx.query('DELETE FROM rep_patch WHERE user_id = $1', [userId]);
    if (patch.length) await tx.query('INSERT INTO rep_patch (user_id, site_id) SELECT $1, unnest($2::uuid[])', [userId, patch]);
  }

  private async saveIn(tx: EntityManager, user: User): Promise<User> {
    try {
      return await tx.save(user);
    } catch (e) {
      mapConstraintError(e, CONSTRAINTS);
    }
  }

  private async snapshot(u: User): Promise<UserSnapshot> {
    const [[roles], [patchSiteIds]] = await Promise.all([this.rolesOf([u.id]), this.patchOf([u.id])]);
    return {
      id: u.id, email: u.email, displayName: u.displayName, active: u.active,
      roles: roles.map((r) => ({ branchId: r.branchId, role: r.role })), patchSiteIds,
    };
  }
}
