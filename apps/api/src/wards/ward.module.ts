import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { SiteModule } from '../sites/site.module.js';
import { Ward } from './ward.entity.js';
import { WardResolver } from './ward.resolver.js';
import { WardService } from './ward.service.js';

@Module({
  imports: [TypeOrmModule.forFeature([Ward]), SiteModule],
  providers: [WardService, WardResolver],
  exports: [WardService],
})
export class WardModule {}
