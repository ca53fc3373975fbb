/**
 * One-to-one conversations and follow-ups (DOMAIN.md "Organising"): the vocabulary a rep logs a
 * conversation in, and when a follow-up is due. Pure rules, shared by the API and the web app.
 */
import { addDays, compareIsoDates, daysBetween, type IsoDate, parseIsoDate } from './dates.js';
import { ShiftPattern } from './workplace.js';

/** How the conversation happened. */
export enum ConversationChannel {
  IN_PERSON = 'IN_PERSON',
  PHONE = 'PHONE',
  VIDEO = 'VIDEO',
  MESSAGE = 'MESSAGE',
}

export const CONVERSATION_CHANNEL_LABELS: Record<ConversationChannel, string> = {
  [ConversationChannel.IN_PERSON]: 'In person',
  [ConversationChannel.PHONE]: 'Phone',
  [ConversationChannel.VIDEO]: 'Video',
  [ConversationChannel.MESSAGE]: 'Message',
};

/** What kind of conversation it was. */
export enum ConversationType {
  ONE_TO_ONE = 'ONE_TO_ONE',
  GROUP = 'GROUP',
  HOME_VISIT = 'HOME_VISIT',
  PHONE_BANK = 'PHONE_BANK',
}

export const CONVERSATION_TYPE_LABELS: Record<ConversationType, string> = {
  [ConversationType.ONE_TO_ONE]: 'One-to-one',
  [ConversationType.GROUP]: 'Group',
  [ConversationType.HOME_VISIT]: 'House / home visit',
  [ConversationType.PHONE_BANK]: 'Phone bank',
};

/** The AEIOU organising conversation: Agitate, Educate, Inoculate, Organise (make the ask), Up (follow up). */
export enum AeiouStep {
  AGITATE = 'AGITATE',
  EDUCATE = 'EDUCATE',
  INOCULATE = 'INOCULATE',
  ORGANISE = 'ORGANISE',
  UP = 'UP',
}

export const AEIOU_STEPS: readonly AeiouStep[] = [AeiouStep.AGITATE, AeiouStep.EDUCATE, AeiouStep.INOCULATE, AeiouStep.ORGANISE, AeiouStep.UP];

export const AEIOU_LABELS: Record<AeiouStep, string> = {
  [AeiouStep.AGITATE]: 'Agitate',
  [AeiouStep.EDUCATE]: 'Educate',
  [AeiouStep.INOCULATE]: 'Inoculate',
  [AeiouStep.ORGANISE]: 'Organise (the ask)',
  [AeiouStep.UP]: 'Up (follow up)',
};

export const AEIOU_HINTS: Record<AeiouStep, string> = {
  [AeiouStep.AGITATE]: 'What makes them angry about work; why it matters to them',
  [AeiouStep.EDUCATE]: 'Who decides, and how acting together changes it',
  [AeiouStep.INOCULATE]: "What management will say or do, before they do it",
  [AeiouStep.ORGANISE]: 'A clear ask: join, sign, come, talk to two colleagues',
  [AeiouStep.UP]: 'A date to follow up, and what happens next',
};

/** Their answer to the ask. */
export enum AskAnswer {
  YES = 'YES',
  NO = 'NO',
  MAYBE = 'MAYBE',
}

export const ASK_ANSWER_LABELS: Record<AskAnswer, string> = {
  [AskAnswer.YES]: 'Yes',
  [AskAnswer.NO]: 'No',
  [AskAnswer.MAYBE]: 'Maybe',
};

/** The issue tags a new organisation starts with (admins add, rename and retire them). */
export const DEFAULT_ISSUE_TAGS: readonly string[] = [
  'Pay', 'Staffing', 'Safety', 'Rota', 'Bullying', 'Breaks', 'Parking', 'Workload', 'Equipment', 'Sickness policy',
];

/** Where a follow-up stands on a day. */
export enum FollowUpState {
  /** Logged: a later conversation with the person exists. */
  DONE = 'DONE',
  /** The date has passed without a conversation. */
  OVERDUE = 'OVERDUE',
  DUE_TODAY = 'DUE_TODAY',
  /** Within the coming week. */
  DUE_SOON = 'DUE_SOON',
  LATER = 'LATER',
}

