import { Query, Resolver } from '@nestjs/graphql';
import { cellId, density, MIN_CELL_SIZE, tableId } from '@rollcall/domain';
import { AccessService } from '../access/access.service.js';
import { Can, Permission } from '../access/permissions.js';
import { SliceResolver } from '../analytics/slice.resolver.js';
import type { AuthUser } from '../auth/auth-user.js';
import { CurrentUser } from '../auth/current-user.decorator.js';
import { DensityService } from './density.service.js';
import { DensityBySite, type DensityFigures, DensitySuppression, type SiteDensity } from './density.types.js';

const open = (members: number, headcount: number): DensityFigures => ({
  headcount, members, density: density(members, headcount), suppressed: false, suppression: null,
});

/** Density for the mapping work: members ÷ current staff, by site (more slices in densitySlice). */
@Resolver()
export class DensityResolver {
  constructor(private readonly density: DensityService, private readonly access: AccessService, private readonly slices: SliceResolver) {}

  /**
   * Every site of the caller's branches with its members, headcount and density. A caller who sees
   * the people of a site's employer (branch secretary, admin, caseworker, a rep with a patch there)
   * gets the figures. The sites of employers the caller counts only as a coalition partner get the
   * SITE table of the aggregate-only slice family over those employers (SliceResolver.coalitionFamily):
   * the very cells, withheld or published, that densitySlice(by: [SITE]) gives an aggregate-only
   * viewer of them, so comparing the two answers gives nothing away.
   */
  @Can(Permission.AGGREGATES_READ)
  @Query(() => DensityBySite, { description: "Membership density on each site of the caller's branches; for aggregate-only audiences the SITE table of densitySlice, small cells withheld" })
  async densityBySite(@CurrentUser() user: AuthUser): Promise<DensityBySite> {
    const scope = this.access.countScope(user);
    const seen = new Set(await this.density.seenEmployers(user));
    const shown = { organisationId: scope.organisationId, employerIds: scope.employerIds.filter((e) => seen.has(e)) };
    const closed = { organisationId: scope.organisationId, employerIds: scope.employerIds.filter((e) => !seen.has(e)) };
    const rows = await this.density.sitesWithCounts(scope, shown);
    const family = closed.employerIds.length ? await this.slices.coalitionFamily(closed.organisationId, closed) : null;
    const siteCells = new Map(family?.tables.find((t) => tableId(t.dims) === 'SITE')?.cells.map((c) => [c.key[0], c]) ?? []);
    const hidden = family?.suppression.hidden.get('SITE');
    const sites = rows.map((r): SiteDensity => {
      if (!closed.employerIds.includes(r.site.employerId)) return { id: r.site.id, site: r.site, ...open(r.counts.members, r.counts.headcount) };
      const cell = siteCells.get(r.site.id);
      // A site with nobody currently posted is no cell of the family (densitySlice has no row for it): nobody to count.
      if (!cell) return { id: r.site.id, site: r.site, ...open(0, 0) };
      const reason = hidden?.get(cellId(cell.key));
      if (reason) return { id: r.site.id, site: r.site, headcount: null, members: null, density: null, suppressed: true, suppression: DensitySuppression[reason] };
      return { id: r.site.id, site: r.site, ...open(cell.members, cell.headcount) };
    });
    const own = rows.filter((r) => !closed.employerIds.includes(r.site.employerId));
    const members = own.reduce((n, r) => n + r.counts.members, 0) + (family?.total.members ?? 0);
    const headcount = own.reduce((n, r) => n + r.counts.headcount, 0) + (family?.total.headcount ?? 0);
    // The total holds the family's grand total, withheld there when it is itself small.
    const total = family?.suppression.totalSuppressed
      ? { headcount: null, members: null, density: null, suppressed: true, suppression: DensitySuppression.SMALL_CELL }
      : open(members, headcount);
    return { sites, total, minCell: MIN_CELL_SIZE };
  }
}
