/**
 * Data-protection deadlines (DOMAIN.md "Privacy"). Trade-union membership is special-category data
 * (UK GDPR Art. 9); these are the date rules the app must keep.
 */
import { addMonths, compareIsoDates, type IsoDate, parseIsoDate } from './dates.js';
import { BankHolidayRegion, DEFAULT_BANK_HOLIDAY_REGION, workingDayOnOrAfter } from './working-days.js';

/** UK GDPR Art. 12(3): respond within one month of receipt… */
export const SUBJECT_ACCESS_RESPONSE_MONTHS = 1;
/** …extendable by two further months for complex or numerous requests. */
export const SUBJECT_ACCESS_EXTENSION_MONTHS = 2;

/**
 * When a subject access request must be answered, as the ICO counts it: from the day the request
 * is received (working day or not) to the corresponding date a month later — the last day of that
 * month when it has no such date (31 January → 28/29 February) — moved to the next working day when
 * that date is a weekend or bank holiday. With `extended`, two further months (three from receipt).
 * The ICO also lets the clock pause while waiting for proof of identity or clarification: pass the
 * date the request became valid as `received` in that case.
 */
export function subjectAccessDeadline(
  received: IsoDate,
  options: { extended?: boolean; region?: BankHolidayRegion } = {},
): IsoDate {
  const months = SUBJECT_ACCESS_RESPONSE_MONTHS + (options.extended ? SUBJECT_ACCESS_EXTENSION_MONTHS : 0);
  return workingDayOnOrAfter(addMonths(received, months), options.region ?? DEFAULT_BANK_HOLIDAY_REGION);
}

/**
 * Retention: the first day a record ended on `endedOn` (a leaver's leave date, a case's closing
 * date) may no longer be kept, when the policy keeps such records for `retentionMonths` months.
 * The retention period itself is the branch's policy, not law, so it is a parameter.
 */
export function retentionEndsOn(endedOn: IsoDate, retentionMonths: number): IsoDate {
  if (!Number.isInteger(retentionMonths) || retentionMonths < 0) {
    throw new RangeError(`Retention must be a whole number of months ≥ 0 (got ${retentionMonths})`);
  }
  return addMonths(endedOn, retentionMonths);
}

/** True when a record ended on `endedOn` is due for deletion or anonymisation on `today`. */
export function isRetentionExpired(endedOn: IsoDate, retentionMonths: number, today: IsoDate): boolean {
  parseIsoDate(today);
  return compareIsoDates(today, retentionEndsOn(endedOn, retentionMonths)) >= 0;
}
