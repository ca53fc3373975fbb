import { Args, ID, Query, Resolver } from '@nestjs/graphql';
import { Can, Permission } from '../access/permissions.js';
import type { AuthUser } from '../auth/auth-user.js';
import { CurrentUser } from '../auth/current-user.decorator.js';
import { OptionalUuidPipe } from '../common/uuid.pipe.js';
import { WallChartService } from './wallchart.service.js';
import { WallChart, WallChartFilter } from './wallchart.types.js';

/** The wall chart: the organiser's map of a site or a ward, a card per person. Names people: PEOPLE_READ. */
@Resolver()
export class WallChartResolver {
  constructor(private readonly charts: WallChartService) {}

  @Can(Permission.PEOPLE_READ)
  @Query(() => WallChart, {
    description: "The wall chart of a site or of one ward (exactly one): its wards as columns, and on each the people the caller may see, grouped by shift",
  })
  wallChart(
    @CurrentUser() user: AuthUser,
    @Args('siteId', { type: () => ID, nullable: true }, new OptionalUuidPipe('siteId')) siteId?: string | null,
    @Args('wardId', { type: () => ID, nullable: true }, new OptionalUuidPipe('wardId')) wardId?: string | null,
    @Args('filter', { type: () => WallChartFilter, nullable: true }) filter?: WallChartFilter,
  ): Promise<WallChart> {
    return this.charts.chart(user, siteId, wardId, filter ?? {});
  }
}
