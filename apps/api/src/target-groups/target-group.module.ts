import { Module } from '@nestjs/common';
import { TargetGroupService } from './target-group.service.js';

/** Target groups (a campaign's, a ballot's eligible group): checked, described and turned into SQL (target-group.sql.ts). */
@Module({ providers: [TargetGroupService], exports: [TargetGroupService] })
export class TargetGroupModule {}
