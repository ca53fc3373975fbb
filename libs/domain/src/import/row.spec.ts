import { Grade } from '../grades.js';
import { MembershipStatus } from '../membership.js';
import { ContractType, ShiftPattern, StaffGroup } from '../workplace.js';
import { ImportKind, suggestMapping } from './fields.js';
import { normaliseRow } from './row.js';

const today = '2026-11-28';
const ESR_HEADERS = [
  'Employee Number', 'Assignment Number', 'Last Name', 'First Name', 'Organisation', 'Location', 'Position Title', 'Staff Group', 'Pay Band',
  'Assignment Category', 'Contracted WTE', 'Date Started in Position', 'Work Email',
];
const ESR_ROW = [
  '34900001', '34900001-2', 'Jones', 'Bartek', 'North Riverside NHS Foundation Trust', 'Riverside General Hospital · Catering', 'Catering Assistant',
  'Estates and Ancillary', 'Band 2', 'Fixed Term Temp', '0.80', '18/03/2013', 'bartek.jones0@nrft.nhs.example',
];
const esrMapping = suggestMapping(ImportKind.STAFF, ESR_HEADERS);
const staff = (cells: Record<string, string>) => normaliseRow(ImportKind.STAFF, ESR_HEADERS.map((h, i) => cells[h] ?? ESR_ROW[i]), esrMapping, { today });

