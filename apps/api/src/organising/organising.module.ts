import { Module } from '@nestjs/common';
import { ContactModule } from '../contacts/contact.module.js';
import { WardModule } from '../wards/ward.module.js';
import { ContactTimelineResolver, OrganisingResolver } from './organising.resolver.js';
import { OrganisingService } from './organising.service.js';

/** The organising read models: each person's timeline, my patch, rep coverage, overdue follow-ups per rep, reps. */
@Module({
  imports: [ContactModule, WardModule],
  providers: [OrganisingService, ContactTimelineResolver, OrganisingResolver],
  exports: [OrganisingService],
})
export class OrganisingModule {}
