import { Global, Module } from '@nestjs/common';
import { AccessService } from '../access/access.service.js';
import { WorkplaceAccess } from '../access/workplace-access.js';
import { DensityResolver } from './density.resolver.js';
import { DensityService } from './density.service.js';

@Global()
@Module({ providers: [DensityService, AccessService, WorkplaceAccess, DensityResolver], exports: [DensityService, AccessService, WorkplaceAccess] })
export class DensityModule {}
