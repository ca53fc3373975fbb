import { Module } from '@nestjs/common';
import { EmployerModule } from '../employers/employer.module.js';
import { SiteModule } from '../sites/site.module.js';
import { WardModule } from '../wards/ward.module.js';
import { ContactPrefetches } from './contact-prefetch.js';
import { ContactResolver, PostingResolver } from './contact.resolver.js';
import { ContactService } from './contact.service.js';

@Module({
  imports: [WardModule, SiteModule, EmployerModule],
  providers: [ContactService, ContactPrefetches, ContactResolver, PostingResolver],
  exports: [ContactService, ContactPrefetches],
})
export class ContactModule {}
