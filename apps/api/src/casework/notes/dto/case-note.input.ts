import { Field, GraphQLISODateTime, ID, InputType } from '@nestjs/graphql';
import { MAX_LENGTH } from '@rollcall/domain';
import { IsDate, IsOptional, IsUUID } from 'class-validator';
import { BaseFilter } from '../../../common/list.js';
import { ClientId, OptionalIdFilter, RequiredText } from '../../../common/validators.js';

@InputType()
export class CaseNoteCreateInput {
  @ClientId()
  id?: string;

  @Field(() => ID)
  @IsUUID('all', { message: 'caseId must be a valid id' })
  caseId: string;

  @Field({ description: 'Encrypted at rest' })
  @RequiredText(MAX_LENGTH.CASE_NOTE, 'body is required')
  body: string;

  @Field(() => GraphQLISODateTime, { nullable: true, description: 'When it happened; default: now' })
  @IsOptional()
  @IsDate({ message: 'writtenAt must be a date and time' })
  writtenAt?: Date;
}

/** `q` searches the notes' text: for the case team only (the notes of cases whose team you are on). */
@InputType()
export class CaseNoteFilter extends BaseFilter {
  @OptionalIdFilter()
  caseId?: string;
}
