import { Module } from '@nestjs/common';
import { BranchModule } from '../branches/branch.module.js';
import { UserBranchRole } from './user-branch-role.entity.js';
import { User } from './user.entity.js';
import { UserBranchRoleResolver, UserResolver } from './user.resolver.js';
import { UserService } from './user.service.js';
import { RequestRepositories } from '../database/request-repositories.js';

@Module({
  imports: [RequestRepositories.forFeature([User, UserBranchRole]), BranchModule],
  providers: [UserService, UserResolver, UserBranchRoleResolver],
  exports: [UserService],
})
export class UserModule {}
