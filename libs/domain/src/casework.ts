/**
 * Casework (DOMAIN.md "Casework and representation"; issue 11): what a case is, and the deadlines
 * a case's dates produce. Every deadline comes from a named rule and carries that rule, its inputs
 * and one plain sentence saying how the date was reached; none is typed by hand except the custom
 * ones a caseworker adds (rule CUSTOM).
 *
 * The date rules themselves live elsewhere and are reused, not repeated: working days, bank holidays
 * and the s.10 window in working-days.ts, the tribunal limits and early conciliation in tribunal.ts.
 */
import { addDays, compareIsoDates, dayOfWeek, type IsoDate, isIsoDate, parseIsoDate } from './dates.js';
import {
  latestEarlyConciliationEnd, TRIBUNAL_RULE_SETS, tribunalDeadline, tribunalRuleSetFor, tribunalRuleSets, type TribunalTimeLimitRuleSet,
} from './tribunal.js';
import {
  addWorkingDays, BANK_HOLIDAY_DATA_FROM, BANK_HOLIDAY_DATA_TO, BANK_HOLIDAY_REGION_LABELS, BankHolidayRegion,
  DEFAULT_BANK_HOLIDAY_REGION, isBankHolidayDataVerified, latestPostponedHearingDate,
} from './working-days.js';

// ---------------------------------------------------------------------------------------------
// What a case is

export enum CaseType {
  DISCIPLINARY = 'DISCIPLINARY',
  GRIEVANCE = 'GRIEVANCE',
  CAPABILITY = 'CAPABILITY',
  SICKNESS_ABSENCE = 'SICKNESS_ABSENCE',
  BULLYING_HARASSMENT = 'BULLYING_HARASSMENT',
  WHISTLEBLOWING = 'WHISTLEBLOWING',
  APPEAL = 'APPEAL',
  EMPLOYMENT_TRIBUNAL = 'EMPLOYMENT_TRIBUNAL',
  OTHER = 'OTHER',
}

export const CASE_TYPE_LABELS: Record<CaseType, string> = {
  [CaseType.DISCIPLINARY]: 'Disciplinary',
  [CaseType.GRIEVANCE]: 'Grievance',
  [CaseType.CAPABILITY]: 'Capability (performance)',
  [CaseType.SICKNESS_ABSENCE]: 'Sickness absence',
  [CaseType.BULLYING_HARASSMENT]: 'Bullying and harassment',
  [CaseType.WHISTLEBLOWING]: 'Whistleblowing',
  [CaseType.APPEAL]: 'Appeal',
  [CaseType.EMPLOYMENT_TRIBUNAL]: 'Employment tribunal',
  [CaseType.OTHER]: 'Other',
};

export enum CaseStatus {
  OPEN = 'OPEN',
  AWAITING_MEETING = 'AWAITING_MEETING',
  AWAITING_OUTCOME = 'AWAITING_OUTCOME',
  APPEALED = 'APPEALED',
  CLOSED = 'CLOSED',
}

export const CASE_STATUS_LABELS: Record<CaseStatus, string> = {
  [CaseStatus.OPEN]: 'Open',
  [CaseStatus.AWAITING_MEETING]: 'Awaiting meeting',
  [CaseStatus.AWAITING_OUTCOME]: 'Awaiting outcome',
  [CaseStatus.APPEALED]: 'Appealed',
  [CaseStatus.CLOSED]: 'Closed',
};

export enum CaseOutcome {
  NO_CASE_TO_ANSWER = 'NO_CASE_TO_ANSWER',
  INFORMAL_ACTION = 'INFORMAL_ACTION',
  FIRST_WRITTEN_WARNING = 'FIRST_WRITTEN_WARNING',
  FINAL_WRITTEN_WARNING = 'FINAL_WRITTEN_WARNING',
  DISMISSAL = 'DISMISSAL',
  REDEPLOYMENT = 'REDEPLOYMENT',
  UPHELD = 'UPHELD',
  PARTLY_UPHELD = 'PARTLY_UPHELD',
  NOT_UPHELD = 'NOT_UPHELD',
  SETTLED = 'SETTLED',
  WITHDRAWN = 'WITHDRAWN',
}

