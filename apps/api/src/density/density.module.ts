import { Global, Module } from '@nestjs/common';
import { DensityResolver } from './density.resolver.js';
import { DensityService } from './density.service.js';

@Global()
@Module({ providers: [DensityService, DensityResolver], exports: [DensityService] })
export class DensityModule {}
