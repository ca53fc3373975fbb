import { Global, Module } from '@nestjs/common';
import { AccessService } from '../access/access.service.js';
import { WorkplaceAccess } from '../access/workplace-access.js';
import { DensityService } from './density.service.js';

@Global()
@Module({ providers: [DensityService, AccessService, WorkplaceAccess], exports: [DensityService, AccessService, WorkplaceAccess] })
export class DensityModule {}
