import { Module } from '@nestjs/common';
import { EmployerModule } from '../employers/employer.module.js';
import { Site } from './site.entity.js';
import { SiteResolver } from './site.resolver.js';
import { SiteService } from './site.service.js';
import { RequestRepositories } from '../database/request-repositories.js';

@Module({
  imports: [RequestRepositories.forFeature([Site]), EmployerModule],
  providers: [SiteService, SiteResolver],
  exports: [SiteService],
})
export class SiteModule {}
