import { Module } from '@nestjs/common';
import { ContactModule } from '../contacts/contact.module.js';
import { RequestRepositories } from '../database/request-repositories.js';
import { UserModule } from '../users/user.module.js';
import { AssessmentEntry } from './assessment-entry.entity.js';
import { AssessmentResolver, ContactAssessmentResolver, LeadershipResolver } from './assessment.resolver.js';
import { AssessmentService } from './assessment.service.js';
import { ContactLink } from './contact-link.entity.js';

/** Assessments and leadership: the assessment history and current assessment, organic leaders, who looks to whom. */
@Module({
  imports: [RequestRepositories.forFeature([AssessmentEntry, ContactLink]), ContactModule, UserModule],
  providers: [AssessmentService, ContactAssessmentResolver, AssessmentResolver, LeadershipResolver],
  exports: [AssessmentService],
})
export class AssessmentModule {}
