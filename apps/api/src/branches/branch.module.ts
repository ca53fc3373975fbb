import { Module } from '@nestjs/common';
import { EmployerModule } from '../employers/employer.module.js';
import { Branch } from './branch.entity.js';
import { BranchResolver } from './branch.resolver.js';
import { BranchService } from './branch.service.js';
import { RequestRepositories } from '../database/request-repositories.js';

@Module({
  imports: [RequestRepositories.forFeature([Branch]), EmployerModule],
  providers: [BranchService, BranchResolver],
  exports: [BranchService],
})
export class BranchModule {}