export const CASE_OUTCOME_LABELS: Record<CaseOutcome, string> = {
  [CaseOutcome.NO_CASE_TO_ANSWER]: 'No case to answer',
  [CaseOutcome.INFORMAL_ACTION]: 'Informal action',
  [CaseOutcome.FIRST_WRITTEN_WARNING]: 'First written warning',
  [CaseOutcome.FINAL_WRITTEN_WARNING]: 'Final written warning',
  [CaseOutcome.DISMISSAL]: 'Dismissal',
  [CaseOutcome.REDEPLOYMENT]: 'Redeployment',
  [CaseOutcome.UPHELD]: 'Upheld',
  [CaseOutcome.PARTLY_UPHELD]: 'Partly upheld',
  [CaseOutcome.NOT_UPHELD]: 'Not upheld',
  [CaseOutcome.SETTLED]: 'Settled',
  [CaseOutcome.WITHDRAWN]: 'Withdrawn',
};

/** What a formal process can do to the member: disciplinary, capability and sickness-absence procedures. */
const SANCTION_OUTCOMES: readonly CaseOutcome[] = [
  CaseOutcome.NO_CASE_TO_ANSWER, CaseOutcome.INFORMAL_ACTION, CaseOutcome.FIRST_WRITTEN_WARNING,
  CaseOutcome.FINAL_WRITTEN_WARNING, CaseOutcome.DISMISSAL, CaseOutcome.REDEPLOYMENT,
];
/** What happens to a complaint the member makes (or to an appeal or a claim): upheld or not. */
const FINDING_OUTCOMES: readonly CaseOutcome[] = [CaseOutcome.UPHELD, CaseOutcome.PARTLY_UPHELD, CaseOutcome.NOT_UPHELD];
/** Any case can end by agreement or be dropped. */
const ENDING_OUTCOMES: readonly CaseOutcome[] = [CaseOutcome.SETTLED, CaseOutcome.WITHDRAWN];

const OUTCOME_GROUPS: Record<CaseType, readonly (readonly CaseOutcome[])[]> = {
  [CaseType.DISCIPLINARY]: [SANCTION_OUTCOMES],
  [CaseType.CAPABILITY]: [SANCTION_OUTCOMES],
  [CaseType.SICKNESS_ABSENCE]: [SANCTION_OUTCOMES],
  // The member raising the complaint. A member accused of bullying is a DISCIPLINARY case.
  [CaseType.GRIEVANCE]: [FINDING_OUTCOMES],
  [CaseType.BULLYING_HARASSMENT]: [FINDING_OUTCOMES],
  [CaseType.WHISTLEBLOWING]: [FINDING_OUTCOMES],
  // A claim succeeds (upheld), partly succeeds or is dismissed (not upheld).
  [CaseType.EMPLOYMENT_TRIBUNAL]: [FINDING_OUTCOMES],
  // An appeal is upheld or not, and an appeal panel may put a lesser sanction in place of the first.
  [CaseType.APPEAL]: [FINDING_OUTCOMES, SANCTION_OUTCOMES],
  [CaseType.OTHER]: [SANCTION_OUTCOMES, FINDING_OUTCOMES],
};

/** The outcomes a case of this type can have, in the order CaseOutcome declares them (a new array). */
export function outcomesFor(type: CaseType): CaseOutcome[] {
  const groups = OUTCOME_GROUPS[type];
  if (!groups) throw new RangeError(`Unknown case type: ${String(type)}`);
  const allowed = new Set([...groups.flat(), ...ENDING_OUTCOMES]);
  return Object.values(CaseOutcome).filter((o) => allowed.has(o));
}

export function isOutcomeFor(type: CaseType, outcome: CaseOutcome): boolean {
  return outcomesFor(type).includes(outcome);
}

