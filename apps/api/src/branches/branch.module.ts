import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { EmployerModule } from '../employers/employer.module.js';
import { Branch } from './branch.entity.js';
import { BranchResolver } from './branch.resolver.js';
import { BranchService } from './branch.service.js';

@Module({
  imports: [TypeOrmModule.forFeature([Branch]), EmployerModule],
  providers: [BranchService, BranchResolver],
  exports: [BranchService],
})
export class BranchModule {}
