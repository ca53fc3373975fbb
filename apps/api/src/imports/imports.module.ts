import { Module } from '@nestjs/common';
import { AuditModule } from '../audit/audit.module.js';
import { ImportApplyService } from '../access/import-apply.service.js';
import { ImportDryRunService } from './import-dry-run.service.js';
import { ImportUploadService } from './import-upload.service.js';
import { ImportViews } from './import-views.js';
import { ImportsController } from './imports.controller.js';
import { ImportsResolver } from './imports.resolver.js';
import { ImportsService } from './imports.service.js';

/** CSV imports of staff and membership lists (issue 14): upload, mapping, dry run, apply as a job. */
@Module({
  imports: [AuditModule],
  controllers: [ImportsController],
  providers: [ImportUploadService, ImportsService, ImportDryRunService, ImportApplyService, ImportViews, ImportsResolver],
})
export class ImportsModule {}
