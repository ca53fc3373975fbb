import { Module } from '@nestjs/common';
import { ContactModule } from '../contacts/contact.module.js';
import { WardModule } from '../wards/ward.module.js';
import { RepRole } from './rep-role.entity.js';
import { ContactRepRolesResolver, RepRoleResolver } from './rep-role.resolver.js';
import { RepRoleService } from './rep-role.service.js';
import { RequestRepositories } from '../database/request-repositories.js';

@Module({
  imports: [RequestRepositories.forFeature([RepRole]), ContactModule, WardModule],
  providers: [RepRoleService, RepRoleResolver, ContactRepRolesResolver],
  exports: [RepRoleService],
})
export class RepRoleModule {}
