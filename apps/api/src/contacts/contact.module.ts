import { Module } from '@nestjs/common';
import { EmployerModule } from '../employers/employer.module.js';
import { WardModule } from '../wards/ward.module.js';
import { Contact } from './contact.entity.js';
import { ContactResolver, PostingResolver } from './contact.resolver.js';
import { ContactService } from './contact.service.js';
import { Posting } from './posting.entity.js';
import { RequestRepositories } from '../database/request-repositories.js';

@Module({
  imports: [RequestRepositories.forFeature([Contact, Posting]), WardModule, EmployerModule],
  providers: [ContactService, ContactResolver, PostingResolver],
  exports: [ContactService],
})
export class ContactModule {}
