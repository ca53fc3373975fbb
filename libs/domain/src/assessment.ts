/**
 * The 1–5 organising assessment (DOMAIN.md "Organising"): how a co-worker stands on the union and
 * the campaign, as judged by the rep after a one-to-one. Blank (null) means not yet assessed, which
 * is different from 3 (undecided: assessed, and still to be won). Every change is kept with its
 * date and assessor, so history helpers are here too.
 */
import { compareIsoDates, type IsoDate, parseIsoDate } from './dates.js';

export enum Assessment {
  LEADER = 1,
  SUPPORTER = 2,
  UNDECIDED = 3,
  LEANING_AGAINST = 4,
  OPPOSED = 5,
}

/** A stored assessment: a value on the scale, or null for "not yet assessed". */
export type AssessmentValue = Assessment | null;

/** The scale in order, most supportive first. */
export const ASSESSMENTS: readonly Assessment[] = [
  Assessment.LEADER, Assessment.SUPPORTER, Assessment.UNDECIDED, Assessment.LEANING_AGAINST, Assessment.OPPOSED,
];

export const ASSESSMENT_MIN = Assessment.LEADER;
export const ASSESSMENT_MAX = Assessment.OPPOSED;

export const ASSESSMENT_LABELS: Record<Assessment, string> = {
  [Assessment.LEADER]: 'Leader',
  [Assessment.SUPPORTER]: 'Supporter',
  [Assessment.UNDECIDED]: 'Undecided',
  [Assessment.LEANING_AGAINST]: 'Leaning against',
  [Assessment.OPPOSED]: 'Opposed',
};

export const ASSESSMENT_DESCRIPTIONS: Record<Assessment, string> = {
  [Assessment.LEADER]: 'Leader: moves others — co-workers follow them and they bring people with them.',
  [Assessment.SUPPORTER]: 'Supporter: acts when asked, but does not yet move others.',
  [Assessment.UNDECIDED]: 'Undecided: neither for nor against yet; still to be won.',
  [Assessment.LEANING_AGAINST]: 'Leaning against: sceptical or worried; has not acted and is unlikely to without work.',
  [Assessment.OPPOSED]: 'Opposed: against the union or the campaign, and may argue against it.',
};

export const NOT_ASSESSED_LABEL = 'Not assessed';

/** Type guard: an integer 1–5. */
export function isAssessment(value: unknown): value is Assessment {
  return typeof value === 'number' && Number.isInteger(value) && value >= ASSESSMENT_MIN && value <= ASSESSMENT_MAX;
}

export type AssessmentParseResult =
  | { ok: true; value: AssessmentValue }
  | { ok: false; error: string };

const BY_WORD = new Map<string, Assessment>();
for (const a of ASSESSMENTS) {
  BY_WORD.set(Assessment[a].toLowerCase(), a); // 'leaning_against'
  BY_WORD.set(ASSESSMENT_LABELS[a].toLowerCase(), a); // 'leaning against'
}

/**
 * Reads an assessment from a form, an import column or an API input without throwing.
 * Accepts 1–5 as a number or a string ("2", " 2 ", "2.0" is refused), the enum name
 * ("LEANING_AGAINST") or the label ("Leaning against"), in any case. Blank — null, undefined, an
 * empty or whitespace-only string — is "not assessed" (value null). Anything else is an error.
 */
export function tryParseAssessment(input: unknown): AssessmentParseResult {
  if (input === null || input === undefined) return { ok: true, value: null };
  if (typeof input === 'number') {
    return isAssessment(input)
      ? { ok: true, value: input }
      : { ok: false, error: `Assessment must be a whole number from 1 to 5 (got ${input})` };
  }
  if (typeof input !== 'string') return { ok: false, error: `Assessment must be a number from 1 to 5 (got ${typeof input})` };
  const text = input.trim();
  if (text === '') return { ok: true, value: null };
  if (/^[0-9]+$/.test(text)) {
    const n = Number(text);
    return isAssessment(n) ? { ok: true, value: n } : { ok: false, error: `Assessment must be from 1 to 5 (got ${text})` };
  }
  const word = BY_WORD.get(text.toLowerCase().replace(/\s+/g, ' '));
  return word !== undefined ? { ok: true, value: word } : { ok: false, error: `Not an assessment: ${JSON.stringify(text)}` };
}

/** As tryParseAssessment, but throws RangeError on invalid input. */
export function parseAssessment(input: unknown): AssessmentValue {
  const result = tryParseAssessment(input);
  if (!result.ok) throw new RangeError(result.error);
  return result.value;
}

/** Throws RangeError unless the value is 1–5 or null. For validating stored values. */
export function validateAssessment(value: unknown): AssessmentValue {
  if (value === null || isAssessment(value)) return value;
  throw new RangeError(`Assessment must be 1–5 or blank (got ${JSON.stringify(value)})`);
}

export function assessmentLabel(value: AssessmentValue): string {
  return value === null ? NOT_ASSESSED_LABEL : ASSESSMENT_LABELS[validateAssessment(value) as Assessment];
}

