import { Query, Resolver } from '@nestjs/graphql';
import { aggregateSuppressed, density, MIN_CELL_SIZE } from '@rollcall/domain';
import { AccessService } from '../access/access.service.js';
import { Can, Permission } from '../access/permissions.js';
import type { AuthUser } from '../auth/auth-user.js';
import { CurrentUser } from '../auth/current-user.decorator.js';
import { DensityService } from './density.service.js';
import { DensityBySite, type DensityFigures, DensitySuppression, type SiteDensity } from './density.types.js';

const open = (members: number, headcount: number): DensityFigures => ({
  headcount, members, density: density(members, headcount), suppressed: false, suppression: null,
});

/** Density for the mapping work: members ÷ current staff, by site (more slices will follow). */
@Resolver()
export class DensityResolver {
  constructor(private readonly density: DensityService, private readonly access: AccessService) {}

  /**
   * Every site of the caller's branches with its members, headcount and density. A caller who sees
   * the people of a site's employer (branch secretary, admin, caseworker, a rep of that branch) gets
   * the figures; for an employer the caller counts only as a coalition partner, small cells are
   * withheld (and as many others as it takes that they cannot be worked out from the total).
   */
  @Can(Permission.AGGREGATES_READ)
  @Query(() => DensityBySite, { description: "Membership density on each site of the caller's branches; small cells withheld from aggregate-only audiences" })
  async densityBySite(@CurrentUser() user: AuthUser): Promise<DensityBySite> {
    const rows = await this.density.sitesWithCounts(this.access.countScope(user));
    const people = this.access.scope(user, Permission.PEOPLE_READ);
    // Employers whose people the caller sees: whole branches, or the branch of a rep's patch.
    const seen = new Set([...people.employerIds, ...rows.filter((r) => people.siteIds.includes(r.site.id)).map((r) => r.site.employerId)]);
    const closed = rows.filter((r) => !seen.has(r.site.employerId));
    const published = aggregateSuppressed(closed.map((r) => ({ key: r.site.id, members: r.counts.members, headcount: r.counts.headcount })));
    const byKey = new Map(published.cells.map((c) => [c.key, c]));
    const sites = rows.map((r): SiteDensity => {
      const cell = byKey.get(r.site.id);
      if (!cell) return { id: r.site.id, site: r.site, ...open(r.counts.members, r.counts.headcount) };
      return {
        id: r.site.id, site: r.site, headcount: cell.headcount, members: cell.members, density: cell.density,
        suppressed: cell.suppressed, suppression: cell.reason ? DensitySuppression[cell.reason] : null,
      };
    });
    const members = rows.reduce((n, r) => n + r.counts.members, 0);
    const headcount = rows.reduce((n, r) => n + r.counts.headcount, 0);
    // With aggregate-only sites published, the total would give away the withheld ones' sum if that were small.
    const total = closed.length && published.total.suppressed
      ? { headcount: null, members: null, density: null, suppressed: true, suppression: DensitySuppression.SMALL_CELL }
      : open(members, headcount);
    return { sites, total, minCell: MIN_CELL_SIZE };
  }
}
