import { Module } from '@nestjs/common';
import { ContactModule } from '../contacts/contact.module.js';
import { UserModule } from '../users/user.module.js';
import { WardModule } from '../wards/ward.module.js';
import { AssessmentEntry } from './assessment-entry.entity.js';
import { ContactLink } from './contact-link.entity.js';
import { Conversation } from './conversation.entity.js';
import { ConversationResolver } from './conversation.resolver.js';
import { ConversationService } from './conversation.service.js';
import { IssueTag } from './issue-tag.entity.js';
import { IssueTagResolver } from './issue-tag.resolver.js';
import { IssueTagService } from './issue-tag.service.js';
import { AssessmentResolver, ContactOrganisingResolver, OrganisingResolver } from './organising.resolver.js';
import { OrganisingService } from './organising.service.js';
import { RequestRepositories } from '../database/request-repositories.js';

/** Organising on the ward: conversations, assessments, follow-ups, leaders, my patch, rep coverage. */
@Module({
  imports: [RequestRepositories.forFeature([Conversation, IssueTag, AssessmentEntry, ContactLink]), ContactModule, UserModule, WardModule],
  providers: [
    ConversationService, IssueTagService, OrganisingService,
    ConversationResolver, IssueTagResolver, ContactOrganisingResolver, AssessmentResolver, OrganisingResolver,
  ],
  exports: [ConversationService, IssueTagService, OrganisingService],
})
export class OrganisingModule {}
