import { Field, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { BallotMemberState, BallotQuestion, type TargetGroup } from '@rollcall/domain';
import { Check, Column, Entity, Index, JoinColumn, ManyToOne, type Relation } from 'typeorm';
import { Branch } from '../branches/branch.entity.js';
import { OrganisationOwnedEntity } from '../organisations/organisation-owned.entity.js';
import { Union } from '../unions/union.entity.js';
import { User } from '../users/user.entity.js';

registerEnumType(BallotQuestion, { name: 'BallotQuestion' });
registerEnumType(BallotMemberState, { name: 'BallotMemberState' });

/**
 * An industrial-action ballot of one of a branch's unions (DOMAIN.md "Ballot readiness"): who may
 * vote (members of the union at the cut-off, in the eligible group), when it opens and closes (the
 * opening date picks the rule set: thresholds are dated law), and, once counted, the official result.
 * The organisation's record, read by its branch's people (BallotService); no person is named in it.
 */
@ObjectType()
@Entity()
@Index('ix_ballot_org_branch', ['organisationId', 'branchId', 'openingDate'])
@Check('ck_ballot_dates', 'cut_off_date <= opening_date AND opening_date <= closing_date')
@Check('ck_ballot_questions', 'cardinality(questions) BETWEEN 1 AND 2')
export class Ballot extends OrganisationOwnedEntity {
  @Field()
  @Column({ length: 200 })
  name: string;

  @Field(() => ID)
  @Column({ type: 'uuid' })
  branchId: string;

  @ManyToOne(() => Branch, { onDelete: 'RESTRICT' })
  @JoinColumn([{ name: 'organisation_id', referencedColumnName: 'organisationId' }, { name: 'branch_id', referencedColumnName: 'id' }])
  branch: Relation<Branch>;

  @Field(() => ID)
  @Column({ type: 'uuid' })
  unionId: string;

  @ManyToOne(() => Union, { onDelete: 'RESTRICT' })
  @JoinColumn([{ name: 'organisation_id', referencedColumnName: 'organisationId' }, { name: 'union_id', referencedColumnName: 'id' }])
  union: Relation<Union>;

  @Field(() => [BallotQuestion], { description: 'Strike, action short of a strike, or both' })
  @Column({ type: 'enum', enum: BallotQuestion, enumName: 'ballot_question', array: true })
  questions: BallotQuestion[];

  /** The eligible group (a TargetGroup; shown as `eligibleGroup` with its description). */
  @Column({ type: 'jsonb', default: {} })
  eligibleGroupData: TargetGroup;

  @Field({ description: 'Members at this date (YYYY-MM-DD) are entitled to vote' })
  @Column({ type: 'date' })
  cutOffDate: string;

  @Field({ description: 'The first day a voting paper is sent (YYYY-MM-DD): picks the rule set' })
  @Column({ type: 'date' })
  openingDate: string;

  @Field({ description: 'The last voting day (YYYY-MM-DD): the mandate runs from it' })
  @Column({ type: 'date' })
  closingDate: string;

  @Field({ description: 'Most of those entitled work in important public services (A&E, ambulance, ICU/HDU, urgent psychiatric, obstetrics/midwifery): the 40 % rule, under the 2016 rules only' })
  @Column({ default: false })
  importantPublicService: boolean;

  @Field(() => Int, { nullable: true, description: 'Official result: those entitled to vote' })
  @Column({ type: 'integer', nullable: true })
  resultEntitled: number | null;

  @Field(() => Int, { nullable: true, description: 'Official result: votes cast (spoilt papers not counted)' })
  @Column({ type: 'integer', nullable: true })
  resultVotesCast: number | null;

  @Field(() => Int, { nullable: true })
  @Column({ type: 'integer', nullable: true })
  resultYes: number | null;

  @Field(() => Int, { nullable: true })
  @Column({ type: 'integer', nullable: true })
  resultNo: number | null;

  @Field(() => Int, { nullable: true })
  @Column({ type: 'integer', nullable: true })
  resultSpoilt: number | null;

  @Column({ type: 'uuid', nullable: true })
  createdById: string | null;

  @ManyToOne(() => User, { onDelete: 'SET NULL' })
  createdBy: Relation<User>;
}
