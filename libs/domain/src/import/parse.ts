/**
 * Reading one cell of an imported list (issue 14). Every parser takes the text as the file has it and
 * answers either a value in Rollcall's terms or a reason a branch secretary understands: the reason
 * names what was found, why it cannot be used, and (where it helps) what would be accepted. Real files
 * vary (ESR exports, union lists, a ward's own spreadsheet, Excel's rewrites), so each parser accepts
 * the spellings those files use and refuses only what it cannot read without guessing.
 */
import { daysInMonth, formatIsoDate, fromDayNumber, toDayNumber, type IsoDate } from '../dates.js';
import { Grade, gradeLabel } from '../grades.js';
import { MAX_LENGTH, PATTERN } from '../limits.js';
import { MembershipStatus } from '../membership.js';
import { ContractType, ShiftPattern, StaffGroup } from '../workplace.js';

/** A parsed cell: its value, or a sentence saying why it cannot be used. */
export type Parsed<T> = { ok: true; value: T } | { ok: false; reason: string };

const ok = <T>(value: T): Parsed<T> => ({ ok: true, value });
const refuse = <T>(reason: string): Parsed<T> => ({ ok: false, reason });

/** Lower case, accents dropped, '&' read as 'and', every other mark a space, spaces collapsed. */
export function simplify(s: string): string {
  return s
    .normalize('NFKD').replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/&/g, ' and ')
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

/** The cell as typed, trimmed, with Excel's text-keeping wrapper `="00123"` taken off. */
export function cleanCell(s: string | null | undefined): string {
  if (s === null || s === undefined) return '';
  const t = String(s).replace(/^\uFEFF/, '').replace(/\u00a0/g, ' ').trim();
  const wrapped = /^="(.*)"$/s.exec(t);
  return wrapped ? wrapped[1].trim() : t;
}

// ---------------------------------------------------------------------------------------------------
// Spreadsheet formulas

const FORMULA_START = /^[=+\-@\t\r]/;

/**
 * Text that a spreadsheet could read as a formula (it begins with =, +, -, @, tab or carriage return)
 * gets a leading apostrophe, as OWASP advises against CSV injection: a name typed as
 * `=HYPERLINK(...)` must not run when a secretary opens the exported file.
 */
export function neutraliseCell(v: string): string {
  return FORMULA_START.test(v) ? `'${v}` : v;
}

/** Undoes neutraliseCell on a cell read back from a file Rollcall exported (so a round trip changes nothing). */
export function unneutraliseCell(v: string): string {
  return v.startsWith("'") && FORMULA_START.test(v.slice(1)) ? v.slice(1) : v;
}

// ---------------------------------------------------------------------------------------------------
// Dates

const MONTHS: Record<string, number> = {
  jan: 1, january: 1, feb: 2, february: 2, mar: 3, march: 3, apr: 4, april: 4, may: 5, jun: 6, june: 6,
  jul: 7, july: 7, aug: 8, august: 8, sep: 9, sept: 9, september: 9, oct: 10, october: 10, nov: 11, november: 11,
  dec: 12, december: 12,
};

/** Excel's day 0 in its 1900 date system (which counts a 29 February 1900 that never was: serials from 61 on). */
const EXCEL_EPOCH = toDayNumber('1899-12-30');
/** Serial numbers Rollcall reads as Excel dates: 1927 to 2173. Smaller numbers are more likely a year or a mistake. */
const EXCEL_SERIAL_MIN = 10_000;
const EXCEL_SERIAL_MAX = 99_999;

export function ukDateText(iso: IsoDate): string {
  return `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}`;
}

/** A two-digit year: in this century unless that is more than ten years after today. */
function fullYear(y: string, today: IsoDate): number {
  if (y.length === 4) return Number(y);
  const thisYear = Number(today.slice(0, 4));
  const year = 2000 + Number(y);
  return year > thisYear + 10 ? year - 100 : year;
}

function dayMonthYear(text: string, day: number, month: number, year: number): Parsed<IsoDate> {
  if (month < 1 || month > 12) {
    return refuse(`'${text}' is not a date: dates are read day first (dd/mm/yyyy), and there is no month ${month}`);
  }
  if (year < 1900 || year > 2200) return refuse(`'${text}' is not a date: the year ${year} is out of range`);
  if (day < 1 || day > daysInMonth(year, month)) return refuse(`'${text}' is not a date: that month has no day ${day}`);
  return ok(formatIsoDate(year, month, day));
}

