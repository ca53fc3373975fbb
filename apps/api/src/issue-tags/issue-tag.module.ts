import { Module } from '@nestjs/common';
import { RequestRepositories } from '../database/request-repositories.js';
import { IssueTag } from './issue-tag.entity.js';
import { IssueTagResolver } from './issue-tag.resolver.js';
import { IssueTagService } from './issue-tag.service.js';

/** Each organisation's list of issues raised in conversations. */
@Module({
  imports: [RequestRepositories.forFeature([IssueTag])],
  providers: [IssueTagService, IssueTagResolver],
  exports: [IssueTagService],
})
export class IssueTagModule {}
