import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { DeepPartial, Repository, SelectQueryBuilder } from 'typeorm';
import { referenceData } from '../access/people-door.js';
import { AuditService } from '../audit/audit.service.js';
import type { AuthUser } from '../auth/auth-user.js';
import { UserInputError } from '../common/errors.js';
import { applySearch } from '../common/list.js';
import { OrganisationCrudService } from '../common/organisation-crud.service.js';
import { campaignBranches } from './campaign-access.js';
import { CampaignAction } from './campaign-action.entity.js';
import { CampaignService } from './campaign.service.js';
import type { CampaignActionCreateInput, CampaignActionFilter, CampaignActionUpdateInput } from './dto/campaign.input.js';

/**
 * The actions of the caller's branches' campaigns: read where the campaign is, created, changed and
 * deleted by the campaign's branch's secretary and admins. An action is at one place at most: a ward,
 * a site, or online.
 */
@Injectable()
export class CampaignActionService extends OrganisationCrudService<CampaignAction, CampaignActionFilter> {
  protected readonly label = 'Action';
  protected readonly sortable = { date: 'campaign_action.date', title: 'campaign_action.title', kind: 'campaign_action.kind', createdAt: 'campaign_action.created_at' };
  protected readonly defaultSort = 'date';

  constructor(@InjectRepository(CampaignAction) repo: Repository<CampaignAction>, audit: AuditService, private readonly campaigns: CampaignService) {
    super(repo, audit);
  }

  protected override get entityType(): string {
    return 'CampaignAction';
  }

  protected override scope(qb: SelectQueryBuilder<CampaignAction>, user: AuthUser): void {
    referenceData(qb, user);
    qb.andWhere('campaign_action.campaign_id IN (SELECT k.id FROM campaign k WHERE k.organisation_id = :actionOrg AND k.branch_id = ANY(:actionBranches))', {
      actionOrg: user.organisationId, actionBranches: campaignBranches(user),
    });
  }

  protected filter(qb: SelectQueryBuilder<CampaignAction>, f: CampaignActionFilter): void {
    applySearch(qb, f.q, ['campaign_action.title', 'campaign_action.notes']);
    if (f.campaignId) qb.andWhere('campaign_action.campaign_id = :campaignId', { campaignId: f.campaignId });
    if (f.kind) qb.andWhere('campaign_action.kind = :kind', { kind: f.kind });
    if (f.isStructureTest !== undefined && f.isStructureTest !== null) qb.andWhere('campaign_action.is_structure_test = :st', { st: f.isStructureTest });
  }

  /** The action's campaign (and on a move, the new one) must be of a branch the caller is secretary or admin of. */
  protected override async requireWritable(user: AuthUser, id: string | null, input: DeepPartial<CampaignAction> | null): Promise<void> {
    if (id) {
      const row = await this.get(id, user);
      this.campaigns.requireOfficer(user, (await this.campaigns.get(row.campaignId, user)).branchId, 'id');
    }
    if (input?.campaignId) {
      const campaign = await this.campaigns.find(input.campaignId as string, user);
      if (!campaign) throw new UserInputError({ campaignId: 'does not exist' });
      this.campaigns.requireOfficer(user, campaign.branchId, 'campaignId');
    }
  }

  async createAction(input: CampaignActionCreateInput, user: AuthUser): Promise<CampaignAction> {
    const fields = this.checkPlace(input, null);
    return this.create({ ...fields, title: input.title.trim(), createdById: user.id }, user);
  }

  async updateAction(id: string, input: CampaignActionUpdateInput, user: AuthUser): Promise<CampaignAction> {
    for (const k of ['campaignId', 'kind', 'title', 'date'] as const) if (input[k] === null) throw new UserInputError({ [k]: 'is required and cannot be null' });
    const row = await this.get(id, user);
    const fields = this.checkPlace(input, row);
    return this.update(id, { ...fields, ...(input.title ? { title: input.title.trim() } : {}) }, user);
  }

  /** One place at most: giving one clears the others (an update), giving two is refused. */
  private checkPlace<T extends CampaignActionUpdateInput>(input: T, row: CampaignAction | null): T {
    const given = [input.wardId ? 'wardId' : null, input.siteId ? 'siteId' : null, input.online ? 'online' : null].filter(Boolean) as string[];
    if (given.length > 1) throw new UserInputError({ [given[1]]: `give a ward, a site or online, not more than one (${given.join(' and ')} given)` });
    if (!row || !given.length) return input;
    return { ...input, wardId: input.wardId ?? null, siteId: input.siteId ?? null, online: !!input.online };
  }
}
