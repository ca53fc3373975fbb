import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { ContactModule } from '../contacts/contact.module.js';
import { WardModule } from '../wards/ward.module.js';
import { RepRole } from './rep-role.entity.js';
import { ContactRepRolesResolver, RepRoleResolver } from './rep-role.resolver.js';
import { RepRoleService } from './rep-role.service.js';

@Module({
  imports: [TypeOrmModule.forFeature([RepRole]), ContactModule, WardModule],
  providers: [RepRoleService, RepRoleResolver, ContactRepRolesResolver],
  exports: [RepRoleService],
})
export class RepRoleModule {}
