import { Module } from '@nestjs/common';
import { AuditModule } from '../audit/audit.module.js';
import { AuthModule } from '../auth/auth.module.js';
import { CaseworkModule } from '../casework/casework.module.js';
import { ContactModule } from '../contacts/contact.module.js';
import { RequestRepositories } from '../database/request-repositories.js';
import { User } from '../users/user.entity.js';
import { CalendarFeedController } from './calendar-feed.controller.js';
import { CalendarFeedResolver } from './calendar-feed.resolver.js';
import { CalendarFeedService } from './calendar-feed.service.js';

/** Calendar feeds (issue 11): a user's meetings and deadlines as an iCalendar file at a secret link. */
@Module({
  imports: [RequestRepositories.forFeature([User]), AuditModule, AuthModule, CaseworkModule, ContactModule],
  controllers: [CalendarFeedController],
  providers: [CalendarFeedService, CalendarFeedResolver],
})
export class CalendarModule {}