/**
 * A date as a file writes it, as 'YYYY-MM-DD'; an empty cell is null. Read: dd/mm/yyyy, d/m/yy,
 * dd-mm-yyyy, dd.mm.yyyy, yyyy-mm-dd (with or without a time after it), ESR's dd-MON-yyyy, "18 March
 * 2013", "18th Mar 2013", "March 18, 2013" and Excel serial numbers (an .xlsx date cell). Never
 * month-first (03/18/2013 is refused, 03/04/2013 is 3 April). A date after `today` is refused unless
 * `allowFuture` (a known leaving date may be ahead).
 */
export function parseDate(s: string, opts: { today: IsoDate; allowFuture?: boolean }): Parsed<IsoDate | null> {
  const text = cleanCell(s);
  if (text === '') return ok(null);
  const parsed = readDate(text, opts.today);
  if (!parsed.ok) return parsed;
  if (!opts.allowFuture && parsed.value > opts.today) {
    return refuse(`The date ${ukDateText(parsed.value)} is in the future`);
  }
  return parsed;
}

function readDate(text: string, today: IsoDate): Parsed<IsoDate> {
  // A time after the date (Excel and databases add one) is dropped.
  const dateOnly = text.replace(/[ T]\d{1,2}:\d{2}(:\d{2}(\.\d+)?)?\s*(Z|[+-]\d{2}:?\d{2}|am|pm)?$/i, '').trim();
  let m = /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})$/.exec(dateOnly);
  if (m) return dayMonthYear(text, Number(m[3]), Number(m[2]), Number(m[1]));
  m = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4}|\d{2})$/.exec(dateOnly);
  if (m) return dayMonthYear(text, Number(m[1]), Number(m[2]), fullYear(m[3], today));
  // 18-MAR-2013 (ESR), 18 March 2013, 18th Mar 13, 18-Mar-13
  m = /^(\d{1,2})(?:st|nd|rd|th)?[\s/.-]+([a-z]+)\.?,?[\s/.-]+(\d{4}|\d{2})$/i.exec(dateOnly);
  if (m && MONTHS[m[2].toLowerCase()]) return dayMonthYear(text, Number(m[1]), MONTHS[m[2].toLowerCase()], fullYear(m[3], today));
  // March 18, 2013 (a month name makes the order unambiguous)
  m = /^([a-z]+)\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})$/i.exec(dateOnly);
  if (m && MONTHS[m[1].toLowerCase()]) return dayMonthYear(text, Number(m[2]), MONTHS[m[1].toLowerCase()], Number(m[3]));
  m = /^(\d+)(\.\d+)?$/.exec(dateOnly);
  if (m) {
    const serial = Number(m[1]);
    if (serial >= EXCEL_SERIAL_MIN && serial <= EXCEL_SERIAL_MAX) return ok(fromDayNumber(EXCEL_EPOCH + serial));
    if (m[1].length === 4 && !m[2]) return refuse(`'${text}' is only a year: give the full date (dd/mm/yyyy)`);
  }
  return refuse(`'${text}' is not a date Rollcall can read: write it as dd/mm/yyyy`);
}

// ---------------------------------------------------------------------------------------------------
// Grades

const AFC_BY_BAND: Record<string, Grade> = {
  '1': Grade.AFC_1, '2': Grade.AFC_2, '3': Grade.AFC_3, '4': Grade.AFC_4, '5': Grade.AFC_5, '6': Grade.AFC_6,
  '7': Grade.AFC_7, '8a': Grade.AFC_8A, '8b': Grade.AFC_8B, '8c': Grade.AFC_8C, '8d': Grade.AFC_8D, '9': Grade.AFC_9,
};

