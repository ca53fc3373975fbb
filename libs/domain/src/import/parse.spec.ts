import { Grade } from '../grades.js';
import { MembershipStatus } from '../membership.js';
import { ContractType, ShiftPattern, StaffGroup } from '../workplace.js';
import {
  neutraliseCell, parseContractType, parseDate, parseEmail, parseEmployeeNumber, parseGrade, parseMembershipStatus, parsePhone,
  parseShiftPattern, parseStaffGroup, parseWte, parseYesNo, unneutraliseCell,
} from './parse.js';

const today = '2026-11-28';
const value = <T>(p: { ok: true; value: T } | { ok: false; reason: string }) => (p.ok ? p.value : `refused: ${p.reason}`);

describe('parseDate', () => {
  it.each([
    ['18/03/2013', '2013-03-18'],
    ['8/3/2013', '2013-03-08'],
    ['03/04/2013', '2013-04-03'],
    ['18-03-2013', '2013-03-18'],
    ['18.03.2013', '2013-03-18'],
    ['18/03/13', '2013-03-18'],
    ['01/01/85', '1985-01-01'],
    ['2013-03-18', '2013-03-18'],
    ['2013-03-18T00:00:00', '2013-03-18'],
    ['2013-03-18 00:00:00.000', '2013-03-18'],
    ['18/03/2013 09:30', '2013-03-18'],
    ['18-MAR-2013', '2013-03-18'],
    ['18-Mar-13', '2013-03-18'],
    ['18 March 2013', '2013-03-18'],
    ['18th Mar 2013', '2013-03-18'],
    ['1st September 2020', '2020-09-01'],
    ['March 18, 2013', '2013-03-18'],
    ['29/02/2024', '2024-02-29'],
    ['41351', '2013-03-18'],
    ['41351.5', '2013-03-18'],
    ['45000', '2023-03-15'],
    ['  18/03/2013 ', '2013-03-18'],
    ['', null],
    ['   ', null],
  ])('%j → %j', (text, expected) => {
    expect(value(parseDate(text, { today }))).toBe(expected);
  });

  it.each([
    ['03/18/2013', "'03/18/2013' is not a date: dates are read day first (dd/mm/yyyy), and there is no month 18"],
    ['31/04/2024', "'31/04/2024' is not a date: that month has no day 31"],
    ['29/02/2023', "'29/02/2023' is not a date: that month has no day 29"],
    ['2013', "'2013' is only a year: give the full date (dd/mm/yyyy)"],
    ['next week', "'next week' is not a date Rollcall can read: write it as dd/mm/yyyy"],
    ['18 Smarch 2013', "'18 Smarch 2013' is not a date Rollcall can read: write it as dd/mm/yyyy"],
    ['42', "'42' is not a date Rollcall can read: write it as dd/mm/yyyy"],
    ['01/01/1850', "'01/01/1850' is not a date: the year 1850 is out of range"],
  ])('refuses %j', (text, reason) => {
    expect(parseDate(text, { today })).toEqual({ ok: false, reason });
  });

  it('refuses a date after today unless the future is allowed', () => {
    expect(parseDate('29/11/2026', { today })).toEqual({ ok: false, reason: 'The date 29/11/2026 is in the future' });
    expect(value(parseDate('28/11/2026', { today }))).toBe('2026-11-28');
    expect(value(parseDate('31/03/2027', { today, allowFuture: true }))).toBe('2027-03-31');
  });

  it('reads a two-digit year in this century unless that is more than ten years ahead', () => {
    expect(value(parseDate('01/01/36', { today, allowFuture: true }))).toBe('2036-01-01');
    expect(value(parseDate('01/01/37', { today }))).toBe('1937-01-01');
  });
});

