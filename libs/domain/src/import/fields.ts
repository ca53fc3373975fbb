/**
 * What an imported list's columns can mean (issue 14), and the suggested mapping of a file's headers to
 * those fields. Headers vary from file to file ("Employee Number", "Emp No", "Staff Number"; "Pay Band",
 * "Grade", "Band"; "Assignment Category", "Contract"), in order, case and punctuation: each field lists
 * the spellings real files use (ESR staff-in-post exports, union membership lists, ward rotas, petition
 * sign-ups, and Rollcall's own exports, so a file exported from a list imports back unchanged).
 */

export enum ImportKind {
  STAFF = 'STAFF',
  MEMBERSHIP = 'MEMBERSHIP',
  PARTICIPATION = 'PARTICIPATION',
}

/** The largest list uploaded (issue 14: "files up to 50 MB"): the API refuses more, the web app before sending. */
export const MAX_IMPORT_BYTES = 50 * 1024 * 1024;

/** What an imported file's name may end in (CSV in its spellings, and Excel workbooks). */
export const IMPORT_FILE_EXTENSIONS = ['csv', 'txt', 'tsv', 'xlsx'] as const;

export const IMPORT_KIND_LABELS: Record<ImportKind, string> = {
  [ImportKind.STAFF]: 'Staff list',
  [ImportKind.MEMBERSHIP]: 'Membership list',
  [ImportKind.PARTICIPATION]: 'Campaign participation',
};

/** How a field's cells are read (normaliseRow): each type has its parser in parse.ts. */
export type ImportFieldType =
  | 'text' | 'name' | 'employeeNumber' | 'email' | 'phone' | 'date' | 'grade' | 'staffGroup' | 'contractType'
  | 'shiftPattern' | 'membershipStatus' | 'yesNo' | 'wte';

export interface ImportField {
  key: string;
  label: string;
  /**
   * A column must be mapped to it. Names are required as a group instead (a full name, or a first and a
   * last name): see missingFields.
   */
  required: boolean;
  /** Header spellings it maps from, normalised (normaliseHeader). */
  aliases: string[];
  type: ImportFieldType;
  /** Longest text kept (text and name fields). */
  maxLength?: number;
  /** Dates only: a date after today is accepted (a known leaving date). */
  allowFuture?: boolean;
  /** Read for information only (shown in the dry run, never written): the employer's name in the file. */
  informational?: boolean;
}

/**
 * Normalises a header for comparing: byte-order mark, spaces, case, accents and punctuation dropped,
 * '&' read as 'and', "(s)" as "s", and the abbreviations of "number" (No, No., Num, Nbr, #) and "email"
 * (E-mail) written out: "Emp. No." → "emp number", "E-Mail Address" → "email address".
 */
export function normaliseHeader(h: string): string {
  return String(h ?? '')
    .replace(/^\uFEFF/, '')
    .normalize('NFKD').replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/\(s\)/g, 's')
    .replace(/&/g, ' and ')
    .replace(/#/g, ' number ')
    .replace(/[^a-z0-9]+/g, ' ')
    .trim()
    .split(' ')
    .filter(Boolean)
    .map((w) => (['no', 'num', 'nbr', 'nr', 'numb'].includes(w) ? 'number' : w))
    .join(' ')
    .replace(/\be mail\b/g, 'email');
}

/** An order-insensitive key for a file's headers: the same source's next file finds the mapping remembered for it. */
export function headerSignature(headers: string[]): string {
  return [...new Set(headers.map(normaliseHeader).filter(Boolean))].sort().join('|');
}

type FieldSpec = Omit<ImportField, 'aliases' | 'required'> & { aliases: string[]; required?: boolean };

function field(spec: FieldSpec): ImportField {
  return { required: false, ...spec, aliases: [...new Set(spec.aliases.map(normaliseHeader))] };
}

const NAME = 100;
const PLACE = 200;

