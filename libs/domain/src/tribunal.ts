/**
 * Employment tribunal time limits (DOMAIN.md "Casework"), as dated rule data.
 *
 * Most claims must be started — by notifying ACAS for early conciliation (EC) — within a period of
 * months *beginning with* the act complained of: "3 months less one day" (e.g. ERA 1996 s.111(2),
 * Equality Act 2010 s.123). ERA 1996 s.207B (and its copies in other Acts) then:
 *   (3) does not count the days from the day after Day A (EC notification received by ACAS) to
 *       Day B (EC certificate received), so the limit moves on by (Day B − Day A) days; and
 *   (4) if the limit would then expire between Day A and one month after Day B, it expires one
 *       month after Day B instead — the claimant always has at least a month after the certificate.
 * EC started after the limit has expired extends nothing (the claim is already out of time; only
 * the tribunal's discretion can save it).
 *
 * The Employment Rights Act 2025 lengthens the limit for most claims to 6 months. ITS COMMENCEMENT
 * DATE IS CONFIGURABLE DATA, NOT A FACT IN CODE: at the time of writing the government says "no
 * earlier than October 2026" and no commencement regulations fix a day or the transitional rule.
 * ERA_2025_TRIBUNAL_COMMENCEMENT_PLACEHOLDER is a placeholder; pass the real date (from settings)
 * as `era2025Commencement`, and check the transitional provisions when they are made — here the
 * rule set is chosen by the date of the act complained of.
 *
 * Not modelled: claims with other limits (statutory redundancy pay and equal pay are already
 * 6 months; interim relief is 7 days), continuing acts, the tribunal's discretion to extend, and
 * several EC certificates for one matter.
 */
import { addDays, addMonths, compareIsoDates, daysBetween, type IsoDate, lastDayOfMonthsBeginningWith, parseIsoDate } from './dates.js';

/** Placeholder only: the Employment Rights Act 2025 six-month limit has no commencement date yet. */
export const ERA_2025_TRIBUNAL_COMMENCEMENT_PLACEHOLDER: IsoDate = '2026-10-01';

/** ERA 1996 s.207B (early conciliation stopping the clock) came into force on 6 April 2014. */
export const EARLY_CONCILIATION_FROM: IsoDate = '2014-04-06';

export interface TribunalTimeLimitRuleSet {
  id: string;
  name: string;
  legislation: string;
  /** Applies to acts complained of on or after this date… */
  appliesFrom: IsoDate;
  /** …and before this one (null: open-ended). */
  appliesBefore: IsoDate | null;
  /** The primary limit: a period of this many months beginning with the act ("N months less one day"). */
  limitMonths: number;
  /** Days from the day after EC starts to the certificate are not counted (s.207B(3)). */
  earlyConciliationStopsClock: boolean;
  /** The claimant always has at least this many months after the EC certificate (s.207B(4)). */
  minimumMonthsAfterCertificate: number;
  /** True while the rule set's start date is a placeholder awaiting commencement regulations. */
  commencementIsPlaceholder: boolean;
}

/**
 * The rule sets, in date order. `era2025Commencement` is when the six-month limit starts; it is a
 * parameter because it is not yet known (see the module comment).
 */
export function tribunalRuleSets(
  era2025Commencement: IsoDate = ERA_2025_TRIBUNAL_COMMENCEMENT_PLACEHOLDER,
): readonly TribunalTimeLimitRuleSet[] {
  parseIsoDate(era2025Commencement);
  if (compareIsoDates(era2025Commencement, EARLY_CONCILIATION_FROM) <= 0) {
    throw new RangeError(`ERA 2025 commencement must be after ${EARLY_CONCILIATION_FROM}`);
  }
  return [
    {
      id: 'ERA1996_EC_3M',
      name: '3 months less one day, with ACAS early conciliation',
      legislation: 'Employment Rights Act 1996 s.111 and s.207B; Equality Act 2010 s.123 and s.140B',
      appliesFrom: EARLY_CONCILIATION_FROM,
      appliesBefore: era2025Commencement,
      limitMonths: 3,
      earlyConciliationStopsClock: true,
      minimumMonthsAfterCertificate: 1,
      commencementIsPlaceholder: false,
    },
    {
      id: 'ERA2025_6M',
      name: '6 months less one day, with ACAS early conciliation',
      legislation: 'Employment Rights Act 2025 (time limits for most tribunal claims)',
      appliesFrom: era2025Commencement,
      appliesBefore: null,
      limitMonths: 6,
      earlyConciliationStopsClock: true,
      minimumMonthsAfterCertificate: 1,
      commencementIsPlaceholder: era2025Commencement === ERA_2025_TRIBUNAL_COMMENCEMENT_PLACEHOLDER,
    },
  ];
}

