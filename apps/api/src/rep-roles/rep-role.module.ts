import { Module } from '@nestjs/common';
import { ContactModule } from '../contacts/contact.module.js';
import { WardModule } from '../wards/ward.module.js';
import { ContactRepRolesResolver, RepRoleResolver } from './rep-role.resolver.js';
import { RepRoleService } from './rep-role.service.js';

@Module({
  imports: [ContactModule, WardModule],
  providers: [RepRoleService, RepRoleResolver, ContactRepRolesResolver],
  exports: [RepRoleService],
})
export class RepRoleModule {}