describe('normaliseRow: a staff list', () => {
  it("reads a row of the sample ESR export in Rollcall's terms", () => {
    expect(staff({})).toEqual({
      values: {
        employeeNumber: '34900001', assignmentNumber: '34900001-2', lastName: 'Jones', firstName: 'Bartek',
        organisation: 'North Riverside NHS Foundation Trust', location: 'Riverside General Hospital · Catering', jobTitle: 'Catering Assistant',
        staffGroup: StaffGroup.ESTATES_ANCILLARY, grade: Grade.AFC_2, contractType: ContractType.SUBSTANTIVE, wte: 0.8, startDate: '2013-03-18',
        workEmail: 'bartek.jones0@nrft.nhs.example',
      },
      problems: [],
    });
  });

  it('names each cell it cannot use, with the reason, and leaves it null', () => {
    const row = staff({ 'Pay Band': 'Band 11', 'Work Email': 'bartek.jones', 'Date Started in Position': '01/12/2026', 'Employee Number': '3.49E+07' });
    expect(row.problems).toEqual([
      { field: 'employeeNumber', reason: "Employee number '3.49E+07' was turned into a rounded number by a spreadsheet: export the column as text and import again" },
      { field: 'grade', reason: "Pay band 'Band 11' is not an Agenda for Change band or medical grade" },
      { field: 'startDate', reason: 'The date 01/12/2026 is in the future' },
      { field: 'workEmail', reason: "'bartek.jones' is not an email address" },
    ]);
    expect(row.values).toMatchObject({ employeeNumber: null, grade: null, startDate: null, workEmail: null, firstName: 'Bartek' });
  });

  it('reads empty cells as null without a problem (the import keeps what Rollcall holds)', () => {
    const row = staff({ 'Pay Band': '', 'Work Email': ' ', 'Staff Group': '', 'Assignment Category': '', 'Contracted WTE': '' });
    expect(row.problems).toEqual([]);
    expect(row.values).toMatchObject({ grade: null, workEmail: null, staffGroup: null, contractType: null, wte: null });
  });

  it('reads a short row as empty cells and ignores cells beyond the mapping', () => {
    const row = normaliseRow(ImportKind.STAFF, ['34900001', 'x', 'Jones', 'Bartek'], esrMapping, { today });
    expect(row.problems).toEqual([]);
    expect(row.values).toMatchObject({ employeeNumber: '34900001', lastName: 'Jones', firstName: 'Bartek', grade: null, startDate: null });
    expect(normaliseRow(ImportKind.STAFF, ['Jones', 'Bartek', 'extra', 'cells'], ['lastName', 'firstName'], { today }).values)
      .toEqual({ lastName: 'Jones', firstName: 'Bartek' });
  });

  it('splits a full name when there are no first and last name columns, keeping a bracketed preferred name', () => {
    const row = normaliseRow(ImportKind.STAFF, ['JONES, Bartek (Bart)', 'Band 5'], ['fullName', 'grade'], { today });
    expect(row).toEqual({
      values: { fullName: 'Jones, Bartek (Bart)', firstName: 'Bartek', lastName: 'Jones', preferredName: 'Bart', grade: Grade.AFC_5 },
      problems: [],
    });
  });

  it('prefers first and last name columns to the full name, and a preferred name column to a bracketed one', () => {
    const row = normaliseRow(ImportKind.STAFF, ['Jones, Bartek (Bart)', 'Bartosz', 'Jones', 'Barty'], ['fullName', 'firstName', 'lastName', 'preferredName'], { today });
    expect(row.values).toMatchObject({ firstName: 'Bartosz', lastName: 'Jones', preferredName: 'Barty' });
  });

  it('tidies names written all in capitals or all in lower case', () => {
    expect(normaliseRow(ImportKind.STAFF, ["O'NEILL", 'siobhan'], ['lastName', 'firstName'], { today }).values).toEqual({ lastName: "O'Neill", firstName: 'Siobhan' });
  });

  it('refuses a row without a usable name', () => {
    expect(normaliseRow(ImportKind.STAFF, ['Madonna'], ['fullName'], { today }).problems).toEqual([
      { field: 'fullName', reason: "The name 'Madonna' needs both a first name and a last name" },
    ]);
    expect(normaliseRow(ImportKind.STAFF, ['', '', '1'], ['firstName', 'lastName', 'employeeNumber'], { today }).problems).toEqual([
      { field: 'fullName', reason: 'The row has no name' },
    ]);
    expect(normaliseRow(ImportKind.STAFF, ['Jones', ''], ['lastName', 'firstName'], { today }).problems).toEqual([
      { field: 'firstName', reason: 'The first name is empty' },
    ]);
    expect(normaliseRow(ImportKind.STAFF, ['', 'Bartek'], ['lastName', 'firstName'], { today }).problems).toEqual([
      { field: 'lastName', reason: 'The last name is empty' },
    ]);
  });

  it('refuses text longer than Rollcall keeps', () => {
    expect(normaliseRow(ImportKind.STAFF, ['Jones', 'Bartek', 'x'.repeat(201)], ['lastName', 'firstName', 'jobTitle'], { today }).problems).toEqual([
      { field: 'jobTitle', reason: 'Job title is longer than 200 characters' },
    ]);
  });

  it('accepts a leaving date ahead, but not one before the start', () => {
    const mapping = ['lastName', 'firstName', 'startDate', 'leaveDate'];
    expect(normaliseRow(ImportKind.STAFF, ['Jones', 'Bartek', '01/01/2020', '31/03/2027'], mapping, { today })).toEqual({
      values: { lastName: 'Jones', firstName: 'Bartek', startDate: '2020-01-01', leaveDate: '2027-03-31' }, problems: [],
    });
    expect(normaliseRow(ImportKind.STAFF, ['Jones', 'Bartek', '01/01/2020', '31/12/2019'], mapping, { today }).problems).toEqual([
      { field: 'leaveDate', reason: 'The leave date 31/12/2019 is before the start date 01/01/2020' },
    ]);
  });

  it("reads back Rollcall's own export: neutralised cells, labels and UK dates", () => {
    const mapping = ['firstName', 'lastName', 'staffGroup', 'grade', 'shiftPattern', 'contractType', 'startDate', 'jobTitle'];
    const row = normaliseRow(ImportKind.STAFF, ['Bartek', 'Jones', 'Nursing and Midwifery Registered', 'Band 8a', 'Long days', 'Substantive', '18/03/2013', "'=HYPERLINK(\"x\")"], mapping, { today });
    expect(row).toEqual({
      values: {
        firstName: 'Bartek', lastName: 'Jones', staffGroup: StaffGroup.NURSING_MIDWIFERY_REGISTERED, grade: Grade.AFC_8A,
        shiftPattern: ShiftPattern.LONG_DAYS, contractType: ContractType.SUBSTANTIVE, startDate: '2013-03-18', jobTitle: '=HYPERLINK("x")',
      },
      problems: [],
    });
  });

  it('ignores columns mapped to nothing or to a field of another kind', () => {
    expect(normaliseRow(ImportKind.STAFF, ['Jones', 'Bartek', 'Lapsed'], ['lastName', 'firstName', 'status'], { today }).values)
      .toEqual({ lastName: 'Jones', firstName: 'Bartek' });
  });
});

