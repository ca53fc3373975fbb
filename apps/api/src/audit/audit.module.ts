import { Global, Module } from '@nestjs/common';
import { registerEnumType } from '@nestjs/graphql';
import { AuditAction, AuditEvent } from './audit-event.entity.js';
import { AuditResolver } from './audit.resolver.js';
import { AuditService } from './audit.service.js';
import { RequestRepositories } from '../database/request-repositories.js';

registerEnumType(AuditAction, { name: 'AuditAction' });

@Global()
@Module({
  imports: [RequestRepositories.forFeature([AuditEvent])],
  providers: [AuditService, AuditResolver],
  exports: [AuditService],
})
export class AuditModule {}
