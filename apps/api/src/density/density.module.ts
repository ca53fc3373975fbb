import { Global, Module } from '@nestjs/common';
import { AccessService } from '../access/access.service.js';
import { DensityService } from './density.service.js';

@Global()
@Module({ providers: [DensityService, AccessService], exports: [DensityService, AccessService] })
export class DensityModule {}