describe('normaliseRow: a membership list', () => {
  const mapping = suggestMapping(ImportKind.MEMBERSHIP, ['Membership Number', 'Name', 'Workplace', 'Status', 'Join Date']);

  it('reads a union list', () => {
    expect(normaliseRow(ImportKind.MEMBERSHIP, ['M-1001', 'Bartek Jones', 'Ward 7B', 'Current', '01/02/2020'], mapping, { today })).toEqual({
      values: {
        membershipNumber: 'M-1001', fullName: 'Bartek Jones', firstName: 'Bartek', lastName: 'Jones', location: 'Ward 7B',
        status: MembershipStatus.MEMBER, joinDate: '2020-02-01',
      },
      problems: [],
    });
  });

  it('lists people as members when the list does not say, but refuses a status it cannot read', () => {
    expect(normaliseRow(ImportKind.MEMBERSHIP, ['Bartek Jones'], ['fullName'], { today }).values.status).toBe(MembershipStatus.MEMBER);
    expect(normaliseRow(ImportKind.MEMBERSHIP, ['M-1', 'Bartek Jones', '', '', ''], mapping, { today }).values.status).toBe(MembershipStatus.MEMBER);
    const refused = normaliseRow(ImportKind.MEMBERSHIP, ['M-1', 'Bartek Jones', '', 'Maybe', ''], mapping, { today });
    expect(refused.problems).toEqual([{ field: 'status', reason: "Membership status 'Maybe' is not one Rollcall knows: use member, applied, lapsed or non-member" }]);
  });

  it('refuses a join date in the future and a leave date before it', () => {
    expect(normaliseRow(ImportKind.MEMBERSHIP, ['Bartek Jones', '01/01/2027'], ['fullName', 'joinDate'], { today }).problems)
      .toEqual([{ field: 'joinDate', reason: 'The date 01/01/2027 is in the future' }]);
    expect(normaliseRow(ImportKind.MEMBERSHIP, ['Bartek Jones', '01/01/2020', '01/01/2019'], ['fullName', 'joinDate', 'leaveDate'], { today }).problems)
      .toEqual([{ field: 'leaveDate', reason: 'The leave date 01/01/2019 is before the join date 01/01/2020' }]);
  });
});

describe('normaliseRow: campaign participation', () => {
  it('lists people who took part when there is no column saying so', () => {
    expect(normaliseRow(ImportKind.PARTICIPATION, ['bartek@nhs.net'], ['workEmail'], { today })).toEqual({
      values: { workEmail: 'bartek@nhs.net', participated: true }, problems: [],
    });
  });

  it('reads the column when there is one: an empty cell is a no', () => {
    const mapping = ['fullName', 'participated', 'note'];
    expect(normaliseRow(ImportKind.PARTICIPATION, ['Bartek Jones', 'Yes', 'Brought two colleagues'], mapping, { today }).values)
      .toMatchObject({ participated: true, note: 'Brought two colleagues' });
    expect(normaliseRow(ImportKind.PARTICIPATION, ['Bartek Jones', '', ''], mapping, { today }).values).toMatchObject({ participated: false, note: null });
    expect(normaliseRow(ImportKind.PARTICIPATION, ['Bartek Jones', 'perhaps', ''], mapping, { today })).toMatchObject({
      values: { participated: null }, problems: [{ field: 'participated', reason: "'perhaps' is neither yes nor no" }],
    });
  });

  it('never refuses a row for its note (participation keeps none: the column is not saved)', () => {
    const long = 'Came with the whole night shift. '.repeat(30);
    expect(normaliseRow(ImportKind.PARTICIPATION, ['Bartek Jones', long], ['fullName', 'note'], { today }).problems).toEqual([]);
  });

  it('needs some way to find the person, but not necessarily a name', () => {
    expect(normaliseRow(ImportKind.PARTICIPATION, ['34900001', ''], ['employeeNumber', 'fullName'], { today }).problems).toEqual([]);
    expect(normaliseRow(ImportKind.PARTICIPATION, ['', '', 'Yes'], ['employeeNumber', 'fullName', 'participated'], { today }).problems).toEqual([
      { field: 'row', reason: 'The row has no employee number, work email or name to find the person by' },
    ]);
  });
});
