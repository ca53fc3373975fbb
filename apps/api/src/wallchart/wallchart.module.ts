import { Module } from '@nestjs/common';
import { WallChartResolver } from './wallchart.resolver.js';
import { WallChartService } from './wallchart.service.js';

/** The wall chart (issue 13): a site's or ward's people as cards, ward by ward. */
@Module({ providers: [WallChartService, WallChartResolver], exports: [WallChartService] })
export class WallChartModule {}
