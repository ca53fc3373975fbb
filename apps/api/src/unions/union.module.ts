import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { Union } from './union.entity.js';
import { UnionResolver } from './union.resolver.js';
import { UnionService } from './union.service.js';

@Module({
  imports: [TypeOrmModule.forFeature([Union])],
  providers: [UnionService, UnionResolver],
  exports: [UnionService],
})
export class UnionModule {}
