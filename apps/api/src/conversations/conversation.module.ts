import { Module } from '@nestjs/common';
import { ContactModule } from '../contacts/contact.module.js';
import { IssueTagModule } from '../issue-tags/issue-tag.module.js';
import { UserModule } from '../users/user.module.js';
import { ContactConversationResolver, ConversationResolver } from './conversation.resolver.js';
import { ConversationService } from './conversation.service.js';

/** One-to-one conversations, the follow-ups they set, and when each person was last spoken to. */
@Module({
  imports: [ContactModule, UserModule, IssueTagModule],
  providers: [ConversationService, ConversationResolver, ContactConversationResolver],
  exports: [ConversationService],
})
export class ConversationModule {}