/** Medical grades by their simplified names; trainee grades with a year are matched by pattern below. */
const MEDICAL_BY_NAME: Record<string, Grade> = {
  consultant: Grade.CONSULTANT,
  'medical consultant': Grade.CONSULTANT,
  'dental consultant': Grade.CONSULTANT,
  'specialty doctor': Grade.SAS_SPECIALTY_DOCTOR,
  'speciality doctor': Grade.SAS_SPECIALTY_DOCTOR,
  'specialty doctor sas': Grade.SAS_SPECIALTY_DOCTOR,
  // The staff grade closed in 2008: its doctors became specialty doctors.
  'staff grade': Grade.SAS_SPECIALTY_DOCTOR,
  specialist: Grade.SAS_SPECIALIST,
  'specialist grade': Grade.SAS_SPECIALIST,
  'specialist sas': Grade.SAS_SPECIALIST,
  'associate specialist': Grade.SAS_ASSOCIATE_SPECIALIST,
  'associate specialist sas': Grade.SAS_ASSOCIATE_SPECIALIST,
};

/** Words around a band that say nothing more: "AfC Band 5", "Agenda for Change Band 5", ESR's "Review Body Band 5". */
const BAND_NOISE = /\b(afc|agenda for change|review body|nhs|pay|band|grade|range|scale)\b/g;

/**
 * A pay band or medical grade: "Band 5", "AfC Band 8a", "Band 8 - Range A", "8A", "5", "FY1", "F2",
 * "Foundation Year 1", "CT2", "ST3", "StR 4", "Consultant", "Specialty Doctor", "Associate Specialist".
 * An empty cell is null.
 */
export function parseGrade(s: string): Parsed<Grade | null> {
  const text = cleanCell(s);
  if (text === '') return ok(null);
  const simple = simplify(text);
  const named = MEDICAL_BY_NAME[simple];
  if (named) return ok(named);
  // Round trip: Rollcall's own export writes gradeLabel ("Band 8a", "Specialty doctor (SAS)").
  for (const grade of Object.values(Grade)) if (simplify(gradeLabel(grade)) === simple) return ok(grade);

  let m = /^(?:foundation (?:year |doctor (?:year )?)?|fy ?|f)([12])$/.exec(simple);
  if (m) return ok(m[1] === '1' ? Grade.FY1 : Grade.FY2);
  m = /^(?:core (?:trainee|training) (?:year )?|ct ?)([1-3])$/.exec(simple);
  if (m) return ok(`CT${m[1]}` as Grade);
  m = /^(?:specialty (?:registrar|trainee) (?:year )?|str ?|st ?|spr ?)([1-8])$/.exec(simple);
  if (m) return ok(`ST${m[1]}` as Grade);
  m = /^specialty registrar st ?([1-8])$/.exec(simple);
  if (m) return ok(`ST${m[1]}` as Grade);

  if (/\b(band|afc|agenda for change|review body)\b/.test(simple) || /^\d+\s*[a-z]?$/.test(simple)) {
    const rest = simple.replace(BAND_NOISE, ' ').replace(/\s+/g, '').trim();
    const grade = AFC_BY_BAND[rest];
    if (grade) return ok(grade);
    if (rest === '8') return refuse(`Pay band '${text}' does not say which of bands 8a, 8b, 8c or 8d`);
  }
  return refuse(`Pay band '${text}' is not an Agenda for Change band or medical grade`);
}

// ---------------------------------------------------------------------------------------------------
// Staff groups, contracts, shifts, membership status

/** ESR's staff group names, with its abbreviations and numeric prefixes ("001 Add Prof Scientific and Technic"). */
const STAFF_GROUP_RULES: [RegExp, StaffGroup][] = [
  [/\bstudents?\b/, StaffGroup.STUDENTS],
  [/\b(nurs\w*|midwi\w*)\b.*\b(unregistered|support|assistant)\b|\bunregistered\b/, StaffGroup.ADDITIONAL_CLINICAL_SERVICES],
  [/\badd(itional)? clin(ical)?\b/, StaffGroup.ADDITIONAL_CLINICAL_SERVICES],
  [/\bnurs\w*|\bmidwi\w*/, StaffGroup.NURSING_MIDWIFERY_REGISTERED],
  [/\ballied health\b|^ahps?$/, StaffGroup.ALLIED_HEALTH_PROFESSIONALS],
  [/\badd(itional)? prof\w*\b|\bprof\w* scien\w* (and )?tech\w*|^apst$/, StaffGroup.ADDITIONAL_PROFESSIONAL_SCIENTIFIC_TECHNICAL],
  [/\bhealth ?care scien\w*/, StaffGroup.HEALTHCARE_SCIENTISTS],
  [/\bmedical\b|\bdental\b/, StaffGroup.MEDICAL_DENTAL],
  [/\badmin\w*\b|\bclerical\b/, StaffGroup.ADMINISTRATIVE_CLERICAL],
  [/\bestates?\b|\bancillary\b/, StaffGroup.ESTATES_ANCILLARY],
];

