import { Module } from '@nestjs/common';
import { Employer } from './employer.entity.js';
import { EmployerResolver } from './employer.resolver.js';
import { EmployerService } from './employer.service.js';
import { RequestRepositories } from '../database/request-repositories.js';

@Module({
  imports: [RequestRepositories.forFeature([Employer])],
  providers: [EmployerService, EmployerResolver],
  exports: [EmployerService],
})
export class EmployerModule {}
