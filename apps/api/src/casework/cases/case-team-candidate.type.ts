import { Field, ID, ObjectType } from '@nestjs/graphql';

/** A user who may take a place on a case's team (Query.caseTeamCandidates): a name to pick, nothing more. */
@ObjectType()
export class CaseTeamCandidate {
  @Field(() => ID)
  id: string;

  @Field()
  displayName: string;
}