const EMPLOYEE_NUMBER = field({
  key: 'employeeNumber', label: 'Employee number', type: 'employeeNumber',
  aliases: [
    'Employee Number', 'Emp No', 'Employee No', 'Employee ID', 'Emp Number', 'Emp ID', 'Staff Number', 'Staff No', 'Staff ID',
    'Payroll Number', 'Payroll No', 'Pay Number', 'ESR Number', 'ESR Employee Number', 'ESR ID', 'ESR No', 'Person Number',
    'Employee Ref', 'Employee Reference', 'Personnel Number',
  ],
});
const FULL_NAME = field({
  key: 'fullName', label: 'Full name', type: 'name', maxLength: 2 * NAME + 50,
  aliases: ['Full Name', 'Name', 'Employee Name', 'Staff Name', 'Person', 'Employee Full Name', 'Member Name', 'Members Name', 'Person Name', 'Full Name Surname Forename', 'Names', 'Contact', 'Contact Name'],
});
const FIRST_NAME = field({
  key: 'firstName', label: 'First name', type: 'name', maxLength: NAME,
  aliases: ['First Name', 'Forename', 'Forenames', 'Forename(s)', 'Given Name', 'Given Names', 'First Names', 'Christian Name', 'Firstname', 'First'],
});
const LAST_NAME = field({
  key: 'lastName', label: 'Last name', type: 'name', maxLength: NAME,
  aliases: ['Last Name', 'Surname', 'Family Name', 'Lastname', 'Last'],
});
const PREFERRED_NAME = field({
  key: 'preferredName', label: 'Preferred name', type: 'name', maxLength: NAME,
  aliases: ['Preferred Name', 'Known As', 'Preferred First Name', 'Nickname', 'Preferred Forename'],
});
const LOCATION = field({
  key: 'location', label: 'Location (mapped to a ward)', type: 'text', maxLength: PLACE,
  aliases: [
    'Location', 'Workplace', 'Work Location', 'Primary Location', 'Assignment Location', 'Location Name', 'Base', 'Work Base',
    'Base Location', 'Place of Work', 'Work Place', 'Workplace Name', 'Department', 'Dept', 'Work Area', 'Area of Work',
  ],
});
const WARD = field({
  key: 'ward', label: 'Ward (by its name in Rollcall)', type: 'text', maxLength: PLACE,
  aliases: ['Ward', 'Ward Name', 'Ward or Department', 'Ward Department', 'Ward Team', 'Team', 'Unit'],
});
const ORGANISATION = field({
  key: 'organisation', label: 'Employer (for information)', type: 'text', maxLength: PLACE, informational: true,
  aliases: ['Organisation', 'Organization', 'Employer', 'Organisation Name', 'Employer Name', 'Trust', 'Employing Organisation', 'Employing Trust', 'Org'],
});
const WORK_EMAIL = field({
  key: 'workEmail', label: 'Work email', type: 'email',
  aliases: ['Work Email', 'Work Email Address', 'NHS Email', 'NHS Email Address', 'NHSmail', 'Business Email', 'Office Email', 'Email Work'],
});
/** A staff list from the employer and a sign-up sheet matched only by work email: a bare "Email" there is the work address. */
const WORK_EMAIL_OR_EMAIL = field({ ...WORK_EMAIL, aliases: [...WORK_EMAIL.aliases, 'Email', 'Email Address', 'Primary Email'] });