export enum MeetingKind {
  INVESTIGATION = 'INVESTIGATION',
  DISCIPLINARY_HEARING = 'DISCIPLINARY_HEARING',
  GRIEVANCE_HEARING = 'GRIEVANCE_HEARING',
  APPEAL_HEARING = 'APPEAL_HEARING',
  OTHER = 'OTHER',
}

export const MEETING_KIND_LABELS: Record<MeetingKind, string> = {
  [MeetingKind.INVESTIGATION]: 'Investigation meeting',
  [MeetingKind.DISCIPLINARY_HEARING]: 'Disciplinary hearing',
  [MeetingKind.GRIEVANCE_HEARING]: 'Grievance hearing',
  [MeetingKind.APPEAL_HEARING]: 'Appeal hearing',
  [MeetingKind.OTHER]: 'Other meeting',
};

/**
 * The meetings that carry the statutory right to be accompanied, and so the s.10 postponement
 * window. ERA 1999 s.13(4)–(5): a disciplinary hearing is one that could end in a formal warning or
 * other action, or confirm one (so appeal hearings are included); a grievance hearing is one about
 * the employer's duty to the worker. An investigation meeting is usually neither.
 */
export const S10_MEETING_KINDS: readonly MeetingKind[] = [
  MeetingKind.DISCIPLINARY_HEARING, MeetingKind.GRIEVANCE_HEARING, MeetingKind.APPEAL_HEARING,
];

export function hasRightToBeAccompanied(kind: MeetingKind): boolean {
  return S10_MEETING_KINDS.includes(kind);
}

// ---------------------------------------------------------------------------------------------
// Appeal policies

export enum DayCounting {
  WORKING = 'WORKING',
  CALENDAR = 'CALENDAR',
}

export const DAY_COUNTING_LABELS: Record<DayCounting, string> = {
  [DayCounting.WORKING]: 'Working days',
  [DayCounting.CALENDAR]: 'Calendar days',
};

/** How long a member has to appeal after the outcome letter, under an employer's policy. */
export interface AppealPolicy {
  days: number;
  counting: DayCounting;
}

/** No appeal policy gives more than this; a larger number is a typing slip. */
export const MAX_APPEAL_POLICY_DAYS = 90;

/**
 * The appeal window used until the branch enters the employer's own policy (which it should, once
 * per employer: this is a default, not a rule).
 *
 * 10 working days from the outcome letter. There is no national figure for Agenda for Change staff:
 * each trust agrees its disciplinary, grievance and appeal procedures locally with staff side, in
 * line with the Acas Code of Practice, which asks only that appeals be made and heard "without
 * unreasonable delay". "Within 10 working days of the outcome letter" is a common window in NHS
 * policies (NHS Education for Scotland's, for the trainees it employs, is one); others use 14
 * calendar days, and some fewer. Counted from the letter's date rather than its receipt: the earlier
 * of the two, so the safe end. Ten working days is about two weeks, so where a policy is shorter this
 * default is too late: a deadline worked out from it says that it rests on the default.
 */
export const DEFAULT_APPEAL_POLICY: Readonly<AppealPolicy> = Object.freeze({ days: 10, counting: DayCounting.WORKING });

/** '10 working days', '14 calendar days', '1 working day'. */
export function appealPolicyText(policy: AppealPolicy): string {
  return `${policy.days} ${policy.counting === DayCounting.WORKING ? 'working' : 'calendar'} day${policy.days === 1 ? '' : 's'}`;
}

function appealPolicyError(policy: AppealPolicy): { field: 'days' | 'counting'; why: string } | null {
  if (!Number.isInteger(policy.days) || policy.days < 1 || policy.days > MAX_APPEAL_POLICY_DAYS) {
    return { field: 'days', why: `An appeal window is a whole number of days from 1 to ${MAX_APPEAL_POLICY_DAYS}` };
  }
  if (!Object.values(DayCounting).includes(policy.counting)) {
    return { field: 'counting', why: 'An appeal window is counted in working days or calendar days' };
  }
  return null;
}

