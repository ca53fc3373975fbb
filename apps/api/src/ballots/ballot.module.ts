import { Module } from '@nestjs/common';
import { RequestRepositories } from '../database/request-repositories.js';
import { TargetGroupModule } from '../target-groups/target-group.module.js';
import { BallotReadinessService } from './ballot-readiness.service.js';
import { Ballot } from './ballot.entity.js';
import { BallotResolver } from './ballot.resolver.js';
import { BallotService } from './ballot.service.js';

/** Industrial-action ballots: readiness, chase states, projections and the official result (issue 12). */
@Module({
  imports: [RequestRepositories.forFeature([Ballot]), TargetGroupModule],
  providers: [BallotService, BallotReadinessService, BallotResolver],
})
export class BallotModule {}
