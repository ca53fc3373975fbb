import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { EmployerModule } from '../employers/employer.module.js';
import { Site } from './site.entity.js';
import { SiteResolver } from './site.resolver.js';
import { SiteService } from './site.service.js';

@Module({
  imports: [TypeOrmModule.forFeature([Site]), EmployerModule],
  providers: [SiteService, SiteResolver],
  exports: [SiteService],
})
export class SiteModule {}
