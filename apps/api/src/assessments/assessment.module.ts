import { Module } from '@nestjs/common';
import { ContactModule } from '../contacts/contact.module.js';
import { UserModule } from '../users/user.module.js';
import { AssessmentResolver, ContactAssessmentResolver, LeadershipResolver } from './assessment.resolver.js';
import { AssessmentService } from './assessment.service.js';

/** Assessments and leadership: the assessment history and current assessment, organic leaders, who looks to whom. */
@Module({
  imports: [ContactModule, UserModule],
  providers: [AssessmentService, ContactAssessmentResolver, AssessmentResolver, LeadershipResolver],
  exports: [AssessmentService],
})
export class AssessmentModule {}
