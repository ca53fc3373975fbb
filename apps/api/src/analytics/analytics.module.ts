import { Module } from '@nestjs/common';
import { RollupService } from './rollup.service.js';
import { SliceResolver } from './slice.resolver.js';
import { SliceService } from './slice.service.js';

/** Density and coverage analytics: the density slice, and the rollup it reads at scale. */
@Module({ providers: [SliceService, SliceResolver, RollupService], exports: [SliceService, SliceResolver, RollupService] })
export class AnalyticsModule {}
