import { ArgsType, Field, ID, InputType, OmitType, PartialType } from '@nestjs/graphql';
import { MAX_LENGTH } from '@rollcall/domain';
import { IsBoolean, IsEnum, IsOptional, IsString, IsUUID, MaxLength } from 'class-validator';
import { BaseFilter } from '../../../common/list.js';
import { ClientId, OptionalIdFilter, OptionalLocalDate } from '../../../common/validators.js';
import { CaseOutcome, CaseStatus, CaseTeamRole, CaseType } from '../../casework.enums.js';

/** Who works a case: its caseworker, and optionally a second caseworker and a rep (users of the member's branch). */
@InputType()
export class CaseTeamInput {
  @Field(() => ID)
  @IsUUID('all', { message: 'caseworkerId must be a valid id' })
  caseworkerId: string;

  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsUUID('all', { message: 'secondCaseworkerId must be a valid id' })
  secondCaseworkerId?: string | null;

  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsUUID('all', { message: 'repId must be a valid id' })
  repId?: string | null;
}

@InputType()
export class CaseCreateInput {
  @ClientId()
  id?: string;

  @Field(() => ID, { description: 'The member' })
  @IsUUID('all', { message: 'contactId must be a valid id' })
  contactId: string;

  @Field(() => CaseType)
  @IsEnum(CaseType)
  type: CaseType;

  @Field(() => CaseStatus, { nullable: true, description: 'Default: OPEN' })
  @IsOptional()
  @IsEnum(CaseStatus)
  status?: CaseStatus;

  @OptionalLocalDate('YYYY-MM-DD; default: today')
  openedOn?: string | null;

  @Field(() => String, { nullable: true, description: 'The allegation or issue (encrypted at rest)' })
  @IsOptional()
  @IsString()
  @MaxLength(MAX_LENGTH.CASE_TEXT)
  summary?: string | null;

  @Field(() => Boolean, { nullable: true })
  @IsOptional()
  @IsBoolean()
  consentToRepresentation?: boolean;

  @OptionalLocalDate('YYYY-MM-DD; default: today when consent is given')
  consentRecordedOn?: string | null;

  @OptionalLocalDate('YYYY-MM-DD: the act complained of (tribunal time limit)')
  actDate?: string | null;

  @OptionalLocalDate('YYYY-MM-DD: ACAS received the early conciliation notification')
  earlyConciliationStart?: string | null;

  @OptionalLocalDate('YYYY-MM-DD: the early conciliation certificate was received')
  earlyConciliationCertificate?: string | null;

  @OptionalLocalDate('YYYY-MM-DD: the outcome letter (appeal window)')
  outcomeLetterDate?: string | null;

  @Field(() => ID, { nullable: true, description: 'Default: you (a secretary or admin may name anyone of the branch who does casework)' })
  @IsOptional()
  @IsUUID('all', { message: 'caseworkerId must be a valid id' })
  caseworkerId?: string | null;

  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsUUID('all', { message: 'secondCaseworkerId must be a valid id' })
  secondCaseworkerId?: string | null;

  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsUUID('all', { message: 'repId must be a valid id' })
  repId?: string | null;
}

@InputType()
export class CaseUpdateInput extends PartialType(OmitType(CaseCreateInput, ['id', 'contactId', 'caseworkerId', 'secondCaseworkerId', 'repId'] as const), { skipNullProperties: false }) {
  @OptionalLocalDate('YYYY-MM-DD; default: today when the status becomes CLOSED')
  closedOn?: string | null;

  @Field(() => CaseOutcome, { nullable: true })
  @IsOptional()
  @IsEnum(CaseOutcome)
  outcome?: CaseOutcome | null;
}

@InputType()
export class CaseFilter extends BaseFilter {
  @Field(() => CaseStatus, { nullable: true })
  @IsOptional()
  @IsEnum(CaseStatus)
  status?: CaseStatus;

  @Field(() => CaseType, { nullable: true })
  @IsOptional()
  @IsEnum(CaseType)
  type?: CaseType;

  @Field(() => Boolean, { nullable: true, description: 'Only cases whose team you are on' })
  @IsOptional()
  @IsBoolean()
  mine?: boolean;

  @OptionalIdFilter('Only cases whose caseworker this user is')
  caseworkerId?: string;

  @OptionalIdFilter('Only this member\'s cases')
  contactId?: string;

  @Field(() => Boolean, { nullable: true, description: 'true: not closed; false: closed' })
  @IsOptional()
  @IsBoolean()
  open?: boolean;

  @Field(() => Boolean, {
    nullable: true,
    description: 'true: only open cases with no next step (no meeting from today on, no deadline still to come); false or null: no such filter',
  })
  @IsOptional()
  @IsBoolean()
  noNextStep?: boolean;
}

/** Two cases of one member: an appeal or tribunal claim (`caseId`) and the case it follows (`linkedCaseId`). */
@InputType()
export class CaseLinkInput {
  @Field(() => ID, { description: 'The appeal or tribunal claim' })
  @IsUUID('all', { message: 'caseId must be a valid id' })
  caseId: string;

  @Field(() => ID, { description: 'The case it follows from' })
  @IsUUID('all', { message: 'linkedCaseId must be a valid id' })
  linkedCaseId: string;
}

/** Who may take a place on a case's team: the case, the place, and (optionally) part of their name. */
@ArgsType()
export class CaseTeamCandidatesArgs {
  @Field(() => ID)
  @IsUUID('all', { message: 'caseId must be a valid id' })
  caseId: string;

  @Field(() => CaseTeamRole)
  @IsEnum(CaseTeamRole)
  role: CaseTeamRole;

  @Field(() => String, { nullable: true, description: 'Part of their name' })
  @IsOptional()
  @IsString()
  @MaxLength(100, { message: 'q must be at most 100 characters' })
  q?: string | null;
}
