import { Module } from '@nestjs/common';
import { SiteModule } from '../sites/site.module.js';
import { Ward } from './ward.entity.js';
import { WardResolver } from './ward.resolver.js';
import { WardService } from './ward.service.js';
import { RequestRepositories } from '../database/request-repositories.js';

@Module({
  imports: [RequestRepositories.forFeature([Ward]), SiteModule],
  providers: [WardService, WardResolver],
  exports: [WardService],
})
export class WardModule {}