export const IMPORT_FIELDS: Record<ImportKind, ImportField[]> = {
  [ImportKind.STAFF]: [
    EMPLOYEE_NUMBER,
    field({ key: 'assignmentNumber', label: 'Assignment number', type: 'text', maxLength: 30, aliases: ['Assignment Number', 'Assignment No', 'Assignment ID', 'Asg Number'] }),
    FULL_NAME, FIRST_NAME, LAST_NAME, PREFERRED_NAME,
    field({
      key: 'jobTitle', label: 'Job title', type: 'text', maxLength: 200,
      aliases: ['Position Title', 'Job Title', 'Position', 'Position Name', 'Job Role', 'Role', 'Job', 'Occupation', 'Post Title', 'Post', 'Job Name', 'Title of Post'],
    }),
    field({
      key: 'staffGroup', label: 'Staff group', type: 'staffGroup',
      aliases: ['Staff Group', 'Staff Group Name', 'Staff Group Description', 'Professional Group', 'Occupation Group', 'Staff Category', 'Staff Groups'],
    }),
    field({
      key: 'grade', label: 'Pay band or grade', type: 'grade',
      aliases: ['Pay Band', 'Grade', 'Band', 'AfC Band', 'Pay Grade', 'Grade Name', 'Pay Scale', 'Payband', 'Grade Band', 'Band Grade', 'Medical Grade', 'Pay Band Grade', 'Agenda for Change Band'],
    }),
    field({
      key: 'contractType', label: 'Contract', type: 'contractType',
      aliases: ['Assignment Category', 'Contract', 'Contract Type', 'Employment Type', 'Employment Category', 'Assignment Type', 'Contract Category', 'Worker Type', 'Staff Type', 'Employment Status', 'Contract Status'],
    }),
    field({
      key: 'shiftPattern', label: 'Shift pattern', type: 'shiftPattern',
      aliases: ['Shift Pattern', 'Shift', 'Shifts', 'Working Pattern', 'Work Pattern', 'Rota Pattern', 'Shift Type', 'Rota'],
    }),
    LOCATION, WARD,
    field({ key: 'site', label: 'Site', type: 'text', maxLength: PLACE, aliases: ['Site', 'Site Name', 'Hospital', 'Hospital Site', 'Building'] }),
    ORGANISATION,
    WORK_EMAIL_OR_EMAIL,
    field({
      key: 'workPhone', label: 'Work phone', type: 'phone',
      aliases: ['Work Phone', 'Work Telephone', 'Work Phone Number', 'Phone', 'Phone Number', 'Telephone', 'Telephone Number', 'Office Phone', 'Work Number', 'Extension', 'Work Mobile', 'Tel'],
    }),
    field({ key: 'personalEmail', label: 'Personal email', type: 'email', aliases: ['Personal Email', 'Personal Email Address', 'Home Email', 'Private Email', 'Home Email Address'] }),
    field({
      key: 'personalPhone', label: 'Personal phone', type: 'phone',
      aliases: ['Personal Phone', 'Personal Phone Number', 'Mobile', 'Mobile Number', 'Mobile Phone', 'Home Phone', 'Personal Mobile', 'Home Telephone', 'Private Phone', 'Mobile Tel'],
    }),
    field({
      key: 'startDate', label: 'Start date', type: 'date',
      aliases: [
        'Start Date', 'Date Started in Position', 'Date Started', 'Hire Date', 'Date of Hire', 'Employment Start Date', 'Assignment Start Date',
        'Latest Start Date', 'Date Joined', 'Commencement Date', 'Start', 'Date Started in Post', 'Position Start Date', 'Service Start Date',
        'Date Joined Trust', 'Started', 'Date of Appointment', 'Appointment Date',
      ],
    }),
    field({
      key: 'leaveDate', label: 'Leave date', type: 'date', allowFuture: true,
      aliases: [
        'Leave Date', 'Leaving Date', 'Termination Date', 'End Date', 'Date Left', 'Left', 'Actual Termination Date', 'Assignment End Date',
        'Projected Assignment End', 'Projected Assignment End Date', 'Contract End Date', 'Leaver Date', 'Date of Leaving',
      ],
    }),
    field({ key: 'wte', label: 'Whole-time equivalent', type: 'wte', aliases: ['WTE', 'Contracted WTE', 'FTE', 'Whole Time Equivalent', 'Full Time Equivalent', 'Assignment WTE', 'Contracted FTE', 'WTE Contracted'] }),
  ],
  [ImportKind.MEMBERSHIP]: [
    field({
      key: 'membershipNumber', label: 'Membership number', type: 'text', maxLength: 40,
      aliases: ['Membership Number', 'Member Number', 'Membership No', 'Member No', 'Member ID', 'Membership ID', 'Mem No', 'Mem Number', 'Union Number', 'Membership Ref', 'Member Ref', 'Membership Reference', 'Member Reference'],
    }),
    FULL_NAME, FIRST_NAME, LAST_NAME,
    EMPLOYEE_NUMBER,
    // Not a bare "Email": a union's list usually holds the member's own address, which is not their work email.
    WORK_EMAIL,
    LOCATION, WARD,
    field({
      key: 'status', label: 'Membership status', type: 'membershipStatus',
      aliases: ['Status', 'Membership Status', 'Member Status', 'Membership State', 'Current Status'],
    }),
    field({
      key: 'joinDate', label: 'Join date', type: 'date',
      aliases: ['Join Date', 'Joined', 'Date Joined', 'Joining Date', 'Membership Start', 'Membership Start Date', 'Start Date', 'Member Since', 'Date of Joining', 'Joined Union'],
    }),
    field({
      key: 'leaveDate', label: 'Leave date', type: 'date', allowFuture: true,
      aliases: ['Leave Date', 'Left', 'Date Left', 'Lapsed Date', 'Lapse Date', 'Date Lapsed', 'Ceased Date', 'Date Ceased', 'End Date', 'Resigned Date', 'Date Resigned', 'Membership End Date'],
    }),
    field({ key: 'union', label: 'Union', type: 'text', maxLength: PLACE, aliases: ['Union', 'Union Name', 'Trade Union'] }),
    ORGANISATION,
  ],
  [ImportKind.PARTICIPATION]: [
    EMPLOYEE_NUMBER,
    WORK_EMAIL_OR_EMAIL,
    FULL_NAME, FIRST_NAME, LAST_NAME,
    LOCATION, WARD,
    field({
      key: 'participated', label: 'Took part (yes/no)', type: 'yesNo',
      aliases: ['Participated', 'Participation', 'Attended', 'Attendance', 'Signed', 'Signed Up', 'Signed Petition', 'Present', 'Took Part', 'Yes No', 'Response', 'Taken Part'],
    }),
    // Participation keeps a state, who recorded it and when: no note. The column is never saved, so no length of it refuses a row.
    field({
      key: 'note', label: 'Note (not saved: participation keeps no note)', type: 'text', informational: true,
      aliases: ['Note', 'Notes', 'Comment', 'Comments', 'Remarks', 'Remark'],
    }),
  ],
};

