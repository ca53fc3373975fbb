import { Module } from '@nestjs/common';
import { Union } from './union.entity.js';
import { UnionResolver } from './union.resolver.js';
import { UnionService } from './union.service.js';
import { RequestRepositories } from '../database/request-repositories.js';

@Module({
  imports: [RequestRepositories.forFeature([Union])],
  providers: [UnionService, UnionResolver],
  exports: [UnionService],
})
export class UnionModule {}
