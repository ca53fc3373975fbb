import { InjectTransaction } from '@nestjs-cls/transactional';
import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { campaignActive, ParticipationState, ukToday } from '@rollcall/domain';
import type { DeepPartial, EntityManager, Repository, SelectQueryBuilder } from 'typeorm';
import { AccessService } from '../access/access.service.js';
import { PeopleDoor, referenceData } from '../access/people-door.js';
import { AuditService } from '../audit/audit.service.js';
import type { AuthUser } from '../auth/auth-user.js';
import { Branch } from '../branches/branch.entity.js';
import { checkPeriod, ForbiddenError, NotFoundError, UserInputError } from '../common/errors.js';
import { applySearch } from '../common/list.js';
import { groupByKey } from '../common/loaders.js';
import { OrganisationCrudService } from '../common/organisation-crud.service.js';
import { TargetGroupService } from '../target-groups/target-group.service.js';
import { campaignBranches, campaignOfficerBranches } from './campaign-access.js';
import { Campaign } from './campaign.entity.js';
import type { CampaignCreateInput, CampaignFilter, CampaignUpdateInput } from './dto/campaign.input.js';

/** A campaign's counts: its actions, and the distinct people who took part or pledged (in the caller's count scope). */
export interface CampaignCounts {
  actions: number;
  participants: number;
  pledged: number;
}

/**
 * Campaigns of the caller's branches (see campaign-access.ts): listed, read and counted by everyone
 * in the branch; created, changed and deleted by its secretary and admins. The unions involved are
 * the organisation's own; the target group names only its places. Every change is audited.
 */
@Injectable()
export class CampaignService extends OrganisationCrudService<Campaign, CampaignFilter> {
  protected readonly label = 'Campaign';
  protected readonly sortable = {
    name: 'campaign.name', startDate: 'campaign.start_date', endDate: 'campaign.end_date', joinByDate: 'campaign.join_by_date',
    createdAt: 'campaign.created_at',
  };
  protected readonly defaultSort = 'startDate';

  constructor(
    @InjectRepository(Campaign) repo: Repository<Campaign>,
    audit: AuditService,
    @InjectTransaction() private readonly db: EntityManager,
    private readonly groups: TargetGroupService,
    private readonly door: PeopleDoor,
    private readonly access: AccessService,
  ) {
    super(repo, audit);
  }

  /** The organisation's campaigns of the caller's branches. */
  protected override scope(qb: SelectQueryBuilder<Campaign>, user: AuthUser): void {
    referenceData(qb, user);
    qb.andWhere('campaign.branch_id = ANY(:campaignBranches)', { campaignBranches: campaignBranches(user) });
  }

  protected filter(qb: SelectQueryBuilder<Campaign>, f: CampaignFilter): void {
    applySearch(qb, f.q, ['campaign.name', 'campaign.goal']);
    const branch = f.branchId ?? f.branch;
    if (branch) qb.andWhere('campaign.branch_id = :branch', { branch });
    if (f.active !== undefined && f.active !== null) {
      const running = 'campaign.start_date <= :today AND (campaign.end_date IS NULL OR campaign.end_date >= :today)';
      qb.andWhere(f.active ? `(${running})` : `NOT (${running})`, { today: ukToday() });
    }
  }

  async createCampaign(input: CampaignCreateInput, user: AuthUser): Promise<Campaign> {
    this.requireOfficer(user, input.branchId, 'branchId');
    const { unionIds, targetGroup, ...fields } = input;
    checkPeriod(fields.startDate, fields.endDate, 'startDate', 'endDate');
    const group = await this.groups.check(targetGroup, user, 'targetGroup');
    const unions = await this.checkUnions(unionIds ?? [], user);
    const row = await this.save(this.repo.create({
      ...fields, name: fields.name.trim(), organisationId: user.organisationId, targetGroup: group, createdById: user.id,
    } as DeepPartial<Campaign>), user);
    await this.setUnions(row.id, unions);
    await this.audit.change(user, 'Campaign', null, { ...row, unionIds: unions } as Campaign);
    return row;
  }

  async updateCampaign(id: string, input: CampaignUpdateInput, user: AuthUser): Promise<Campaign> {
    const row = await this.get(id, user);
    this.requireOfficer(user, row.branchId, 'id');
    if (input.branchId && input.branchId !== row.branchId) this.requireOfficer(user, input.branchId, 'branchId');
    const { unionIds, targetGroup, ...fields } = input;
    const before = { ...row, unionIds: (await this.unionIds([id]))[0] };
    checkPeriod(fields.startDate ?? row.startDate, fields.endDate === undefined ? row.endDate : fields.endDate, 'startDate', 'endDate');
    for (const k of ['name', 'startDate', 'branchId'] as const) if (fields[k] === null) throw new UserInputError({ [k]: 'is required and cannot be null' });
    const changes: DeepPartial<Campaign> = { ...fields, ...(fields.name ? { name: fields.name.trim() } : {}) };
    if (targetGroup !== undefined) changes.targetGroup = await this.groups.check(targetGroup, user, 'targetGroup');
    const unions = unionIds === undefined || unionIds === null ? before.unionIds : await this.checkUnions(unionIds, user);
    const saved = await this.save(this.repo.merge(row, changes), user);
    if (unionIds !== undefined && unionIds !== null) await this.setUnions(id, unions);
    await this.audit.change(user, 'Campaign', before, { ...saved, unionIds: unions } as Campaign);
    return saved;
  }