/**
 * Headers of columns Rollcall does not import, read exactly: so "Consents to personal email" is not
 * taken for a personal email column, nor a manager's number for the person's. Among them every column
 * of Rollcall's own exports that is not a field (memberships, rep roles, assessment, last spoken to…).
 */
const IGNORED_HEADERS = new Set([
  'Consents to personal email', 'Consents to personal phone', 'Memberships', 'Rep roles', 'Assessment', 'Organic leader',
  'Last spoken to', 'Source', 'Date of Birth', 'DOB', 'Birth Date', 'Age', 'Gender', 'Sex', 'Ethnicity', 'Ethnic Origin',
  'NI Number', 'National Insurance Number', 'NINO', 'Line Manager', 'Manager', 'Supervisor', 'Headcount', 'Members', 'Density',
  'Reps', 'Title', 'Salutation', 'Address', 'Postcode', 'Post Code', 'Home Address',
].map(normaliseHeader));

/** Words that make a header about someone or something else: a manager's number, an emergency contact's phone. */
const OTHER_PERSON = /\b(manager|supervisor|line|previous|former|old|emergency|kin|nok|partner|spouse|consents?|rep|reps|approver|requester)\b/;

/**
 * A header holding a spelling among other words: only spellings of two words or more, or one long word
 * ("location", "surname"), so "Cost Centre Name" is not taken for a name nor "Post Code" for a post.
 */