/**
 * The last day to appeal: `days` working days (weekends and the region's bank holidays skipped) or
 * calendar days after the outcome letter's date. A calendar-day window ending on a weekend or bank
 * holiday is not moved on: an appeal can be emailed any day, and an earlier date is the safe one.
 */
export function appealWindowCloses(
  outcomeLetterDate: IsoDate, policy: AppealPolicy = DEFAULT_APPEAL_POLICY, region: BankHolidayRegion = DEFAULT_BANK_HOLIDAY_REGION,
): IsoDate {
  const error = appealPolicyError(policy);
  if (error) throw new RangeError(error.why);
  return policy.counting === DayCounting.WORKING ? addWorkingDays(outcomeLetterDate, policy.days, region) : addDays(outcomeLetterDate, policy.days);
}

// ---------------------------------------------------------------------------------------------
// Deadlines

export type CaseDeadlineRule = 'S10_POSTPONEMENT' | 'APPEAL_WINDOW' | 'TRIBUNAL_LIMIT' | 'CUSTOM';

export const CASE_DEADLINE_RULES: Record<CaseDeadlineRule, { label: string; source: string }> = {
  S10_POSTPONEMENT: {
    label: 'Right to be accompanied: latest postponed hearing',
    source:
      'Employment Relations Act 1999 s.10(4)–(5) and s.13 (in Northern Ireland, the Employment Relations (Northern Ireland) ' +
      'Order 1999 art.12): 5 working days after the day the employer proposed',
  },
  APPEAL_WINDOW: {
    label: 'Appeal window',
    source: "The employer's disciplinary, grievance or appeal policy (the Acas Code of Practice asks only for appeals without unreasonable delay)",
  },
  TRIBUNAL_LIMIT: {
    label: 'Employment tribunal time limit',
    source:
      'Employment Rights Act 1996 s.111 and s.207B, Equality Act 2010 s.123 and s.140B (3 months less one day, ACAS early ' +
      'conciliation stops the clock); the Employment Rights Act 2025 six-month limit from its commencement',
  },
  CUSTOM: { label: 'Custom deadline', source: 'Added by a caseworker' },
};

/** The s.10 window is this many working days (working-days.ts `latestPostponedHearingDate`). */
export const S10_POSTPONEMENT_WORKING_DAYS = 5;

export const MAX_CUSTOM_DEADLINE_LABEL_LENGTH = 200;

export interface CaseDeadlineFacts {
  /** Where the member works (the employer's nation): whose bank holidays are skipped. */
  region: BankHolidayRegion;
  meetings: readonly { id: string; kind: MeetingKind; date: IsoDate }[];
  outcomeLetterDate?: IsoDate | null;
  /** The employer's appeal policy; DEFAULT_APPEAL_POLICY when not given. */
  appealPolicy?: AppealPolicy | null;
  /** The act complained of (or the effective date of termination), for the tribunal limit. */
  actDate?: IsoDate | null;
  /** Day A: ACAS received the early conciliation notification. */
  earlyConciliationStart?: IsoDate | null;
  /** Day B: the early conciliation certificate was received. */
  earlyConciliationCertificate?: IsoDate | null;
  /**
   * When the Employment Rights Act 2025 six-month limit commences (from settings). Not given: the
   * placeholder date in tribunal.ts, and every deadline under that rule set says it is a placeholder.
   */
  era2025Commencement?: IsoDate | null;
  custom?: readonly { id: string; label: string; due: IsoDate }[];
}

export interface CaseDeadline {
  /** Stable across recalculations: 's10:<meetingId>', 'appeal', 'tribunal', 'custom:<id>'. */
  key: string;
  rule: CaseDeadlineRule;
  label: string;
  due: IsoDate;
  /** The rule's inputs, e.g. { proposedDate, workingDays: 5, region }. */
  inputs: Readonly<Record<string, string | number>>;
  /** One plain sentence naming the rule and how the date was reached. */
  explanation: string;
  /**
   * False when a day counted lies in a year whose bank holidays are not verified (outside
   * BANK_HOLIDAY_DATA_FROM..BANK_HOLIDAY_DATA_TO): a one-off bank holiday could move the date.
   * Rules that count calendar days (tribunal limits, calendar-day appeal windows) and custom
   * deadlines do not depend on bank holidays and are always true.
   */
  verified: boolean;
  /** Things to check before relying on the date (unverified bank holidays, a placeholder rule, a default policy). */
  caveats: readonly string[];
  meetingId?: string;
}