/** An ESR staff group ("Nursing and Midwifery Registered", "Add Prof Scientific and Technic", "Admin & Clerical"). */
export function parseStaffGroup(s: string): Parsed<StaffGroup> {
  const text = cleanCell(s);
  if (text === '') return refuse('Staff group is empty');
  const simple = simplify(text).replace(/^\d+\s*/, '');
  for (const [rule, group] of STAFF_GROUP_RULES) if (rule.test(simple)) return ok(group);
  return refuse(`Staff group '${text}' is not one of the NHS staff groups (such as Nursing and Midwifery Registered or Estates and Ancillary)`);
}

/**
 * ESR's assignment category or a list's contract: Permanent, Fixed Term Temp, Substantive, Secondment,
 * Apprentice → substantive; Bank, Casual → bank; Agency → agency.
 */
export function parseContractType(s: string): Parsed<ContractType> {
  const text = cleanCell(s);
  if (text === '') return refuse('Contract is empty');
  const simple = simplify(text);
  if (/\bagency\b/.test(simple)) return ok(ContractType.AGENCY);
  if (/\b(bank|casual|zero hours?)\b/.test(simple)) return ok(ContractType.BANK);
  if (/\b(permanent|substantive|fixed term|fixed|temp\w*|secondment|seconded|apprentice\w*|training contract|perm)\b/.test(simple)) {
    return ok(ContractType.SUBSTANTIVE);
  }
  if (/\blocum\b/.test(simple)) return refuse(`Contract '${text}' does not say whether the locum is bank or agency`);
  if (/\bhonorary\b/.test(simple)) return refuse(`Contract '${text}' is honorary: Rollcall records staff employed substantively, on the bank or through an agency`);
  return refuse(`Contract '${text}' is not one Rollcall knows: use permanent, fixed term, bank or agency`);
}

/** A shift pattern (days, nights, long days, rotating, on call); an empty cell is null. */
export function parseShiftPattern(s: string): Parsed<ShiftPattern | null> {
  const text = cleanCell(s);
  if (text === '') return ok(null);
  const simple = simplify(text);
  if (/\bon ?call\b/.test(simple)) return ok(ShiftPattern.ON_CALL);
  if (/\b(rotat\w*|mixed|internal rotation|days? and nights?|long days? and nights?|earl\w* and lates?|shifts?|24 7)\b/.test(simple)) {
    return ok(ShiftPattern.ROTATING);
  }
  if (/\blong days?\b|^lds?$/.test(simple)) return ok(ShiftPattern.LONG_DAYS);
  if (/\bnights?\b/.test(simple)) return ok(ShiftPattern.NIGHTS);
  if (/\b(days?|earl(y|ies)|lates?|office hours|9 to 5|9 5|mon\w* to fri\w*)\b/.test(simple)) return ok(ShiftPattern.DAYS);
  return refuse(`Shift pattern '${text}' is not one Rollcall knows: use days, nights, long days, rotating or on call`);
}

const MEMBERSHIP_RULES: [RegExp, MembershipStatus][] = [
  [/\b(non ?member|not (a )?member|none)\b/, MembershipStatus.NON_MEMBER],
  [/\b(lapsed|ceased|resigned|left|cancel\w*|expired|terminated|deceased|former|ex member|withdrawn|struck off)\b/, MembershipStatus.LAPSED],
  [/\b(applied|pending|application|applying|new applicant|awaiting|joining|in progress)\b/, MembershipStatus.PENDING],
  [/^(member|current|active|full|paying|paid up|live|in membership|yes|y|full member|current member|active member|member in good standing)$/, MembershipStatus.MEMBER],
];

/** A membership status: Member/Current/Active; Lapsed/Ceased/Resigned; Applied/Pending; Non-member. */
export function parseMembershipStatus(s: string): Parsed<MembershipStatus> {
  const text = cleanCell(s);
  if (text === '') return refuse('Membership status is empty');
  const simple = simplify(text);
  for (const [rule, status] of MEMBERSHIP_RULES) if (rule.test(simple)) return ok(status);
  return refuse(`Membership status '${text}' is not one Rollcall knows: use member, applied, lapsed or non-member`);
}