function containsWords(header: string, alias: string): boolean {
  return (alias.includes(' ') || alias.length >= 7) && ` ${header} `.includes(` ${alias} `);
}

/**
 * The field each column most likely holds (null: not imported). A mapping remembered for this source
 * (normalised header → field key or null) wins; then a header equal to a field's spelling; then a header
 * containing one ("Work Email Address (NHS.net)"), never one about another person ("Line Manager
 * Name"). Each field is given to one column at most: the closest spelling, then the first column.
 */
export function suggestMapping(kind: ImportKind, headers: string[], remembered?: Record<string, string | null>): (string | null)[] {
  const fields = IMPORT_FIELDS[kind];
  const keys = new Set(fields.map((f) => f.key));
  const normalised = headers.map(normaliseHeader);
  const result: (string | null)[] = normalised.map(() => null);
  const taken = new Set<string>();
  const decided = new Set<number>();

  normalised.forEach((h, i) => {
    if (remembered && Object.prototype.hasOwnProperty.call(remembered, h)) {
      const key = remembered[h];
      if (key === null || (keys.has(key) && !taken.has(key))) {
        result[i] = key;
        if (key) taken.add(key);
        decided.add(i);
      }
    } else if (!h || IGNORED_HEADERS.has(h)) {
      decided.add(i);
    }
  });

  // Candidates: [score, column, field]; an exact spelling scores above any contained one, earlier spellings first.
  const candidates: [number, number, string][] = [];
  normalised.forEach((h, i) => {
    if (decided.has(i)) return;
    for (const f of fields) {
      if (taken.has(f.key)) continue;
      const exact = f.aliases.indexOf(h);
      if (exact >= 0) {
        candidates.push([1000 - exact, i, f.key]);
        continue;
      }
      if (OTHER_PERSON.test(h)) continue;
      const contained = f.aliases.filter((a) => containsWords(h, a)).reduce((best, a) => Math.max(best, a.length), 0);
      if (contained) candidates.push([contained, i, f.key]);
    }
  });
  candidates.sort((a, b) => b[0] - a[0] || a[1] - b[1]);
  for (const [, column, key] of candidates) {
    if (decided.has(column) || taken.has(key)) continue;
    result[column] = key;
    taken.add(key);
    decided.add(column);
  }
  return result;
}

/**
 * What a mapping lacks before a dry run can start, as sentences (empty when complete): a staff or
 * membership list needs people's names; a participation list needs some way to find each person.
 */
export function missingFields(kind: ImportKind, mapping: (string | null)[]): string[] {
  const mapped = new Set(mapping.filter((k): k is string => k !== null));
  const missing = IMPORT_FIELDS[kind].filter((f) => f.required && !mapped.has(f.key)).map((f) => `Choose the column that holds the ${f.label.toLowerCase()}`);
  const named = mapped.has('fullName') || (mapped.has('firstName') && mapped.has('lastName'));
  if (kind === ImportKind.PARTICIPATION) {
    if (!named && !mapped.has('employeeNumber') && !mapped.has('workEmail')) {
      missing.push('Choose a column that finds each person: employee number, work email, or name');
    }
  } else if (!named) {
    missing.push('Choose the column with the full name, or the columns with the first name and the last name');
  }
  const seen = new Set<string>();
  for (const key of mapping) {
    if (key === null) continue;
    if (seen.has(key)) {
      const label = IMPORT_FIELDS[kind].find((f) => f.key === key)?.label ?? key;
      missing.push(`Two columns are mapped to ${label.toLowerCase()}: choose one`);
    }
    seen.add(key);
  }
  const unknown = [...mapped].filter((k) => !IMPORT_FIELDS[kind].some((f) => f.key === k));
  for (const k of unknown) missing.push(`'${k}' is not a field of a ${IMPORT_KIND_LABELS[kind].toLowerCase()}`);
  return missing;
}
