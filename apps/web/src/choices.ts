import {
  ACTION_KIND_LABELS,
  AEIOU_LABELS,
  AEIOU_STEPS,
  ASK_ANSWER_LABELS,
  ASSESSMENT_LABELS,
  ASSESSMENTS,
  CONTRACT_TYPE_LABELS,
  CONVERSATION_CHANNEL_LABELS,
  CONVERSATION_TYPE_LABELS,
  GRADES,
  MEMBERSHIP_SOURCE_LABELS,
  MEMBERSHIP_STATUS_LABELS,
  REP_ROLE_KIND_LABELS,
  ROLE_LABELS,
  SHIFT_PATTERN_LABELS,
  SITE_KIND_LABELS,
  STAFF_GROUP_LABELS,
  WARD_TYPE_LABELS,
} from '@rollcall/domain';

/** SelectInput / SelectField choices built from the shared labels in @rollcall/domain. */
export interface Choice {
  id: string;
  name: string;
}

function toChoices(labels: Record<string, string>): Choice[] {
  return Object.entries(labels).map(([id, name]) => ({ id, name }));
}

export const STAFF_GROUP_CHOICES = toChoices(STAFF_GROUP_LABELS);
export const ACTION_KIND_CHOICES = toChoices(ACTION_KIND_LABELS);
export const GRADE_CHOICES: Choice[] = GRADES.map((g) => ({ id: g.grade, name: g.label }));
export const SHIFT_PATTERN_CHOICES = toChoices(SHIFT_PATTERN_LABELS);
export const CONTRACT_TYPE_CHOICES = toChoices(CONTRACT_TYPE_LABELS);
export const WARD_TYPE_CHOICES = toChoices(WARD_TYPE_LABELS);
export const SITE_KIND_CHOICES = toChoices(SITE_KIND_LABELS);
export const MEMBERSHIP_STATUS_CHOICES = toChoices(MEMBERSHIP_STATUS_LABELS);
export const MEMBERSHIP_SOURCE_CHOICES = toChoices(MEMBERSHIP_SOURCE_LABELS);
export const REP_ROLE_KIND_CHOICES = toChoices(REP_ROLE_KIND_LABELS);
export const ROLE_CHOICES = toChoices(ROLE_LABELS);
export const CHANNEL_CHOICES = toChoices(CONVERSATION_CHANNEL_LABELS);
export const CONVERSATION_TYPE_CHOICES = toChoices(CONVERSATION_TYPE_LABELS);
export const ANSWER_CHOICES = toChoices(ASK_ANSWER_LABELS);
export const AEIOU_CHOICES: Choice[] = AEIOU_STEPS.map((step) => ({ id: step, name: AEIOU_LABELS[step] }));
/** "1 · Leader" … "5 · Opposed" (numeric ids: the API's assessment is an Int). */
export const ASSESSMENT_CHOICES: { id: number; name: string }[] = ASSESSMENTS.map((a) => ({ id: a, name: `${a} · ${ASSESSMENT_LABELS[a]}` }));

/** A label for an enum value, falling back to the raw value. */
export function labelOf(labels: Record<string, string>, value: string | null | undefined): string {
  if (value === null || value === undefined || value === '') return '';
  return labels[value] ?? value;
}
