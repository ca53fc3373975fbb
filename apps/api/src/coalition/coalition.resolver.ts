import { Args, Mutation, Query, Resolver } from '@nestjs/graphql';
import { density, MIN_CELL_SIZE } from '@rollcall/domain';
import { Can, Permission } from '../access/permissions.js';
import { AuditAction } from '../audit/audit-event.entity.js';
import { AuditService } from '../audit/audit.service.js';
import type { AuthUser } from '../auth/auth-user.js';
import { CurrentUser } from '../auth/current-user.decorator.js';
import { UserInputError } from '../common/errors.js';
import { DensitySuppression } from '../density/density.types.js';
import { CoalitionService } from './coalition.service.js';
import { type CoalitionCell, CoalitionLineUp, CoalitionLineUpArgs, type CoalitionLineUpRow, CoalitionSharing, SetCoalitionSharingArgs } from './coalition.types.js';

const cell = (organisation: string, own: boolean, f: { name: string; headcount: number | null; members: number | null; reason: string | null }, publishedAt: Date | null): CoalitionCell => ({
  organisation, own, name: f.name, headcount: f.headcount, members: f.members,
  density: f.headcount === null || f.members === null ? null : density(f.members, f.headcount),
  suppressed: !!f.reason, suppression: f.reason ? DensitySuppression[f.reason as DensitySuppression] : null, publishedAt,
});

/**
 * The coalition line-up: organisations sharing a deployment line their numbers up by ODS code. Each
 * organisation opts in (SETTINGS_MANAGE, audited); what crosses the organisation wall is only its
 * published, already-suppressed tables, and an organisation sees others' only while it shares too.
 */
@Resolver()
export class CoalitionResolver {
  constructor(private readonly coalition: CoalitionService, private readonly audit: AuditService) {}

  @Can(Permission.AGGREGATES_READ)
  @Query(() => CoalitionLineUp, {
    description: "Trusts or sites by ODS code, a cell per organisation that shares: the caller's own figures (as densityBySite gives them), "
      + "and the figures other organisations published (suppressed: small cells withheld). Empty unless the caller's organisation shares",
  })
  async coalitionLineUp(@Args() args: CoalitionLineUpArgs, @CurrentUser() user: AuthUser): Promise<CoalitionLineUp> {
    const { sharing } = await this.coalition.sharing(user.organisationId);
    const me = await this.coalition.organisationName(user.organisationId);
    if (!sharing) return { level: args.level, sharing, organisations: [], rows: [], minCell: MIN_CELL_SIZE };
    const own = await this.coalition.own(user, args.level);
    const others = await this.coalition.published(user.organisationId, args.level);
    const rows = new Map<string, CoalitionLineUpRow>();
    const row = (ods: string, name: string) => rows.get(ods) ?? rows.set(ods, { odsCode: ods, name, cells: [] }).get(ods)!;
    for (const [ods, f] of own) row(ods, f.name).cells.push(cell(me, true, f, null));
    for (const p of others) row(p.odsCode, p.name).cells.push(cell(p.organisation, false, { ...p, reason: p.suppression }, p.publishedAt));
    const organisations = [me, ...new Set(others.map((p) => p.organisation))];
    return {
      level: args.level, sharing, organisations, minCell: MIN_CELL_SIZE,
      rows: [...rows.values()].sort((a, b) => a.odsCode.localeCompare(b.odsCode)),
    };
  }

  @Can(Permission.AGGREGATES_READ)
  @Query(() => CoalitionSharing, { description: "Whether the caller's organisation shares its coalition aggregates, and what it has published" })
  coalitionSharing(@CurrentUser() user: AuthUser): Promise<CoalitionSharing> {
    return this.coalition.sharing(user.organisationId);
  }

  @Can(Permission.SETTINGS_MANAGE)
  @Mutation(() => CoalitionSharing, { description: "Turns sharing of the organisation's coalition aggregates on or off; off removes what it published at once" })
  async setCoalitionSharing(@Args() args: SetCoalitionSharingArgs, @CurrentUser() user: AuthUser): Promise<CoalitionSharing> {
    const before = await this.coalition.sharing(user.organisationId);
    await this.coalition.setSharing(user.organisationId, args.share);
    const after = await this.coalition.sharing(user.organisationId);
    await this.audit.record({
      action: AuditAction.UPDATE, user, entityType: 'Organisation', entityId: user.organisationId,
      before: { id: user.organisationId, shareCoalitionAggregates: before.sharing, published: before.published },
      after: { id: user.organisationId, shareCoalitionAggregates: after.sharing, published: after.published },
    });
    return after;
  }

  @Can(Permission.SETTINGS_MANAGE)
  @Mutation(() => CoalitionSharing, { description: "Publishes the organisation's coalition aggregates now (as the daily job does), replacing what it published" })
  async publishCoalitionAggregates(@CurrentUser() user: AuthUser): Promise<CoalitionSharing> {
    const { sharing } = await this.coalition.sharing(user.organisationId);
    if (!sharing) throw new UserInputError({ share: 'the organisation does not share its coalition aggregates: turn sharing on first' });
    const rows = await this.coalition.publish(user.organisationId);
    const after = await this.coalition.sharing(user.organisationId);
    await this.audit.record({ action: AuditAction.CREATE, user, entityType: 'CoalitionPublication', entityId: null, after: { rows, publishedAt: after.publishedAt } });
    return after;
  }
}
