import { headerSignature, IMPORT_FIELDS, ImportKind, missingFields, normaliseHeader, suggestMapping } from './fields.js';

/** The sample ESR staff-in-post export's header line, as the file has it (with Excel's byte-order mark). */
const ESR_SAMPLE = [
  '\uFEFFEmployee Number', 'Assignment Number', 'Last Name', 'First Name', 'Organisation', 'Location', 'Position Title', 'Staff Group',
  'Pay Band', 'Assignment Category', 'Contracted WTE', 'Date Started in Position', 'Work Email',
];

/** Rollcall's own contact-list export (apps/api/src/export/export-lists.ts), with personal details. */
const CONTACT_EXPORT = [
  'First name', 'Last name', 'Preferred name', 'Job title', 'Staff group', 'Grade', 'Shift pattern', 'Contract', 'Employer', 'Site', 'Ward',
  'Employee number', 'Work email', 'Work phone', 'Personal email', 'Personal phone', 'Consents to personal email',
  'Consents to personal phone', 'Start date', 'Leave date', 'Memberships', 'Rep roles', 'Assessment', 'Organic leader', 'Last spoken to',
];

/** Rollcall's own membership export. */
const MEMBERSHIP_EXPORT = ['Person', 'Employer', 'Union', 'Status', 'Source', 'Joined', 'Left', 'Membership number'];

const mapped = (kind: ImportKind, headers: string[], remembered?: Record<string, string | null>) => {
  const mapping = suggestMapping(kind, headers, remembered);
  return Object.fromEntries(headers.map((h, i) => [h.replace(/^\uFEFF/, ''), mapping[i]]));
};

describe('normaliseHeader', () => {
  it.each([
    ['\uFEFF  Employee Number ', 'employee number'],
    ['EMPLOYEE_NUMBER', 'employee number'],
    ['Emp. No.', 'emp number'],
    ['Staff #', 'staff number'],
    ['E-Mail Address', 'email address'],
    ['Forename(s)', 'forenames'],
    ['Admin & Clerical', 'admin and clerical'],
    ['Lieu de travail – Hôpital', 'lieu de travail hopital'],
    ['Work\tEmail\n', 'work email'],
    ['', ''],
  ])('%j → %j', (h, expected) => {
    expect(normaliseHeader(h)).toBe(expected);
  });
});

describe('headerSignature', () => {
  it('is the same whatever the order, case or punctuation of the headers', () => {
    expect(headerSignature(['Employee Number', 'Full Name', 'Pay Band'])).toBe(headerSignature(['pay band', 'FULL NAME', 'Employee No.']));
  });

  it('differs when a column differs', () => {
    expect(headerSignature(['Employee Number', 'Full Name'])).not.toBe(headerSignature(['Employee Number', 'Full Name', 'Grade']));
  });
});

describe('IMPORT_FIELDS', () => {
  it.each(Object.values(ImportKind))('%s: field keys are unique and every spelling leads to one field', (kind) => {
    const fields = IMPORT_FIELDS[kind];
    expect(new Set(fields.map((f) => f.key)).size).toBe(fields.length);
    const owners = new Map<string, string>();
    for (const f of fields) {
      for (const a of f.aliases) {
        expect(a).toBe(normaliseHeader(a));
        expect(owners.get(a) ?? f.key).toBe(f.key);
        owners.set(a, f.key);
      }
    }
  });

  it('holds the keys of the contract', () => {
    expect(IMPORT_FIELDS[ImportKind.STAFF].map((f) => f.key)).toEqual(expect.arrayContaining([
      'employeeNumber', 'assignmentNumber', 'fullName', 'firstName', 'lastName', 'preferredName', 'jobTitle', 'staffGroup', 'grade',
      'contractType', 'shiftPattern', 'location', 'ward', 'site', 'organisation', 'workEmail', 'workPhone', 'personalEmail', 'personalPhone',
      'startDate', 'leaveDate', 'wte',
    ]));
    expect(IMPORT_FIELDS[ImportKind.MEMBERSHIP].map((f) => f.key)).toEqual(expect.arrayContaining([
      'membershipNumber', 'fullName', 'firstName', 'lastName', 'employeeNumber', 'workEmail', 'location', 'ward', 'status', 'joinDate',
      'leaveDate', 'union',
    ]));
    expect(IMPORT_FIELDS[ImportKind.PARTICIPATION].map((f) => f.key)).toEqual(expect.arrayContaining([
      'employeeNumber', 'workEmail', 'fullName', 'firstName', 'lastName', 'location', 'ward', 'participated', 'note',
    ]));
  });
});

