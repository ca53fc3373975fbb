import { MAX_LENGTH, MIN_PASSWORD_LENGTH, PATTERN } from '@rollcall/domain';
import { email, maxLength, minLength, regex, required } from 'react-admin';
import { ukDayOfInput } from './common/dates';

/**
 * Client-side checks with the API's own limits (MAX_LENGTH, PATTERN of @rollcall/domain, which its
 * class-validator inputs use too), so most mistakes are caught before a round trip. The server stays
 * the authority: its field errors show on the same inputs.
 */
export const requiredName = [required(), maxLength(MAX_LENGTH.NAME)];
export const personName = [required(), maxLength(MAX_LENGTH.PERSON_NAME)];
export const optionalName = [maxLength(MAX_LENGTH.PERSON_NAME)];
export const jobTitle = [maxLength(MAX_LENGTH.JOB_TITLE)];
export const region = [maxLength(MAX_LENGTH.REGION)];
export const speciality = [maxLength(MAX_LENGTH.SPECIALITY)];
export const address = [maxLength(MAX_LENGTH.ADDRESS)];
export const unionShortName = [required(), maxLength(MAX_LENGTH.UNION_SHORT_NAME)];
export const requiredRef = [required()];
export const requiredChoice = [required()];
export const optionalEmail = [email('Enter a valid email address'), maxLength(MAX_LENGTH.EMAIL)];
export const optionalPhone = [regex(PATTERN.PHONE, 'Enter a phone number (digits, spaces, brackets, dashes)')];
export const employeeNumber = [regex(PATTERN.EMPLOYEE_NUMBER, 'Up to 20 letters, digits or dashes')];
export const membershipNumber = [maxLength(MAX_LENGTH.MEMBERSHIP_NUMBER)];
export const odsCode = [regex(PATTERN.EMPLOYER_ODS_CODE, '3 to 5 capital letters or digits (e.g. RXX)')];
export const siteOdsCode = [regex(PATTERN.SITE_ODS_CODE, '3 to 7 capital letters or digits (e.g. RXX01)')];
export const postcode = [regex(PATTERN.POSTCODE, 'A UK postcode, e.g. NR1 3SR')];

/** A YYYY-MM-DD date must not come before another field's date. */
export function notBefore(otherField: string, message: string) {
  return (value: unknown, values: Record<string, unknown>) => {
    const other = values[otherField];
    if (typeof value === 'string' && value && typeof other === 'string' && other && value < other) return message;
    return undefined;
  };
}

/** Passwords: the API asks for at least MIN_PASSWORD_LENGTH characters (and at most MAX_LENGTH.PASSWORD). */
const passwordLength = [minLength(MIN_PASSWORD_LENGTH, `At least ${MIN_PASSWORD_LENGTH} characters`), maxLength(MAX_LENGTH.PASSWORD)];
export const currentPassword = [required()];
export const newPassword = [required(), ...passwordLength];
export const optionalNewPassword = passwordLength;
export const requiredEmail = [required(), email('Enter a valid email address'), maxLength(MAX_LENGTH.EMAIL)];
export const displayName = [required(), maxLength(MAX_LENGTH.DISPLAY_NAME)];

/** The value must equal another field's (a password typed twice). */
export function sameAs(otherField: string, message: string) {
  return (value: unknown, values: Record<string, unknown>) => (value === values[otherField] ? undefined : message);
}

export const confirmNewPassword = [required(), sameAs('newPassword', 'The two new passwords differ')];

/** A conversation's ask and next step, and its notes. */
export const conversationText = [maxLength(MAX_LENGTH.SHORT_TEXT)];
export const conversationNotes = [maxLength(MAX_LENGTH.NOTES)];
/** An issue tag's name. */
export const issueTagName = [required(), maxLength(MAX_LENGTH.ISSUE_TAG_NAME)];

/** A follow-up date must not come before the conversation's (UK) day. */
export const followUpNotBeforeConversation = [
  (value: unknown, values: Record<string, unknown>) => {
    if (typeof value !== 'string' || !value) return undefined;
    return value < ukDayOfInput(values.occurredAt) ? 'The follow-up cannot be before the conversation' : undefined;
  },
];