/** Days ahead that count as "due soon". */
export const FOLLOW_UP_SOON_DAYS = 7;

/**
 * A follow-up's state on `today`: done when the person has been spoken to since the conversation
 * that set it (`completedOn` is the date of that later conversation), otherwise by its date.
 */
export function followUpState(followUpOn: IsoDate, today: IsoDate, completedOn: IsoDate | null = null): FollowUpState {
  parseIsoDate(followUpOn);
  parseIsoDate(today);
  if (completedOn !== null) {
    parseIsoDate(completedOn);
    return FollowUpState.DONE;
  }
  const c = compareIsoDates(followUpOn, today);
  if (c < 0) return FollowUpState.OVERDUE;
  if (c === 0) return FollowUpState.DUE_TODAY;
  return compareIsoDates(followUpOn, addDays(today, FOLLOW_UP_SOON_DAYS)) <= 0 ? FollowUpState.DUE_SOON : FollowUpState.LATER;
}

/** Days a follow-up is overdue on `today` (0 if not overdue). */
export function daysOverdue(followUpOn: IsoDate, today: IsoDate): number {
  return Math.max(0, daysBetween(followUpOn, today));
}

const STATE_ORDER: Record<FollowUpState, number> = {
  [FollowUpState.OVERDUE]: 0, [FollowUpState.DUE_TODAY]: 1, [FollowUpState.DUE_SOON]: 2, [FollowUpState.LATER]: 3, [FollowUpState.DONE]: 4,
};

/**
 * Orders a rep's follow-ups as they should work through them: overdue first (longest overdue
 * first), then due today, due soon and later (soonest first), done last.
 */
export function compareFollowUps(
  a: { followUpOn: IsoDate; completedOn?: IsoDate | null },
  b: { followUpOn: IsoDate; completedOn?: IsoDate | null },
  today: IsoDate,
): number {
  const sa = followUpState(a.followUpOn, today, a.completedOn ?? null);
  const sb = followUpState(b.followUpOn, today, b.completedOn ?? null);
  if (sa !== sb) return STATE_ORDER[sa] - STATE_ORDER[sb];
  return compareIsoDates(a.followUpOn, b.followUpOn);
}

/** A follow-up date must not be before the conversation it comes from. */
export function validFollowUpDate(conversationOn: IsoDate, followUpOn: IsoDate): boolean {
  return compareIsoDates(followUpOn, conversationOn) >= 0;
}

/**
 * Which shift patterns a rep on this pattern can reach: their own; a rep on a rotating rota meets
 * days, long days and nights staff; on-call staff are reached by anyone on days or long days.
 */
export function shiftsReachedBy(repShift: ShiftPattern): ShiftPattern[] {
  switch (repShift) {
    case ShiftPattern.ROTATING:
      return [ShiftPattern.DAYS, ShiftPattern.LONG_DAYS, ShiftPattern.NIGHTS, ShiftPattern.ROTATING, ShiftPattern.ON_CALL];
    case ShiftPattern.DAYS:
    case ShiftPattern.LONG_DAYS:
      return [repShift, ShiftPattern.ON_CALL];
    default:
      return [repShift];
  }
}

/** The shift patterns worked on a ward that none of its reps reaches: the holes in the map. */
export function uncoveredShifts(staffShifts: readonly ShiftPattern[], repShifts: readonly ShiftPattern[]): ShiftPattern[] {
  const reached = new Set(repShifts.flatMap(shiftsReachedBy));
  return SHIFT_PATTERN_ORDER.filter((s) => staffShifts.includes(s) && !reached.has(s));
}

const SHIFT_PATTERN_ORDER: readonly ShiftPattern[] = [
  ShiftPattern.DAYS, ShiftPattern.LONG_DAYS, ShiftPattern.NIGHTS, ShiftPattern.ROTATING, ShiftPattern.ON_CALL,
];