describe('parseGrade', () => {
  it.each([
    ['Band 5', Grade.AFC_5], ['band 5', Grade.AFC_5], ['AfC Band 8a', Grade.AFC_8A], ['Band 8A', Grade.AFC_8A],
    ['8A', Grade.AFC_8A], ['8b', Grade.AFC_8B], ['Band 8 - Range C', Grade.AFC_8C], ['Band 8 Range D', Grade.AFC_8D], ['5', Grade.AFC_5],
    ['Band 9', Grade.AFC_9], ['Band 1', Grade.AFC_1], ['Agenda for Change Band 3', Grade.AFC_3], ['Review Body Band 6', Grade.AFC_6],
    ['NHS AfC: Band 7', Grade.AFC_7], ['Band 2 ', Grade.AFC_2],
    ['FY1', Grade.FY1], ['F2', Grade.FY2], ['Foundation Year 1', Grade.FY1], ['FY 2', Grade.FY2], ['CT2', Grade.CT2], ['Core Trainee 3', Grade.CT3],
    ['ST3', Grade.ST3], ['st8', Grade.ST8], ['StR 4', Grade.ST4], ['Specialty Registrar (ST5)', Grade.ST5], ['Specialty Registrar Year 6', Grade.ST6],
    ['Consultant', Grade.CONSULTANT], ['CONSULTANT', Grade.CONSULTANT], ['Medical Consultant', Grade.CONSULTANT],
    ['Specialty Doctor', Grade.SAS_SPECIALTY_DOCTOR], ['Speciality Doctor', Grade.SAS_SPECIALTY_DOCTOR], ['Staff Grade', Grade.SAS_SPECIALTY_DOCTOR],
    ['Specialist', Grade.SAS_SPECIALIST], ['Associate Specialist', Grade.SAS_ASSOCIATE_SPECIALIST],
    // Rollcall's own export writes the labels.
    ['Specialty doctor (SAS)', Grade.SAS_SPECIALTY_DOCTOR], ['Associate specialist (SAS)', Grade.SAS_ASSOCIATE_SPECIALIST],
    ['', null],
  ])('%j → %s', (text, grade) => {
    expect(value(parseGrade(text))).toBe(grade);
  });

  it.each([
    ['Band 11', "Pay band 'Band 11' is not an Agenda for Change band or medical grade"],
    ['Band 8', "Pay band 'Band 8' does not say which of bands 8a, 8b, 8c or 8d"],
    ['8', "Pay band '8' does not say which of bands 8a, 8b, 8c or 8d"],
    ['ST9', "Pay band 'ST9' is not an Agenda for Change band or medical grade"],
    ['FY3', "Pay band 'FY3' is not an Agenda for Change band or medical grade"],
    ['Band 8e', "Pay band 'Band 8e' is not an Agenda for Change band or medical grade"],
    ['Senior', "Pay band 'Senior' is not an Agenda for Change band or medical grade"],
    ['0', "Pay band '0' is not an Agenda for Change band or medical grade"],
  ])('refuses %j', (text, reason) => {
    expect(parseGrade(text)).toEqual({ ok: false, reason });
  });
});

describe('parseStaffGroup', () => {
  it.each([
    ['Nursing and Midwifery Registered', StaffGroup.NURSING_MIDWIFERY_REGISTERED],
    ['Nursing & Midwifery Registered', StaffGroup.NURSING_MIDWIFERY_REGISTERED],
    ['NURSING AND MIDWIFERY REGISTERED', StaffGroup.NURSING_MIDWIFERY_REGISTERED],
    ['Nursing and Midwifery Unregistered', StaffGroup.ADDITIONAL_CLINICAL_SERVICES],
    ['Additional Clinical Services', StaffGroup.ADDITIONAL_CLINICAL_SERVICES],
    ['Add Clin Services', StaffGroup.ADDITIONAL_CLINICAL_SERVICES],
    ['Allied Health Professionals', StaffGroup.ALLIED_HEALTH_PROFESSIONALS],
    ['AHP', StaffGroup.ALLIED_HEALTH_PROFESSIONALS],
    ['Add Prof Scientific and Technic', StaffGroup.ADDITIONAL_PROFESSIONAL_SCIENTIFIC_TECHNICAL],
    ['001 Add Prof Scientific and Technic', StaffGroup.ADDITIONAL_PROFESSIONAL_SCIENTIFIC_TECHNICAL],
    ['Additional Professional Scientific and Technical', StaffGroup.ADDITIONAL_PROFESSIONAL_SCIENTIFIC_TECHNICAL],
    ['Healthcare Scientists', StaffGroup.HEALTHCARE_SCIENTISTS],
    ['Medical and Dental', StaffGroup.MEDICAL_DENTAL],
    ['Administrative and Clerical', StaffGroup.ADMINISTRATIVE_CLERICAL],
    ['Admin & Clerical', StaffGroup.ADMINISTRATIVE_CLERICAL],
    ['Estates and Ancillary', StaffGroup.ESTATES_ANCILLARY],
    ['Students', StaffGroup.STUDENTS],
    ['Nursing Students', StaffGroup.STUDENTS],
  ])('%j → %s', (text, group) => {
    expect(value(parseStaffGroup(text))).toBe(group);
  });

  it('refuses an empty cell and a group it does not know, saying so', () => {
    expect(parseStaffGroup(' ')).toEqual({ ok: false, reason: 'Staff group is empty' });
    expect(parseStaffGroup('Volunteers')).toEqual({
      ok: false, reason: "Staff group 'Volunteers' is not one of the NHS staff groups (such as Nursing and Midwifery Registered or Estates and Ancillary)",
    });
  });
});