export const TRIBUNAL_RULE_SETS: readonly TribunalTimeLimitRuleSet[] = tribunalRuleSets();

/** The rule set for an act complained of on `actDate`; throws RangeError if none covers it. */
export function tribunalRuleSetFor(
  actDate: IsoDate, ruleSets: readonly TribunalTimeLimitRuleSet[] = TRIBUNAL_RULE_SETS,
): TribunalTimeLimitRuleSet {
  parseIsoDate(actDate);
  const found = ruleSets.find(
    (r) => compareIsoDates(actDate, r.appliesFrom) >= 0 && (r.appliesBefore === null || compareIsoDates(actDate, r.appliesBefore) < 0),
  );
  if (!found) throw new RangeError(`No tribunal time-limit rule set covers an act on ${actDate}`);
  return found;
}

/**
 * The maximum length of ACAS early conciliation, by the date EC started: one month (extendable by
 * 14 days) from 2014; six weeks from 1 December 2020; twelve weeks for EC started on or after
 * 1 December 2025. The certificate date is what counts for time limits; this is only used to flag
 * dates that look wrong.
 */
export interface EarlyConciliationPeriodRule {
  from: IsoDate;
  maxMonths: number;
  maxDays: number;
  description: string;
}

export const EARLY_CONCILIATION_PERIODS: readonly EarlyConciliationPeriodRule[] = [
  { from: EARLY_CONCILIATION_FROM, maxMonths: 1, maxDays: 14, description: 'one calendar month, extendable by up to 14 days' },
  { from: '2020-12-01', maxMonths: 0, maxDays: 42, description: 'six weeks' },
  { from: '2025-12-01', maxMonths: 0, maxDays: 84, description: 'twelve weeks' },
];

/** The last day EC started on `ecStart` can normally run to, or null before EC existed. */
export function latestEarlyConciliationEnd(ecStart: IsoDate): IsoDate | null {
  parseIsoDate(ecStart);
  const rule = [...EARLY_CONCILIATION_PERIODS].reverse().find((r) => compareIsoDates(ecStart, r.from) >= 0);
  return rule ? addDays(addMonths(ecStart, rule.maxMonths), rule.maxDays) : null;
}

export interface TribunalDeadlineInput {
  /** The act complained of (or the effective date of termination). */
  actDate: IsoDate;
  /** Day A: when ACAS received the EC notification. */
  ecStart?: IsoDate | null;
  /** Day B: when the claimant received (or is treated as receiving) the EC certificate. */
  ecCertificate?: IsoDate | null;
  /** When the ERA 2025 six-month limit commences (ignored if `ruleSets` is given). */
  era2025Commencement?: IsoDate;
  ruleSets?: readonly TribunalTimeLimitRuleSet[];
}

export type TribunalDeadlineStatus =
  /** No EC yet: start EC by `primaryLimit`. */
  | 'EC_NOT_STARTED'
  /** EC started in time and no certificate yet: the deadline is not yet known. */
  | 'EC_IN_PROGRESS'
  /** EC started in time and certified: present the claim by `claimDeadline`. */
  | 'EC_CERTIFIED'
  /** EC started after the primary limit had expired: nothing is extended. */
  | 'EC_STARTED_OUT_OF_TIME';

export interface TribunalDeadline {
  ruleSet: TribunalTimeLimitRuleSet;
  status: TribunalDeadlineStatus;
  actDate: IsoDate;
  /** The last day of the primary limit: EC must start by then. */
  primaryLimit: IsoDate;
  /** Days not counted under s.207B(3) (0 until there is a certificate). */
  clockStoppedDays: number;
  /** The primary limit moved on by the stopped days (null without a certificate). */
  extendedLimit: IsoDate | null;
  /** One month after the certificate (null without one). */
  oneMonthAfterCertificate: IsoDate | null;
  /** True when s.207B(4) set the deadline (the extended limit fell within a month of the certificate). */
  oneMonthRuleApplied: boolean;
  /**
   * The last day to present the claim: the primary limit while EC has not started (EC must come
   * first), the s.207B date once certified, null while EC is in progress.
   */
  claimDeadline: IsoDate | null;
  /** Plain-English notes for the caseworker. */
  notes: string[];
}

