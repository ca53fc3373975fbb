import { CASE_DOCUMENT_EXTENSIONS, MAX_CASE_DOCUMENT_BYTES, MAX_LENGTH, MIN_PASSWORD_LENGTH, PATTERN } from './limits.js';

describe('input limits shared by the API and the web app', () => {
  it('keeps the numbers the API has always enforced', () => {
    expect(MAX_LENGTH).toEqual({
      NAME: 200, PERSON_NAME: 100, JOB_TITLE: 200, REGION: 100, SPECIALITY: 100, ADDRESS: 300, UNION_SHORT_NAME: 20,
      EMAIL: 200, DISPLAY_NAME: 120, PASSWORD: 200, MEMBERSHIP_NUMBER: 40, SHORT_TEXT: 500, NOTES: 5000, ISSUE_TAG_NAME: 60,
      CASE_TEXT: 10000, CASE_NOTE: 20000, MEETING_PLACE: 200, MEETING_TEXT: 1000,
    });
    expect(MIN_PASSWORD_LENGTH).toBe(12);
    expect(MAX_CASE_DOCUMENT_BYTES).toBe(20 * 1024 * 1024);
    expect(new Set(CASE_DOCUMENT_EXTENSIONS).size).toBe(CASE_DOCUMENT_EXTENSIONS.length);
  });

  it.each([
    ['PHONE', ['01603 286286', '+44 (0)1603 286-286'], ['123', 'call me', '0'.repeat(21)]],
    ['EMPLOYEE_NUMBER', ['E12345', 'a-1'], ['', 'E 123', 'x'.repeat(21)]],
    ['EMPLOYER_ODS_CODE', ['RXX', 'RM1'], ['rxx', 'RX', 'RXX012']],
    ['SITE_ODS_CODE', ['RXX01', 'RM102'], ['rxx01', 'RX', 'RXX01234']],
    ['POSTCODE', ['NR1 3SR', 'sw1a1aa', 'M1 1AE'], ['NR1', '12345', 'NR1 3S']],
  ] as const)('%s accepts its examples and refuses others', (name, good, bad) => {
    for (const v of good) expect(PATTERN[name].test(v)).toBe(true);
    for (const v of bad) expect(PATTERN[name].test(v)).toBe(false);
  });
});
