import { email, maxLength, minLength, regex, required } from 'react-admin';
import { ukDayOfInput } from './common/dates';

/**
 * Client-side checks that mirror the API's class-validator rules (apps/api/src/*\/dto), so most
 * mistakes are caught before a round trip. The server stays the authority: its field errors show
 * on the same inputs.
 */
export const requiredName = [required(), maxLength(200)];
export const personName = [required(), maxLength(100)];
export const optionalName = [maxLength(100)];
export const jobTitle = [maxLength(200)];
export const region = [maxLength(100)];
export const speciality = [maxLength(100)];
export const address = [maxLength(300)];
export const unionShortName = [required(), maxLength(20)];
export const requiredRef = [required()];
export const requiredChoice = [required()];
export const optionalEmail = [email('Enter a valid email address'), maxLength(200)];
export const optionalPhone = [regex(/^\+?[0-9 ()-]{7,20}$/, 'Enter a phone number (digits, spaces, brackets, dashes)')];
export const employeeNumber = [regex(/^[0-9A-Za-z-]{1,20}$/, 'Up to 20 letters, digits or dashes')];
export const membershipNumber = [maxLength(40)];
export const odsCode = [regex(/^[A-Z0-9]{3,5}$/, '3 to 5 capital letters or digits (e.g. RXX)')];
export const siteOdsCode = [regex(/^[A-Z0-9]{3,7}$/, '3 to 7 capital letters or digits (e.g. RXX01)')];
export const postcode = [regex(/^[A-Za-z]{1,2}\d[A-Za-z\d]? ?\d[A-Za-z]{2}$/, 'A UK postcode, e.g. NR1 3SR')];

/** A YYYY-MM-DD date must not come before another field's date. */
export function notBefore(otherField: string, message: string) {
  return (value: unknown, values: Record<string, unknown>) => {
    const other = values[otherField];
    if (typeof value === 'string' && value && typeof other === 'string' && other && value < other) return message;
    return undefined;
  };
}

/** Passwords: the API asks for at least 12 characters (and at most 200). */
export const currentPassword = [required()];
export const newPassword = [required(), minLength(12, 'At least 12 characters'), maxLength(200)];
export const optionalNewPassword = [minLength(12, 'At least 12 characters'), maxLength(200)];
export const requiredEmail = [required(), email('Enter a valid email address'), maxLength(200)];
export const displayName = [required(), maxLength(120)];

/** The value must equal another field's (a password typed twice). */
export function sameAs(otherField: string, message: string) {
  return (value: unknown, values: Record<string, unknown>) => (value === values[otherField] ? undefined : message);
}

export const confirmNewPassword = [required(), sameAs('newPassword', 'The two new passwords differ')];

/** A conversation's ask and next step (up to 500 characters in the API), and its notes (5,000). */
export const conversationText = [maxLength(500)];
export const conversationNotes = [maxLength(5000)];
/** An issue tag's name. */
export const issueTagName = [required(), maxLength(60)];

/** A follow-up date must not come before the conversation's (UK) day. */
export const followUpNotBeforeConversation = [
  (value: unknown, values: Record<string, unknown>) => {
    if (typeof value !== 'string' || !value) return undefined;
    return value < ukDayOfInput(values.occurredAt) ? 'The follow-up cannot be before the conversation' : undefined;
  },
];
