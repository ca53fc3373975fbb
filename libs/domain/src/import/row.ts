/**
 * One row of an imported list in Rollcall's terms: each mapped cell read by its field's parser, names
 * split and tidied, and every cell that cannot be used named with the reason. The API stages rows,
 * normalises them with this, and refuses a row with any problem (its reasons go to the dry run and the
 * problems CSV); it never guesses a value.
 */
import type { IsoDate } from '../dates.js';
import { MembershipStatus } from '../membership.js';
import { IMPORT_FIELDS, ImportKind, type ImportField } from './fields.js';
import { splitFullName, tidyNameCase } from './names.js';
import {
  cleanCell, parseContractType, parseDate, parseEmail, parseEmployeeNumber, parseGrade, parseMembershipStatus, type Parsed,
  parsePhone, parseShiftPattern, parseStaffGroup, parseWte, parseYesNo, ukDateText, unneutraliseCell,
} from './parse.js';

export interface RowProblem {
  /** The field key (IMPORT_FIELDS), or 'row' for the row as a whole. */
  field: string;
  reason: string;
}

export interface NormalisedRow {
  /**
   * Field key → value: strings (dates 'YYYY-MM-DD', enums by value), numbers (wte) and booleans
   * (participated). Null: the file leaves it empty or the cell has a problem; a key that is absent is a
   * column the file does not have. Either way the import keeps what Rollcall already holds.
   * Names: firstName and lastName are always set when the row has a name (split from fullName when the
   * file has no first and last name columns); preferredName too when the full name brackets one.
   */
  values: Record<string, string | number | boolean | null>;
  problems: RowProblem[];
}

type Value = string | number | boolean | null;

function readCell(f: ImportField, text: string, today: IsoDate): Parsed<Value> {
  switch (f.type) {
    case 'employeeNumber': return parseEmployeeNumber(text);
    case 'email': return parseEmail(text);
    case 'phone': return parsePhone(text);
    case 'date': return parseDate(text, { today, allowFuture: f.allowFuture });
    case 'grade': return parseGrade(text);
    case 'staffGroup': return text ? parseStaffGroup(text) : { ok: true, value: null };
    case 'contractType': return text ? parseContractType(text) : { ok: true, value: null };
    case 'shiftPattern': return parseShiftPattern(text);
    case 'membershipStatus': return text ? parseMembershipStatus(text) : { ok: true, value: null };
    case 'yesNo': return parseYesNo(text);
    case 'wte': return parseWte(text);
    case 'name': {
      const value = text.replace(/\s+/g, ' ');
      return { ok: true, value: value ? value.split(' ').map(tidyNameCase).join(' ') : null };
    }
    case 'text': return { ok: true, value: text.replace(/\s+/g, ' ') || null };
  }
}

/**
 * A row's cells read through a mapping (field key per column, null = not imported). `today` (the UK
 * day, ukToday()) decides which dates are in the future. Missing cells (a short row) read as empty;
 * cells beyond the mapping are ignored. A membership list that does not say a person's status lists
 * them as members; a participation list without a "took part" column lists people who took part, and
 * an empty cell in that column means they did not.
 */
export function normaliseRow(kind: ImportKind, cells: string[], mapping: (string | null)[], opts: { today: IsoDate }): NormalisedRow {
  const fields = new Map(IMPORT_FIELDS[kind].map((f) => [f.key, f]));
  const values: Record<string, Value> = {};
  const problems: RowProblem[] = [];

  mapping.forEach((key, i) => {
    const f = key === null ? undefined : fields.get(key);
    if (!f || key === null) return;
    // A second column mapped to the same field fills it only where the first was empty.
    if (values[key] !== undefined && values[key] !== null) return;
    const text = unneutraliseCell(cleanCell(cells[i]));
    if (f.maxLength && text.length > f.maxLength) {
      values[key] = null;
      problems.push({ field: key, reason: `${f.label} is longer than ${f.maxLength} characters` });
      return;
    }
    const parsed = readCell(f, text, opts.today);
    if (parsed.ok) {
      values[key] = parsed.value;
    } else {
      values[key] = null;
      problems.push({ field: key, reason: parsed.reason });
    }
  });

  nameParts(kind, values, problems);

  if (kind === ImportKind.MEMBERSHIP && !values.status) values.status = MembershipStatus.MEMBER;
  if (kind === ImportKind.PARTICIPATION) {
    if (!('participated' in values)) values.participated = true;
    else if (values.participated === null && !problems.some((p) => p.field === 'participated')) values.participated = false;
  }

  const start = (values.startDate ?? values.joinDate) as string | null | undefined;
  const startKey = 'startDate' in values ? 'startDate' : 'joinDate';
  if (typeof start === 'string' && typeof values.leaveDate === 'string' && values.leaveDate < start) {
    problems.push({ field: 'leaveDate', reason: `The leave date ${ukDateText(values.leaveDate)} is before the ${startKey === 'startDate' ? 'start' : 'join'} date ${ukDateText(start)}` });
    values.leaveDate = null;
  }
  return { values, problems };
}

/** First and last name from their columns, or split from the full name; the problem when a row has no usable name. */
function nameParts(kind: ImportKind, values: Record<string, Value>, problems: RowProblem[]): void {
  const first = values.firstName as string | null | undefined;
  const last = values.lastName as string | null | undefined;
  const full = values.fullName as string | null | undefined;
  const hasNameProblem = problems.some((p) => ['firstName', 'lastName', 'fullName'].includes(p.field));
  if (first && last) return;
  if (full) {
    const split = splitFullName(full);
    if (split) {
      values.firstName = first || split.firstName;
      values.lastName = last || split.lastName;
      if (split.preferredName && !values.preferredName) values.preferredName = split.preferredName;
      return;
    }
    if (!first && !last) {
      problems.push({ field: 'fullName', reason: `The name '${full}' needs both a first name and a last name` });
      return;
    }
  }
  if (hasNameProblem) return;
  const mapped = ['firstName', 'lastName', 'fullName'].some((k) => k in values);
  const identified = Boolean(values.employeeNumber || values.workEmail);
  if (kind === ImportKind.PARTICIPATION) {
    if (!first && !last && !full && !identified) {
      problems.push({ field: 'row', reason: 'The row has no employee number, work email or name to find the person by' });
    }
    return;
  }
  if (!mapped) return;
  if (!first && !last && !full) problems.push({ field: 'fullName', reason: 'The row has no name' });
  else if (!first) problems.push({ field: 'firstName', reason: 'The first name is empty' });
  else problems.push({ field: 'lastName', reason: 'The last name is empty' });
}