describe('parseContractType', () => {
  it.each([
    ['Permanent', ContractType.SUBSTANTIVE], ['Fixed Term Temp', ContractType.SUBSTANTIVE], ['Fixed Term', ContractType.SUBSTANTIVE],
    ['Substantive', ContractType.SUBSTANTIVE], ['Secondment', ContractType.SUBSTANTIVE], ['Apprentice', ContractType.SUBSTANTIVE],
    ['Bank', ContractType.BANK], ['BANK', ContractType.BANK], ['Casual', ContractType.BANK], ['Bank Locum', ContractType.BANK],
    ['Agency', ContractType.AGENCY], ['Agency Locum', ContractType.AGENCY],
  ])('%j → %s', (text, type) => {
    expect(value(parseContractType(text))).toBe(type);
  });

  it.each([
    ['Locum', "Contract 'Locum' does not say whether the locum is bank or agency"],
    ['Honorary', "Contract 'Honorary' is honorary: Rollcall records staff employed substantively, on the bank or through an agency"],
    ['Volunteer', "Contract 'Volunteer' is not one Rollcall knows: use permanent, fixed term, bank or agency"],
    ['', 'Contract is empty'],
  ])('refuses %j', (text, reason) => {
    expect(parseContractType(text)).toEqual({ ok: false, reason });
  });
});

describe('parseShiftPattern', () => {
  it.each([
    ['Days', ShiftPattern.DAYS], ['Day', ShiftPattern.DAYS], ['Earlies', ShiftPattern.DAYS], ['Office hours', ShiftPattern.DAYS],
    ['Nights', ShiftPattern.NIGHTS], ['Night', ShiftPattern.NIGHTS], ['Long Days', ShiftPattern.LONG_DAYS], ['LD', ShiftPattern.LONG_DAYS],
    ['Rotating', ShiftPattern.ROTATING], ['Rotational', ShiftPattern.ROTATING], ['Days and Nights', ShiftPattern.ROTATING],
    ['Long days and nights', ShiftPattern.ROTATING], ['On call', ShiftPattern.ON_CALL], ['On-Call', ShiftPattern.ON_CALL], ['', null],
  ])('%j → %s', (text, pattern) => {
    expect(value(parseShiftPattern(text))).toBe(pattern);
  });

  it('refuses what it does not know', () => {
    expect(parseShiftPattern('Whenever')).toEqual({
      ok: false, reason: "Shift pattern 'Whenever' is not one Rollcall knows: use days, nights, long days, rotating or on call",
    });
  });
});

describe('parseMembershipStatus', () => {
  it.each([
    ['Member', MembershipStatus.MEMBER], ['Current', MembershipStatus.MEMBER],
    ['ACTIVE', MembershipStatus.MEMBER], ['Full member', MembershipStatus.MEMBER],
    ['Lapsed', MembershipStatus.LAPSED], ['Ceased', MembershipStatus.LAPSED], ['Resigned', MembershipStatus.LAPSED], ['Left', MembershipStatus.LAPSED],
    ['Applied', MembershipStatus.PENDING], ['Pending', MembershipStatus.PENDING], ['Pending / applied', MembershipStatus.PENDING],
    ['Non-member', MembershipStatus.NON_MEMBER], ['Not a member', MembershipStatus.NON_MEMBER],
  ])('%j → %s', (text, status) => {
    expect(value(parseMembershipStatus(text))).toBe(status);
  });

  it('refuses what it does not know', () => {
    expect(parseMembershipStatus('Maybe')).toEqual({
      ok: false, reason: "Membership status 'Maybe' is not one Rollcall knows: use member, applied, lapsed or non-member",
    });
  });
});

