import { Module } from '@nestjs/common';
import { SliceResolver } from './slice.resolver.js';
import { SliceService } from './slice.service.js';

/** Density and coverage analytics: the density slice. */
@Module({ providers: [SliceService, SliceResolver], exports: [SliceService, SliceResolver] })
export class AnalyticsModule {}