  /** Deletes a campaign and its actions; refused while anyone's participation is recorded on them (the database holds it). */
  async removeCampaign(id: string, user: AuthUser): Promise<Campaign> {
    const row = await this.get(id, user);
    this.requireOfficer(user, row.branchId, 'id');
    return this.remove(id, user);
  }

  /** The union ids of each campaign, for DataLoader. */
  async unionIds(campaignIds: readonly string[]): Promise<string[][]> {
    const rows: { campaign_id: string; union_id: string }[] = await this.db.query(
      'SELECT campaign_id, union_id FROM campaign_union WHERE campaign_id = ANY($1) ORDER BY union_id', [[...campaignIds]],
    );
    return groupByKey(campaignIds, rows, (r) => r.campaign_id).map((list) => list.map((r) => r.union_id));
  }

  /**
   * Each campaign's counts (see CampaignCounts), people counted in the caller's count scope (whole
   * employers of their branches, never a patch, names no one): one statement for any number of campaigns.
   */
  async counts(campaignIds: readonly string[], user: AuthUser): Promise<CampaignCounts[]> {
    const scope = this.access.countScope(user);
    const actions: { id: string; n: number }[] = await this.db.query(
      `SELECT a.campaign_id AS id, count(*)::int AS n FROM campaign_action a WHERE a.campaign_id = ANY($1) AND a.organisation_id = $2 GROUP BY a.campaign_id`,
      [[...campaignIds], user.organisationId],
    );
    const people = await this.door.countSql<{ id: string; participants: number; pledged: number }>(scope, (p) =>
      `SELECT a.campaign_id AS id,
          count(DISTINCT pt.contact_id) FILTER (WHERE pt.state = :came)::int AS participants,
          count(DISTINCT pt.contact_id) FILTER (WHERE pt.state = :pledged)::int AS pledged
        FROM participation pt JOIN campaign_action a ON a.id = pt.action_id
        WHERE a.campaign_id = ANY(:ids) AND ${p({ table: 'participation', alias: 'pt' })}
        GROUP BY a.campaign_id`,
    { ids: [...campaignIds], came: ParticipationState.ATTENDED_OR_SIGNED, pledged: ParticipationState.PLEDGED });
    const a = new Map(actions.map((r) => [r.id, r.n]));
    const p = new Map(people.map((r) => [r.id, r]));
    return campaignIds.map((id) => ({ actions: a.get(id) ?? 0, participants: p.get(id)?.participants ?? 0, pledged: p.get(id)?.pledged ?? 0 }));
  }

  /** Whether the campaign runs today. */
  active(c: Campaign): boolean {
    return campaignActive(c.startDate, c.endDate, ukToday());
  }

  /** Sets a branch's structure-test threshold (percent), as its secretary or admin. */
  async setStructureTestThreshold(branchId: string, percent: number, user: AuthUser): Promise<Branch> {
    if (!Number.isInteger(percent) || percent < 1 || percent > 100) throw new UserInputError({ percent: 'must be a whole number from 1 to 100' });
    const repo = this.db.getRepository(Branch);
    const qb = repo.createQueryBuilder('branch').where('branch.id = :branchId', { branchId });
    referenceData(qb, user);
    const branch = await qb.getOne();
    if (!branch) throw new NotFoundError('Branch');
    this.requireOfficer(user, branchId, 'branchId');
    const before = { id: branch.id, structureTestThreshold: branch.structureTestThreshold };
    await repo.update({ id: branchId }, { structureTestThreshold: percent });
    await this.audit.change(user, 'Branch', before, { id: branch.id, structureTestThreshold: percent } as Partial<Branch> as Branch);
    return { ...branch, structureTestThreshold: percent };
  }

  /** The thresholds of these branches (for DataLoader). */
  async thresholds(branchIds: readonly string[], user: AuthUser): Promise<number[]> {
    const qb = this.db.getRepository(Branch).createQueryBuilder('branch').where('branch.id = ANY(:ids)', { ids: [...branchIds] });
    referenceData(qb, user);
    const rows = await qb.getMany();
    const map = new Map(rows.map((b) => [b.id, b.structureTestThreshold]));
    return branchIds.map((id) => map.get(id) ?? 50);
  }

  /** Refuses unless the caller is secretary or admin of the branch (a branch not theirs at all: a field error, as if it did not exist). */
  requireOfficer(user: AuthUser, branchId: string, field: string): void {
    if (campaignOfficerBranches(user).includes(branchId)) return;
    if (campaignBranches(user).includes(branchId)) throw new ForbiddenError("Only the branch's secretary or an admin may change its campaigns");
    throw new UserInputError({ [field]: 'is not a branch you are secretary or admin of' });
  }

  private async checkUnions(ids: string[], user: AuthUser): Promise<string[]> {
    const unique = [...new Set(ids)].sort();
    if (!unique.length) return [];
    const found: { id: string }[] = await this.db.query('SELECT id FROM trade_union WHERE id = ANY($1) AND organisation_id = $2', [unique, user.organisationId]);
    if (found.length !== unique.length) throw new UserInputError({ unionIds: "include a union that is not one of your organisation's" });
    return unique;
  }

  private async setUnions(campaignId: string, unionIds: string[]): Promise<void> {
    await this.db.query('DELETE FROM campaign_union WHERE campaign_id = $1', [campaignId]);
    if (unionIds.length) {
      await this.db.query('INSERT INTO campaign_union (campaign_id, union_id) SELECT $1, unnest($2::uuid[])', [campaignId, unionIds]);
    }
  }
}