const YES = new Set(['yes', 'y', 'true', '1', 'x', 'attended', 'present', 'signed', 'signed up', 'participated', 'took part', 'done', 'tick']);
const NO = new Set(['no', 'n', 'false', '0', 'absent', 'did not attend', 'dna', 'not attended', 'apologies', 'declined']);

/** Yes or no ("Yes", "Y", "x", "✓", "Attended", "No", "DNA"…); an empty cell is null. */
export function parseYesNo(s: string): Parsed<boolean | null> {
  const text = cleanCell(s);
  if (text === '') return ok(null);
  if (/^[✓✔☑]$/.test(text)) return ok(true);
  if (/^[✗✘☐]$/.test(text)) return ok(false);
  const simple = simplify(text);
  if (YES.has(simple)) return ok(true);
  if (NO.has(simple)) return ok(false);
  return refuse(`'${text}' is neither yes nor no`);
}

// ---------------------------------------------------------------------------------------------------
// Identifiers and contact details

const EMAIL = /^[a-z0-9.!#$%&'*+/=?^_`{|}~-]+@[a-z0-9](?:[a-z0-9-]*[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]*[a-z0-9])?)+$/;

/** An email address, lower-cased; "Name <a@b.nhs.uk>" and "mailto:" forms read; an empty cell is null. */
export function parseEmail(s: string): Parsed<string | null> {
  const text = cleanCell(s);
  if (text === '') return ok(null);
  const angled = /<([^<>]+)>\s*$/.exec(text);
  const email = (angled ? angled[1] : text).replace(/^mailto:/i, '').trim().toLowerCase();
  if (email.length > MAX_LENGTH.EMAIL) return refuse(`Email address '${text}' is longer than ${MAX_LENGTH.EMAIL} characters`);
  if (!EMAIL.test(email) || email.includes('..')) return refuse(`'${text}' is not an email address`);
  return ok(email);
}

const EXCEL_SCIENTIFIC = /^\d+(\.\d+)?e\+?\d+$/i;

/**
 * An employee number (ESR: 8 digits; other sources add letters or dashes), leading zeros kept, letters
 * in capitals. A number Excel has rewritten as 1.23E+07 has lost its digits and is refused with the
 * reason; Excel's "34900001.0" is read as 34900001. An empty cell is null.
 */
export function parseEmployeeNumber(s: string): Parsed<string | null> {
  const text = cleanCell(s);
  if (text === '') return ok(null);
  if (EXCEL_SCIENTIFIC.test(text)) {
    return refuse(`Employee number '${text}' was turned into a rounded number by a spreadsheet: export the column as text and import again`);
  }
  const value = text.replace(/\.0+$/, '').replace(/\s+/g, '').toUpperCase();
  if (!PATTERN.EMPLOYEE_NUMBER.test(value)) {
    return refuse(`Employee number '${text}' is not an employee number: up to 20 letters, digits or dashes`);
  }
  return ok(value);
}

/** A phone number; a UK number whose leading 0 a spreadsheet dropped (7700900123) gets it back. An empty cell is null. */
export function parsePhone(s: string): Parsed<string | null> {
  const text = cleanCell(s);
  if (text === '') return ok(null);
  if (EXCEL_SCIENTIFIC.test(text)) return refuse(`Phone number '${text}' was turned into a rounded number by a spreadsheet: export the column as text`);
  const value = /^[1-9]\d{9}$/.test(text) ? `0${text}` : text;
  if (!PATTERN.PHONE.test(value)) return refuse(`'${text}' is not a phone number`);
  return ok(value);
}

/** Whole-time equivalent, 0 to 1.5 ("0.80", "1", "80%"); an empty cell is null. */
export function parseWte(s: string): Parsed<number | null> {
  const text = cleanCell(s);
  if (text === '') return ok(null);
  const m = /^(\d+(?:\.\d+)?)\s*(%)?$/.exec(text);
  const value = m ? Number(m[1]) / (m[2] ? 100 : 1) : NaN;
  if (!(value > 0 && value <= 1.5)) return refuse(`Whole-time equivalent '${text}' is not a number between 0 and 1.5`);
  return ok(Math.round(value * 10_000) / 10_000);
}