describe('parseYesNo', () => {
  it.each([
    ['Yes', true], ['Y', true], ['x', true], ['✓', true], ['Attended', true], ['TRUE', true], ['1', true],
    ['No', false], ['n', false], ['DNA', false], ['0', false], ['Apologies', false], ['', null],
  ])('%j → %s', (text, answer) => {
    expect(value(parseYesNo(text))).toBe(answer);
  });

  it('refuses what is neither', () => {
    expect(parseYesNo('perhaps')).toEqual({ ok: false, reason: "'perhaps' is neither yes nor no" });
  });
});

describe('parseEmail', () => {
  it.each([
    ['Bartek.Jones@NRFT.nhs.example', 'bartek.jones@nrft.nhs.example'],
    ['  bartek.jones@nhs.net ', 'bartek.jones@nhs.net'],
    ['Bartek Jones <bartek.jones@nhs.net>', 'bartek.jones@nhs.net'],
    ['mailto:bartek.jones@nhs.net', 'bartek.jones@nhs.net'],
    ["o'neill+union@example.org", "o'neill+union@example.org"],
    ['', null],
  ])('%j → %j', (text, email) => {
    expect(value(parseEmail(text))).toBe(email);
  });

  it.each(['bartek.jones', 'bartek@', '@nhs.net', 'bartek jones@nhs.net', 'bartek@nhs', 'a..b@nhs.net', 'a@b@nhs.net'])('refuses %j', (text) => {
    expect(parseEmail(text)).toEqual({ ok: false, reason: `'${text}' is not an email address` });
  });

  it('refuses an address longer than Rollcall keeps', () => {
    expect(parseEmail(`${'a'.repeat(200)}@nhs.net`).ok).toBe(false);
  });
});

describe('parseEmployeeNumber', () => {
  it.each([
    ['34900001', '34900001'], ['00123456', '00123456'], [' 34900001 ', '34900001'], ['34900001.0', '34900001'], ['="00123456"', '00123456'],
    ['349 00001', '34900001'], ['e12345', 'E12345'], ['AB-123', 'AB-123'], ['', null],
  ])('%j → %j', (text, number) => {
    expect(value(parseEmployeeNumber(text))).toBe(number);
  });

  it("refuses a number Excel has rounded, saying what happened", () => {
    expect(parseEmployeeNumber('3.49E+07')).toEqual({
      ok: false, reason: "Employee number '3.49E+07' was turned into a rounded number by a spreadsheet: export the column as text and import again",
    });
    expect(parseEmployeeNumber('3.49e7').ok).toBe(false);
  });

  it.each(['349/0001', 'x'.repeat(21), 'Jones'.padEnd(25, 'z')])('refuses %j', (text) => {
    expect(parseEmployeeNumber(text).ok).toBe(false);
  });
});

describe('parsePhone', () => {
  it.each([
    ['01632 960123', '01632 960123'], ['+44 7700 900123', '+44 7700 900123'], ['7700900123', '07700900123'], ['(01632) 960-123', '(01632) 960-123'], ['', null],
  ])('%j → %j', (text, phone) => {
    expect(value(parsePhone(text))).toBe(phone);
  });

  it.each(['call me', '123', '4.47700900123E+11'])('refuses %j', (text) => {
    expect(parsePhone(text).ok).toBe(false);
  });
});

describe('parseWte', () => {
  it.each([['0.80', 0.8], ['1', 1], ['1.00', 1], ['80%', 0.8], ['0.5333', 0.5333], ['', null]])('%j → %j', (text, wte) => {
    expect(value(parseWte(text))).toBe(wte);
  });

  it.each(['0', '2', 'full time', '-1'])('refuses %j', (text) => {
    expect(parseWte(text).ok).toBe(false);
  });
});

describe('neutraliseCell / unneutraliseCell', () => {
  it.each(['=HYPERLINK("http://x","y")', '+44 7700', '-1', '@SUM(A1)', '\tTab', '\rCR'])('neutralises %j and reads it back', (text) => {
    expect(neutraliseCell(text)).toBe(`'${text}`);
    expect(unneutraliseCell(neutraliseCell(text))).toBe(text);
  });

  it('leaves other text alone both ways', () => {
    for (const text of ['Ward 7B', "O'Neill", "'quoted'", '']) {
      expect(neutraliseCell(text)).toBe(text);
      expect(unneutraliseCell(text)).toBe(text);
    }
  });
});
