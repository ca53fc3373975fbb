import { Field, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { CASE_DEADLINE_RULES, type CaseDeadlineRule } from '@rollcall/domain';
import { GraphQLJSON } from '../../audit/json.scalar.js';

/** The named rules a deadline comes from (libs/domain CASE_DEADLINE_RULES), as a GraphQL enum. */
export const CaseDeadlineRuleName = Object.fromEntries(Object.keys(CASE_DEADLINE_RULES).map((k) => [k, k])) as { [K in CaseDeadlineRule]: K };
registerEnumType(CaseDeadlineRuleName, { name: 'CaseDeadlineRule' });

/**
 * A deadline of a case, computed by a named rule of libs/domain (caseDeadlines) from the case's dates,
 * meetings and custom deadlines, its employer's bank-holiday region and appeal policy; never typed by
 * hand except a custom one. Shown with its rule, inputs and explanation, and how many days are left.
 */
@ObjectType('CaseDeadline')
export class CaseDeadlineView {
  @Field(() => ID, { description: "Stable across recalculations: 's10:<meetingId>', 'appeal', 'tribunal', 'custom:<id>'" })
  key: string;

  @Field(() => ID)
  caseId: string;

  @Field(() => CaseDeadlineRuleName)
  rule: CaseDeadlineRule;

  @Field({ description: 'The law or policy the rule applies' })
  source: string;

  @Field()
  label: string;

  @Field({ description: 'YYYY-MM-DD' })
  due: string;

  @Field(() => Int, { description: 'Days from today (UK) to the due date: negative when overdue' })
  daysLeft: number;

  @Field({ description: 'One sentence: the rule and how the date was reached' })
  explanation: string;

  @Field(() => GraphQLJSON, { description: "The rule's inputs, e.g. { proposedDate, workingDays, region }" })
  inputs: Record<string, string | number>;

  @Field({ description: 'False when a bank holiday counted lies outside the years whose bank holidays are verified' })
  verified: boolean;

  @Field(() => [String], { description: 'What to check before relying on the date' })
  caveats: string[];

  @Field(() => ID, { nullable: true })
  meetingId: string | null;

  @Field(() => ID, { nullable: true, description: 'The custom deadline this is (rule CUSTOM)' })
  customDeadlineId: string | null;

  @Field({ description: 'A custom deadline marked done (computed deadlines are never done)' })
  done: boolean;

  @Field({
    description: 'A computed limit whose date has gone: nothing is left to do about it, so it is never overdue (only a custom deadline not done is)',
  })
  passed: boolean;
}
