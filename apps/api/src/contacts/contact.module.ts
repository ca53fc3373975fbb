import { Module } from '@nestjs/common';
import { EmployerModule } from '../employers/employer.module.js';
import { WardModule } from '../wards/ward.module.js';
import { ContactResolver, PostingResolver } from './contact.resolver.js';
import { ContactService } from './contact.service.js';

@Module({
  imports: [WardModule, EmployerModule],
  providers: [ContactService, ContactResolver, PostingResolver],
  exports: [ContactService],
})
export class ContactModule {}
