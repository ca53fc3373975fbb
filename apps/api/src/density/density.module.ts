import { Global, Module } from '@nestjs/common';
import { AnalyticsModule } from '../analytics/analytics.module.js';
import { DensityResolver } from './density.resolver.js';
import { DensityService } from './density.service.js';

@Global()
@Module({ imports: [AnalyticsModule], providers: [DensityService, DensityResolver], exports: [DensityService] })
export class DensityModule {}
