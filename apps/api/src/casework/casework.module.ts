import { Module } from '@nestjs/common';
import { ContactModule } from '../contacts/contact.module.js';
import { RequestRepositories } from '../database/request-repositories.js';
import { EmployerModule } from '../employers/employer.module.js';
import { UserModule } from '../users/user.module.js';
import { CaseAudit } from './case-audit.js';
import './casework.enums.js';
import { CaseLink } from './cases/case-link.entity.js';
import { CaseTeamMember } from './cases/case-team-member.entity.js';
import { CaseResolver, CaseTeamMemberResolver, ContactCaseResolver } from './cases/case.resolver.js';
import { CaseService } from './cases/case.service.js';
import { CaseCryptoModule } from './crypto/case-crypto.module.js';
import { CaseCustomDeadline } from './deadlines/case-custom-deadline.entity.js';
import { CaseCustomDeadlineResolver } from './deadlines/case-custom-deadline.resolver.js';
import { CaseCustomDeadlineService } from './deadlines/case-custom-deadline.service.js';
import { CaseDeadlineResolver } from './deadlines/case-deadline.resolver.js';
import { CaseDeadlinesService } from './deadlines/case-deadlines.service.js';
import { CaseDocumentController } from './documents/case-document.controller.js';
import { CaseDocument } from './documents/case-document.entity.js';
import { CaseDocumentResolver, CaseDocumentsResolver } from './documents/case-document.resolver.js';
import { CaseDocumentService } from './documents/case-document.service.js';
import { CaseMeeting } from './meetings/case-meeting.entity.js';
import { CaseMeetingResolver } from './meetings/case-meeting.resolver.js';
import { CaseMeetingService } from './meetings/case-meeting.service.js';
import { CaseNote } from './notes/case-note.entity.js';
import { CaseNoteResolver } from './notes/case-note.resolver.js';
import { CaseNoteService } from './notes/case-note.service.js';

/**
 * Casework (issue 11): cases, their teams and links, meetings, deadlines (computed by libs/domain's
 * named rules, and custom ones) and notes. Content is read through the CaseDoor (access/case-door.ts),
 * sealed at rest by CaseCipher, and every read of it is audited (CaseAudit).
 */
@Module({
  imports: [
    // case_file is about a person: its repository comes from the PeopleDoor (CaseService), never from here
    RequestRepositories.forFeature([CaseTeamMember, CaseLink, CaseMeeting, CaseCustomDeadline, CaseNote, CaseDocument]),
    CaseCryptoModule, ContactModule, EmployerModule, UserModule,
  ],
  controllers: [CaseDocumentController],
  providers: [
    CaseAudit, CaseService, CaseMeetingService, CaseCustomDeadlineService, CaseNoteService, CaseDeadlinesService,
    CaseResolver, CaseTeamMemberResolver, ContactCaseResolver, CaseMeetingResolver, CaseNoteResolver, CaseCustomDeadlineResolver,
    CaseDeadlineResolver,
    CaseDocumentService, CaseDocumentResolver, CaseDocumentsResolver,
  ],
  exports: [CaseService, CaseMeetingService, CaseDeadlinesService],
})
export class CaseworkModule {}
