import { Field, InputType } from '@nestjs/graphql';
import { IsEnum, IsISO8601, IsOptional, IsString, MaxLength } from 'class-validator';
import { BaseFilter } from '../../common/list.js';
import { OptionalIdFilter } from '../../common/validators.js';
import { AuditAction } from '../audit-event.entity.js';

@InputType()
export class AuditEventFilter extends BaseFilter {
  @OptionalIdFilter('Who did it')
  userId?: string;

  @OptionalIdFilter('Which record')
  entityId?: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(60)
  entityType?: string;

  @Field(() => AuditAction, { nullable: true })
  @IsOptional()
  @IsEnum(AuditAction)
  action?: AuditAction;

  @Field(() => String, { nullable: true, description: 'From this instant or date (inclusive)' })
  @IsOptional()
  @IsISO8601({ strict: true }, { message: 'from must be a date or date-time' })
  from?: string;

  @Field(() => String, { nullable: true, description: 'Before this instant or date (exclusive)' })
  @IsOptional()
  @IsISO8601({ strict: true }, { message: 'to must be a date or date-time' })
  to?: string;
}