/**
 * Works out a tribunal time limit. Throws RangeError for impossible input: a certificate without an
 * EC start, a certificate before EC started, or EC started before the act complained of.
 */
export function tribunalDeadline(input: TribunalDeadlineInput): TribunalDeadline {
  const { actDate } = input;
  const ecStart = input.ecStart ?? null;
  const ecCertificate = input.ecCertificate ?? null;
  const ruleSet = tribunalRuleSetFor(actDate, input.ruleSets ?? tribunalRuleSets(input.era2025Commencement));
  if (ecCertificate !== null && ecStart === null) throw new RangeError('An EC certificate needs an EC start date (Day A)');
  if (ecStart !== null && compareIsoDates(ecStart, actDate) < 0) {
    throw new RangeError(`EC start (${ecStart}) is before the act complained of (${actDate})`);
  }
  if (ecStart !== null && ecCertificate !== null && compareIsoDates(ecCertificate, ecStart) < 0) {
    throw new RangeError(`EC certificate (${ecCertificate}) is before EC started (${ecStart})`);
  }

  const primaryLimit = lastDayOfMonthsBeginningWith(actDate, ruleSet.limitMonths);
  const notes: string[] = [];
  if (ruleSet.commencementIsPlaceholder) {
    notes.push(`The ${ruleSet.limitMonths}-month rule set starts on a placeholder date (${ruleSet.appliesFrom}); confirm the commencement date.`);
  }
  const base = {
    ruleSet, actDate, primaryLimit, clockStoppedDays: 0, extendedLimit: null, oneMonthAfterCertificate: null,
    oneMonthRuleApplied: false, notes,
  };

  if (ecStart === null) {
    notes.push(`Start ACAS early conciliation by ${primaryLimit}.`);
    return { ...base, status: 'EC_NOT_STARTED', claimDeadline: primaryLimit };
  }
  if (compareIsoDates(ecStart, primaryLimit) > 0) {
    notes.push(`Early conciliation started after the time limit expired on ${primaryLimit}; it does not extend time. Only the tribunal's discretion can help.`);
    return { ...base, status: 'EC_STARTED_OUT_OF_TIME', claimDeadline: null };
  }
  if (!ruleSet.earlyConciliationStopsClock) {
    return { ...base, status: ecCertificate === null ? 'EC_IN_PROGRESS' : 'EC_CERTIFIED', claimDeadline: primaryLimit };
  }
  if (ecCertificate === null) {
    const maxEnd = latestEarlyConciliationEnd(ecStart);
    notes.push('The deadline is set when the EC certificate arrives: at least one month after it.');
    if (maxEnd) notes.push(`Early conciliation started on ${ecStart} normally ends by ${maxEnd}.`);
    return { ...base, status: 'EC_IN_PROGRESS', claimDeadline: null };
  }

  const clockStoppedDays = daysBetween(ecStart, ecCertificate);
  const extendedLimit = addDays(primaryLimit, clockStoppedDays);
  const oneMonthAfterCertificate = addMonths(ecCertificate, ruleSet.minimumMonthsAfterCertificate);
  // s.207B(4): a limit expiring in [Day A, one month after Day B] expires at the end of that period.
  const oneMonthRuleApplied =
    compareIsoDates(extendedLimit, ecStart) >= 0 && compareIsoDates(extendedLimit, oneMonthAfterCertificate) < 0;
  const claimDeadline = oneMonthRuleApplied ? oneMonthAfterCertificate : extendedLimit;
  const maxEnd = latestEarlyConciliationEnd(ecStart);
  if (maxEnd && compareIsoDates(ecCertificate, maxEnd) > 0) {
    notes.push(`The certificate is later than early conciliation normally lasts (to ${maxEnd}); check the dates.`);
  }
  notes.push(`Present the claim by ${claimDeadline}.`);
  return {
    ...base, status: 'EC_CERTIFIED', clockStoppedDays, extendedLimit, oneMonthAfterCertificate, oneMonthRuleApplied,
    claimDeadline,
  };
}
