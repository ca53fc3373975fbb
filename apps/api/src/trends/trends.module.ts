import { Module } from '@nestjs/common';
import { AnalyticsModule } from '../analytics/analytics.module.js';
import { TrendsResolver } from './trends.resolver.js';
import { TrendsService } from './trends.service.js';

/** Density trends: daily snapshots on the job queue, backfill, and the trend query. */
@Module({ imports: [AnalyticsModule], providers: [TrendsService, TrendsResolver], exports: [TrendsService] })
export class TrendsModule {}