/** Thrown by caseDeadlines for facts no rule can use; `fields` says which, for field-level errors. */
export class CaseDeadlineFactsError extends RangeError {
  constructor(readonly fields: Readonly<Record<string, string>>) {
    super(`Invalid case dates: ${Object.entries(fields).map(([field, why]) => `${field}: ${why}`).join('; ')}`);
    this.name = 'CaseDeadlineFactsError';
  }
}

const NOT_A_DATE = 'Not a calendar date (YYYY-MM-DD) between 2000 and 2099';

/** A real date in a year a case can plausibly have (so '0026-01-05' and '2206-01-05' are typing slips). */
function isCaseDate(value: unknown): value is IsoDate {
  if (!isIsoDate(value)) return false;
  const { year } = parseIsoDate(value);
  return year >= 2000 && year <= 2099;
}

/**
 * What is wrong with a case's dates, field by field ({} when nothing is). The API can check a
 * change with this before saving it, so that caseDeadlines never meets facts it must refuse.
 * Fields: region, meetings, outcomeLetterDate, appealPolicy.days, appealPolicy.counting, actDate,
 * earlyConciliationStart, earlyConciliationCertificate, era2025Commencement, custom.
 */
export function caseDeadlineFactsErrors(facts: CaseDeadlineFacts): Record<string, string> {
  const errors: Record<string, string> = {};
  if (!Object.values(BankHolidayRegion).includes(facts.region)) errors.region = 'Unknown bank holiday region';

  for (const m of facts.meetings) {
    if (typeof m.id !== 'string' || m.id === '') errors.meetings = 'A meeting has no id';
    else if (!Object.values(MeetingKind).includes(m.kind)) errors.meetings = `Meeting ${m.id} has an unknown kind`;
    else if (!isCaseDate(m.date)) errors.meetings = `Meeting ${m.id}: ${NOT_A_DATE}`;
    if (errors.meetings) break;
  }
  const meetingIds = facts.meetings.map((m) => m.id);
  if (!errors.meetings && new Set(meetingIds).size !== meetingIds.length) errors.meetings = 'Two meetings have the same id';

  const letter = facts.outcomeLetterDate ?? null;
  if (letter !== null && !isCaseDate(letter)) errors.outcomeLetterDate = NOT_A_DATE;
  if (facts.appealPolicy) {
    const policyError = appealPolicyError(facts.appealPolicy);
    if (policyError) errors[`appealPolicy.${policyError.field}`] = policyError.why;
  }

  const act = facts.actDate ?? null;
  const ecStart = facts.earlyConciliationStart ?? null;
  const ecCertificate = facts.earlyConciliationCertificate ?? null;
  const commencement = facts.era2025Commencement ?? null;
  let ruleSets: readonly TribunalTimeLimitRuleSet[] | null = TRIBUNAL_RULE_SETS;
  if (commencement !== null) {
    try {
      ruleSets = tribunalRuleSets(commencement);
    } catch (e) {
      ruleSets = null;
      errors.era2025Commencement = (e as Error).message;
    }
  }
  if (act !== null) {
    if (!isCaseDate(act)) errors.actDate = NOT_A_DATE;
    else if (ruleSets) {
      try {
        tribunalRuleSetFor(act, ruleSets);
      } catch {
        errors.actDate = `No tribunal time limit covers an act before ${longDate(ruleSets[0].appliesFrom)}, when early conciliation began`;
      }
    }
  }
  if (ecStart !== null) {
    if (!isCaseDate(ecStart)) errors.earlyConciliationStart = NOT_A_DATE;
    else if (act === null) errors.earlyConciliationStart = 'Enter the date of the act complained of first';
    else if (isCaseDate(act) && compareIsoDates(ecStart, act) < 0) {
      errors.earlyConciliationStart = 'Early conciliation cannot start before the act complained of';
    }
  }
  if (ecCertificate !== null) {
    if (!isCaseDate(ecCertificate)) errors.earlyConciliationCertificate = NOT_A_DATE;
    else if (ecStart === null) errors.earlyConciliationCertificate = 'A certificate needs the date early conciliation started';
    else if (isCaseDate(ecStart) && compareIsoDates(ecCertificate, ecStart) < 0) {
      errors.earlyConciliationCertificate = 'The certificate cannot be dated before early conciliation started';
    }
  }

  const custom = facts.custom ?? [];
  for (const c of custom) {
    if (typeof c.id !== 'string' || c.id === '') errors.custom = 'A custom deadline has no id';
    else if (typeof c.label !== 'string' || c.label.trim() === '') errors.custom = 'A custom deadline needs a label';
    else if (c.label.length > MAX_CUSTOM_DEADLINE_LABEL_LENGTH) {
      errors.custom = `A custom deadline's label is at most ${MAX_CUSTOM_DEADLINE_LABEL_LENGTH} characters`;
    } else if (!isCaseDate(c.due)) errors.custom = `Custom deadline ${c.id}: ${NOT_A_DATE}`;
    if (errors.custom) break;
  }
  const customIds = custom.map((c) => c.id);
  if (!errors.custom && new Set(customIds).size !== customIds.length) errors.custom = 'Two custom deadlines have the same id';
  return errors;
}

const WEEKDAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];
const MONTHS = [
  'January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December',
];

/** 'Thursday 24 December 2026', for explanations. */
function longDate(date: IsoDate): string {
  const { year, month, day } = parseIsoDate(date);
  return `${WEEKDAYS[dayOfWeek(date)]} ${day} ${MONTHS[month - 1]} ${year}`;
}

/** Whether every year from `from` to `to` has verified bank holidays. */
function bankHolidaysVerifiedBetween(from: IsoDate, to: IsoDate): boolean {
  const [a, b] = [parseIsoDate(from).year, parseIsoDate(to).year].sort((x, y) => x - y);
  for (let year = a; year <= b; year++) if (!isBankHolidayDataVerified(year)) return false;
  return true;
}

const UNVERIFIED_CAVEAT =
  `Bank holidays are checked for ${BANK_HOLIDAY_DATA_FROM}–${BANK_HOLIDAY_DATA_TO} only: ` +
  'confirm this date against gov.uk/bank-holidays.';

function workingDayCaveats(verified: boolean): string[] {
  return verified ? [] : [UNVERIFIED_CAVEAT];
}

function s10Deadline(meeting: { id: string; kind: MeetingKind; date: IsoDate }, region: BankHolidayRegion): CaseDeadline {
  const due = latestPostponedHearingDate(meeting.date, region);
  const verified = bankHolidaysVerifiedBetween(meeting.date, due);
  const law = region === BankHolidayRegion.NORTHERN_IRELAND
    ? 'Employment Relations (Northern Ireland) Order 1999 art.12(5)'
    : 'Employment Relations Act 1999 s.10(5)';
  return {
    key: `s10:${meeting.id}`,
    rule: 'S10_POSTPONEMENT',
    label: `Latest date the ${MEETING_KIND_LABELS[meeting.kind].toLowerCase()} can be postponed to`,
    due,
    inputs: { proposedDate: meeting.date, workingDays: S10_POSTPONEMENT_WORKING_DAYS, region },
    explanation:
      `${law}: if the member's companion cannot attend, a postponed hearing must be within ` +
      `${S10_POSTPONEMENT_WORKING_DAYS} working days after the proposed date, ${longDate(meeting.date)}, so by ` +
      `${longDate(due)} (${BANK_HOLIDAY_REGION_LABELS[region]} bank holidays).`,
    verified,
    caveats: workingDayCaveats(verified),
    meetingId: meeting.id,
  };
}

