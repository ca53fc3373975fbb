import { Module } from '@nestjs/common';
import { AnalyticsModule } from '../analytics/analytics.module.js';
import { AssessmentModule } from '../assessments/assessment.module.js';
import { AuditModule } from '../audit/audit.module.js';
import { ContactModule } from '../contacts/contact.module.js';
import { ConversationModule } from '../conversations/conversation.module.js';
import { DensityModule } from '../density/density.module.js';
import { EmployerModule } from '../employers/employer.module.js';
import { MembershipModule } from '../memberships/membership.module.js';
import { IssueTagModule } from '../issue-tags/issue-tag.module.js';
import { RepRoleModule } from '../rep-roles/rep-role.module.js';
import { SiteModule } from '../sites/site.module.js';
import { UnionModule } from '../unions/union.module.js';
import { UserModule } from '../users/user.module.js';
import { WardModule } from '../wards/ward.module.js';
import { CsvExporter } from './csv-exporter.js';
import { DensityExportController } from './density-export.controller.js';
import { ExportController } from './export.controller.js';
import { ExportLists } from './export-lists.js';

/** CSV exports of the lists, streamed, through each list's own service; and of a density slice (the explorer's table). */
@Module({
  imports: [
    AuditModule, DensityModule, EmployerModule, SiteModule, WardModule, UnionModule, ContactModule, MembershipModule,
    RepRoleModule, ConversationModule, IssueTagModule, AssessmentModule, UserModule, AnalyticsModule,
  ],
  controllers: [ExportController, DensityExportController],
  providers: [CsvExporter, ExportLists],
})
export class ExportModule {}