describe('suggestMapping', () => {
  it('maps every header of the sample ESR export with no manual change', () => {
    expect(mapped(ImportKind.STAFF, ESR_SAMPLE)).toEqual({
      'Employee Number': 'employeeNumber', 'Assignment Number': 'assignmentNumber', 'Last Name': 'lastName', 'First Name': 'firstName',
      Organisation: 'organisation', Location: 'location', 'Position Title': 'jobTitle', 'Staff Group': 'staffGroup', 'Pay Band': 'grade',
      'Assignment Category': 'contractType', 'Contracted WTE': 'wte', 'Date Started in Position': 'startDate', 'Work Email': 'workEmail',
    });
  });

  it('maps the same export whatever the column order and case', () => {
    const shuffled = [...ESR_SAMPLE].reverse().map((h) => h.toUpperCase());
    const mapping = suggestMapping(ImportKind.STAFF, shuffled);
    expect(mapping).toEqual([...suggestMapping(ImportKind.STAFF, ESR_SAMPLE)].reverse());
  });

  it.each([
    ['Employee Number', 'employeeNumber'], ['Emp No', 'employeeNumber'], ['Emp. No.', 'employeeNumber'], ['Staff Number', 'employeeNumber'],
    ['Staff ID', 'employeeNumber'], ['Payroll Number', 'employeeNumber'], ['ESR Number', 'employeeNumber'],
    ['Pay Band', 'grade'], ['Grade', 'grade'], ['Band', 'grade'], ['AfC Band', 'grade'],
    ['Assignment Category', 'contractType'], ['Contract', 'contractType'], ['Contract Type', 'contractType'], ['Employment Type', 'contractType'],
    ['Full Name', 'fullName'], ['Name', 'fullName'], ['Employee Name', 'fullName'],
    ['Surname', 'lastName'], ['Forename', 'firstName'], ['Forename(s)', 'firstName'], ['Known As', 'preferredName'],
    ['Job Title', 'jobTitle'], ['Position', 'jobTitle'], ['Staff Group', 'staffGroup'],
    ['Email', 'workEmail'], ['E-mail Address', 'workEmail'], ['Mobile', 'personalPhone'], ['Telephone', 'workPhone'],
    ['Hire Date', 'startDate'], ['Termination Date', 'leaveDate'], ['FTE', 'wte'], ['Base', 'location'], ['Department', 'location'],
    ['Shift Pattern', 'shiftPattern'], ['Ward', 'ward'], ['Site', 'site'], ['Employer', 'organisation'], ['Trust', 'organisation'],
    // A header holding a spelling among other words.
    ['Work Email Address (NHS.net)', 'workEmail'], ['Staff Group Description', 'staffGroup'], ['Primary Assignment Location', 'location'],
  ])('staff list: %j → %s', (header, key) => {
    expect(suggestMapping(ImportKind.STAFF, [header])).toEqual([key]);
  });

  it.each([
    'Line Manager Name', 'Supervisor Employee Number', 'Emergency Contact Phone', 'Next of Kin Name', 'Consents to personal email',
    'Date of Birth', 'NI Number', 'Cost Centre Name', 'Post Code', 'Rep roles', 'Favourite colour', '',
  ])('staff list: %j is not imported', (header) => {
    expect(suggestMapping(ImportKind.STAFF, [header])).toEqual([null]);
  });

  it('maps a union membership list with no manual change', () => {
    expect(mapped(ImportKind.MEMBERSHIP, ['Membership Number', 'Name', 'Workplace', 'Status', 'Join Date'])).toEqual({
      'Membership Number': 'membershipNumber', Name: 'fullName', Workplace: 'location', Status: 'status', 'Join Date': 'joinDate',
    });
    expect(mapped(ImportKind.MEMBERSHIP, ['Member No', 'Surname', 'Forenames', 'Work Location', 'Member Status', 'Date Joined', 'Date Lapsed', 'Emp No'])).toEqual({
      'Member No': 'membershipNumber', Surname: 'lastName', Forenames: 'firstName', 'Work Location': 'location', 'Member Status': 'status',
      'Date Joined': 'joinDate', 'Date Lapsed': 'leaveDate', 'Emp No': 'employeeNumber',
    });
  });

  it("leaves a membership list's bare email to the user: it is usually the member's own address", () => {
    expect(suggestMapping(ImportKind.MEMBERSHIP, ['Email', 'Work Email'])).toEqual([null, 'workEmail']);
  });

  it("maps Rollcall's own contact-list export back (round trip), its other columns not imported", () => {
    expect(mapped(ImportKind.STAFF, CONTACT_EXPORT)).toEqual({
      'First name': 'firstName', 'Last name': 'lastName', 'Preferred name': 'preferredName', 'Job title': 'jobTitle', 'Staff group': 'staffGroup',
      Grade: 'grade', 'Shift pattern': 'shiftPattern', Contract: 'contractType', Employer: 'organisation', Site: 'site', Ward: 'ward',
      'Employee number': 'employeeNumber', 'Work email': 'workEmail', 'Work phone': 'workPhone', 'Personal email': 'personalEmail',
      'Personal phone': 'personalPhone', 'Consents to personal email': null, 'Consents to personal phone': null, 'Start date': 'startDate',
      'Leave date': 'leaveDate', Memberships: null, 'Rep roles': null, Assessment: null, 'Organic leader': null, 'Last spoken to': null,
    });
  });

  it("maps Rollcall's own membership export back", () => {
    expect(mapped(ImportKind.MEMBERSHIP, MEMBERSHIP_EXPORT)).toEqual({
      Person: 'fullName', Employer: 'organisation', Union: 'union', Status: 'status', Source: null, Joined: 'joinDate', Left: 'leaveDate',
      'Membership number': 'membershipNumber',
    });
  });

  it('maps a sign-up sheet', () => {
    expect(mapped(ImportKind.PARTICIPATION, ['Name', 'Email', 'Ward', 'Signed', 'Comments'])).toEqual({
      Name: 'fullName', Email: 'workEmail', Ward: 'ward', Signed: 'participated', Comments: 'note',
    });
  });

  it('gives a field to one column only: the closest spelling wins, then the first column', () => {
    expect(suggestMapping(ImportKind.STAFF, ['Email', 'Work Email'])).toEqual([null, 'workEmail']);
    expect(suggestMapping(ImportKind.STAFF, ['Work Email', 'Work Email'])).toEqual(['workEmail', null]);
    expect(suggestMapping(ImportKind.STAFF, ['Grade Description', 'Pay Band'])).toEqual([null, 'grade']);
  });

  it('uses a remembered mapping first, including a column remembered as not imported', () => {
    const remembered = { [normaliseHeader('Pay Band')]: null, [normaliseHeader('Local Grade')]: 'grade', [normaliseHeader('Org')]: 'site' };
    expect(suggestMapping(ImportKind.STAFF, ['Pay Band', 'Local Grade', 'Org', 'Employee Number'], remembered))
      .toEqual([null, 'grade', 'site', 'employeeNumber']);
  });

  it('ignores a remembered key that is not a field of this kind', () => {
    expect(suggestMapping(ImportKind.PARTICIPATION, ['Pay Band'], { 'pay band': 'grade' })).toEqual([null]);
  });
});

describe('missingFields', () => {
  it('is empty for the sample ESR export', () => {
    expect(missingFields(ImportKind.STAFF, suggestMapping(ImportKind.STAFF, ESR_SAMPLE))).toEqual([]);
  });

  it('asks for names on a staff or membership list', () => {
    expect(missingFields(ImportKind.STAFF, ['employeeNumber', 'firstName'])).toEqual([
      'Choose the column with the full name, or the columns with the first name and the last name',
    ]);
    expect(missingFields(ImportKind.MEMBERSHIP, ['fullName'])).toEqual([]);
  });

  it('asks a participation list for some way to find each person', () => {
    expect(missingFields(ImportKind.PARTICIPATION, ['participated'])).toHaveLength(1);
    expect(missingFields(ImportKind.PARTICIPATION, ['workEmail', 'participated'])).toEqual([]);
  });

  it('refuses two columns for one field and a field of another kind', () => {
    expect(missingFields(ImportKind.STAFF, ['fullName', 'grade', 'grade'])).toEqual(['Two columns are mapped to pay band or grade: choose one']);
    expect(missingFields(ImportKind.PARTICIPATION, ['workEmail', 'grade'])).toEqual(["'grade' is not a field of a campaign participation"]);
  });
});