function appealDeadline(letter: IsoDate, given: AppealPolicy | null, region: BankHolidayRegion): CaseDeadline {
  const policy = given ?? DEFAULT_APPEAL_POLICY;
  const due = appealWindowCloses(letter, policy, region);
  const working = policy.counting === DayCounting.WORKING;
  const verified = working ? bankHolidaysVerifiedBetween(letter, due) : true;
  const caveats = workingDayCaveats(verified);
  if (!given) caveats.push("This is Rollcall's default appeal window: enter the employer's policy to be sure.");
  return {
    key: 'appeal',
    rule: 'APPEAL_WINDOW',
    label: 'Last day to appeal',
    due,
    inputs: {
      outcomeLetterDate: letter, days: policy.days, counting: policy.counting, region, policy: given ? 'EMPLOYER' : 'DEFAULT',
    },
    explanation:
      `${given ? "The employer's appeal policy" : "Rollcall's default appeal policy (no employer policy entered)"}: ` +
      `an appeal must be made within ${appealPolicyText(policy)} of the outcome letter dated ${longDate(letter)}, ` +
      `so by ${longDate(due)}${working ? ` (${BANK_HOLIDAY_REGION_LABELS[region]} bank holidays)` : ''}.`,
    verified,
    caveats,
  };
}

function tribunalCaseDeadline(facts: CaseDeadlineFacts, actDate: IsoDate): CaseDeadline {
  const ecStart = facts.earlyConciliationStart ?? null;
  const ecCertificate = facts.earlyConciliationCertificate ?? null;
  const commencement = facts.era2025Commencement ?? null;
  const t = tribunalDeadline({ actDate, ecStart, ecCertificate, ...(commencement ? { era2025Commencement: commencement } : {}) });
  const { ruleSet } = t;
  const limit = `${ruleSet.limitMonths} months less one day`;
  const law = ruleSet.legislation;

  const inputs: Record<string, string | number> = {
    actDate, ruleSet: ruleSet.id, limitMonths: ruleSet.limitMonths, status: t.status, primaryLimit: t.primaryLimit,
  };
  if (ecStart) inputs.earlyConciliationStart = ecStart;
  if (ecCertificate) inputs.earlyConciliationCertificate = ecCertificate;
  if (t.status === 'EC_CERTIFIED') inputs.clockStoppedDays = t.clockStoppedDays;
  if (commencement) inputs.era2025Commencement = commencement;

  const caveats: string[] = [];
  if (ruleSet.commencementIsPlaceholder) {
    caveats.push(
      `The ${ruleSet.limitMonths}-month limit is dated from a placeholder (${ruleSet.appliesFrom}) until its commencement ` +
      'date is set: check which limit applies.',
    );
  }

  let due: IsoDate;
  let label: string;
  let how: string;
  switch (t.status) {
    case 'EC_NOT_STARTED':
      due = t.primaryLimit;
      label = 'Tribunal time limit: start ACAS early conciliation';
      how = `ACAS early conciliation must start within ${limit} of the act complained of on ${longDate(actDate)}, so by ${longDate(due)}`;
      break;
    case 'EC_IN_PROGRESS': {
      // No claim deadline until the certificate: the date to watch is when conciliation normally ends.
      due = latestEarlyConciliationEnd(ecStart as IsoDate) ?? t.primaryLimit;
      label = 'Early conciliation normally ends: enter the certificate date';
      how =
        `early conciliation started on ${longDate(ecStart as IsoDate)}, within the limit of ${longDate(t.primaryLimit)}, ` +
        `and stops the clock; the claim deadline is set by the certificate (at least one month after it), and ` +
        `conciliation normally ends by ${longDate(due)}`;
      break;
    }
    case 'EC_CERTIFIED':
      due = t.claimDeadline as IsoDate;
      label = 'Tribunal time limit: present the claim';
      if (t.extendedLimit === null) {
        how = `the claim must be presented within ${limit} of the act complained of on ${longDate(actDate)}, so by ${longDate(due)}`;
      } else {
        how =
          `${limit} from the act complained of on ${longDate(actDate)} ends on ${longDate(t.primaryLimit)}; early ` +
          `conciliation from ${longDate(ecStart as IsoDate)} to the certificate on ${longDate(ecCertificate as IsoDate)} ` +
          `adds ${t.clockStoppedDays} day${t.clockStoppedDays === 1 ? '' : 's'}` +
          (t.oneMonthRuleApplied
            ? ` (to ${longDate(t.extendedLimit)}), but the claimant always has a month after the certificate`
            : '') +
          `, so present the claim by ${longDate(due)}`;
      }
      if (ecStart && ecCertificate && compareIsoDates(ecCertificate, latestEarlyConciliationEnd(ecStart) ?? ecCertificate) > 0) {
        caveats.push('The certificate is later than early conciliation normally lasts: check the dates.');
      }
      break;
    case 'EC_STARTED_OUT_OF_TIME':
      due = t.primaryLimit;
      label = 'Tribunal time limit passed before early conciliation started';
      how =
        `the limit of ${limit} from the act complained of on ${longDate(actDate)} ended on ${longDate(due)}, before ` +
        `early conciliation started on ${longDate(ecStart as IsoDate)}, so conciliation extends nothing and only the ` +
        "tribunal's discretion can help";
      break;
  }
  return { key: 'tribunal', rule: 'TRIBUNAL_LIMIT', label, due, inputs, explanation: `${law}: ${how}.`, verified: true, caveats };
}

