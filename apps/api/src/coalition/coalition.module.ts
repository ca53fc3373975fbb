import { Module } from '@nestjs/common';
import { AnalyticsModule } from '../analytics/analytics.module.js';
import { CoalitionResolver } from './coalition.resolver.js';
import { CoalitionService } from './coalition.service.js';

/** The coalition line-up across organisations: opt-in sharing, the publish job, and the line-up query. */
@Module({ imports: [AnalyticsModule], providers: [CoalitionService, CoalitionResolver], exports: [CoalitionService] })
export class CoalitionModule {}
