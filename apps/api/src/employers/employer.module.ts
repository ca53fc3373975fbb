import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { Employer } from './employer.entity.js';
import { EmployerResolver } from './employer.resolver.js';
import { EmployerService } from './employer.service.js';

@Module({
  imports: [TypeOrmModule.forFeature([Employer])],
  providers: [EmployerService, EmployerResolver],
  exports: [EmployerService],
})
export class EmployerModule {}
