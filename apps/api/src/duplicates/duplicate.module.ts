import { Module } from '@nestjs/common';
import { PeopleMerge } from '../access/people-merge.js';
import { DuplicateResolver } from './duplicate.resolver.js';
import { DuplicateService } from './duplicate.service.js';

/** Likely duplicate contacts and their reversible merging (issue 14). */
@Module({ providers: [PeopleMerge, DuplicateService, DuplicateResolver] })
export class DuplicateModule {}
