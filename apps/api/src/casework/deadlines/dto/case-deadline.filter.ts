import { Field, InputType } from '@nestjs/graphql';
import { IsBoolean, IsOptional } from 'class-validator';
import { OptionalIdFilter, OptionalLocalDate } from '../../../common/validators.js';

/** Which deadlines of the caller's open cases to list (allCaseDeadlines): by case, date range and state. */
@InputType()
export class CaseDeadlineFilter {
  @Field(() => Boolean, { nullable: true, description: 'Only cases whose team you are on' })
  @IsOptional()
  @IsBoolean()
  mine?: boolean;

  @OptionalIdFilter('Only this case')
  caseId?: string;

  @OptionalLocalDate('YYYY-MM-DD: due on or after')
  from?: string | null;

  @OptionalLocalDate('YYYY-MM-DD: due on or before')
  to?: string | null;

  @Field(() => Boolean, {
    nullable: true, description: 'true: only those overdue (custom deadlines past their date and not done); false: only those not overdue',
  })
  @IsOptional()
  @IsBoolean()
  overdue?: boolean;

  @Field(() => Boolean, { nullable: true, description: 'Include custom deadlines marked done and computed limits whose date has gone (default: left out)' })
  @IsOptional()
  @IsBoolean()
  includeDone?: boolean;
}