function customDeadline(c: { id: string; label: string; due: IsoDate }): CaseDeadline {
  return {
    key: `custom:${c.id}`,
    rule: 'CUSTOM',
    label: c.label.trim(),
    due: c.due,
    inputs: { due: c.due },
    explanation: `Added by a caseworker: ${c.label.trim()}, due ${longDate(c.due)}.`,
    verified: true,
    caveats: [],
  };
}

const RULE_ORDER: readonly CaseDeadlineRule[] = ['S10_POSTPONEMENT', 'APPEAL_WINDOW', 'TRIBUNAL_LIMIT', 'CUSTOM'];

/**
 * Every deadline a case's dates produce, earliest first (ties: s.10, appeal, tribunal, custom, then
 * by key, so the order never depends on the order of the facts):
 * - for each disciplinary, grievance or appeal hearing, the latest date it can be postponed to
 *   under s.10 (5 working days after the proposed date, in the region);
 * - with an outcome letter, the appeal window (the employer's policy, or DEFAULT_APPEAL_POLICY);
 * - with an act date, the tribunal limit under the rule set in force on the act's date, extended by
 *   early conciliation when its dates are entered (tribunal.ts's tribunalDeadline);
 * - custom deadlines as given.
 * Deadlines already passed are included (the caller decides what is overdue and what is moot: an
 * s.10 window means nothing once the hearing has taken place). Throws CaseDeadlineFactsError for
 * facts caseDeadlineFactsErrors refuses.
 */
export function caseDeadlines(facts: CaseDeadlineFacts): CaseDeadline[] {
  const errors = caseDeadlineFactsErrors(facts);
  if (Object.keys(errors).length > 0) throw new CaseDeadlineFactsError(errors);
  const { region } = facts;
  const deadlines: CaseDeadline[] = [];
  for (const m of facts.meetings) if (hasRightToBeAccompanied(m.kind)) deadlines.push(s10Deadline(m, region));
  if (facts.outcomeLetterDate) deadlines.push(appealDeadline(facts.outcomeLetterDate, facts.appealPolicy ?? null, region));
  if (facts.actDate) deadlines.push(tribunalCaseDeadline(facts, facts.actDate));
  for (const c of facts.custom ?? []) deadlines.push(customDeadline(c));
  return deadlines.sort(
    (a, b) =>
      compareIsoDates(a.due, b.due) ||
      RULE_ORDER.indexOf(a.rule) - RULE_ORDER.indexOf(b.rule) ||
      (a.key < b.key ? -1 : a.key > b.key ? 1 : 0),
  );
}
