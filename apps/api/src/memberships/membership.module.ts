import { Module } from '@nestjs/common';
import { ContactModule } from '../contacts/contact.module.js';
import { UnionModule } from '../unions/union.module.js';
import { UserModule } from '../users/user.module.js';
import { ContactMembershipsResolver, MembershipResolver } from './membership.resolver.js';
import { MembershipService } from './membership.service.js';

@Module({
  imports: [ContactModule, UnionModule, UserModule],
  providers: [MembershipService, MembershipResolver, ContactMembershipsResolver],
  exports: [MembershipService],
})
export class MembershipModule {}