export function assessmentDescription(value: AssessmentValue): string {
  return value === null
    ? 'Not yet assessed: nobody has had a one-to-one with them and recorded where they stand.'
    : ASSESSMENT_DESCRIPTIONS[validateAssessment(value) as Assessment];
}

export function isAssessed(value: AssessmentValue): value is Assessment {
  return value !== null && isAssessment(value);
}

export function isLeader(value: AssessmentValue): boolean {
  return value === Assessment.LEADER;
}

/** 1 or 2: will act (leaders and supporters). */
export function isSupportive(value: AssessmentValue): boolean {
  return value === Assessment.LEADER || value === Assessment.SUPPORTER;
}

export function isUndecided(value: AssessmentValue): boolean {
  return value === Assessment.UNDECIDED;
}

/** 4 or 5: leaning against or opposed. */
export function isAgainst(value: AssessmentValue): boolean {
  return value === Assessment.LEANING_AGAINST || value === Assessment.OPPOSED;
}

export function isOpposed(value: AssessmentValue): boolean {
  return value === Assessment.OPPOSED;
}

/** 3 or 4: the people a one-to-one can still move. */
export function isPersuadable(value: AssessmentValue): boolean {
  return value === Assessment.UNDECIDED || value === Assessment.LEANING_AGAINST;
}

/** For sorting lists: most supportive first, not-assessed last. */
export function compareAssessments(a: AssessmentValue, b: AssessmentValue): number {
  if (a === b) return 0;
  if (a === null) return 1;
  if (b === null) return -1;
  return a - b;
}

export type AssessmentChange = 'FIRST' | 'IMPROVED' | 'WORSENED' | 'UNCHANGED' | 'CLEARED' | 'NONE';

/** How an assessment moved: lower numbers are more supportive, so 3 → 2 is IMPROVED. */
export function assessmentChange(before: AssessmentValue, after: AssessmentValue): AssessmentChange {
  validateAssessment(before);
  validateAssessment(after);
  if (before === null) return after === null ? 'NONE' : 'FIRST';
  if (after === null) return 'CLEARED';
  if (after === before) return 'UNCHANGED';
  return after < before ? 'IMPROVED' : 'WORSENED';
}

/** One entry in a contact's assessment history. */
export interface AssessmentRecord {
  value: AssessmentValue;
  assessedOn: IsoDate;
  assessedBy?: string;
}

/**
 * The assessment in force on a date: the latest record on or before it (null if there is none, or
 * if the latest was cleared). Records on the same day: the one later in the array wins, so keep the
 * history in the order it was entered.
 */
export function assessmentOn<T extends AssessmentRecord>(history: readonly T[], date: IsoDate): T | null {
  parseIsoDate(date);
  let best: T | null = null;
  for (const r of history) {
    if (compareIsoDates(r.assessedOn, date) > 0) continue;
    if (best === null || compareIsoDates(r.assessedOn, best.assessedOn) >= 0) best = r;
  }
  return best;
}

/** The latest record in a history (same-day ties: the later entry), or null for an empty history. */
export function latestAssessment<T extends AssessmentRecord>(history: readonly T[]): T | null {
  let best: T | null = null;
  for (const r of history) {
    parseIsoDate(r.assessedOn);
    if (best === null || compareIsoDates(r.assessedOn, best.assessedOn) >= 0) best = r;
  }
  return best;
}

export interface AssessmentSummary {
  total: number;
  notAssessed: number;
  assessed: number;
  byValue: Record<Assessment, number>;
  leaders: number;
  supportive: number;
  undecided: number;
  against: number;
  /** Supportive ÷ everyone (not-assessed people count against you: you cannot rely on them), or null for nobody. */
  supportiveShare: number | null;
  /** Supportive ÷ assessed, or null when nobody is assessed. */
  supportiveShareOfAssessed: number | null;
  /** Assessed ÷ everyone: how much of the workplace has been mapped, or null for nobody. */
  assessedShare: number | null;
  /** More than half of everyone is supportive: the majority a structure test looks for. */
  supportiveMajority: boolean;
}

/** Counts a ward's or a campaign's assessments. Throws on any value that is not 1–5 or null. */
export function summariseAssessments(values: readonly AssessmentValue[]): AssessmentSummary {
  const byValue = { 1: 0, 2: 0, 3: 0, 4: 0, 5: 0 } as Record<Assessment, number>;
  let notAssessed = 0;
  for (const v of values) {
    const checked = validateAssessment(v);
    if (checked === null) notAssessed++;
    else byValue[checked]++;
  }
  const total = values.length;
  const assessed = total - notAssessed;
  const supportive = byValue[Assessment.LEADER] + byValue[Assessment.SUPPORTER];
  return {
    total,
    notAssessed,
    assessed,
    byValue,
    leaders: byValue[Assessment.LEADER],
    supportive,
    undecided: byValue[Assessment.UNDECIDED],
    against: byValue[Assessment.LEANING_AGAINST] + byValue[Assessment.OPPOSED],
    supportiveShare: total === 0 ? null : supportive / total,
    supportiveShareOfAssessed: assessed === 0 ? null : supportive / assessed,
    assessedShare: total === 0 ? null : assessed / total,
    supportiveMajority: supportive * 2 > total,
  };
}
