/**
 * Limits on what people type. The API refuses more (class-validator on its inputs) and the web app
 * checks the same numbers and patterns before sending; both read them from here, so a change to a
 * limit reaches both sides at once.
 */
export const MAX_LENGTH = {
  /** The name of an employer, site, ward, union or branch. */
  NAME: 200,
  /** A person's first, last or preferred name. */
  PERSON_NAME: 100,
  JOB_TITLE: 200,
  REGION: 100,
  SPECIALITY: 100,
  ADDRESS: 300,
  UNION_SHORT_NAME: 20,
  /** A work, personal or sign-in email address. */
  EMAIL: 200,
  /** A user's name as others see it. */
  DISPLAY_NAME: 120,
  PASSWORD: 200,
  MEMBERSHIP_NUMBER: 40,
  /** A conversation's ask and next step, and why someone is marked a leader. */
  SHORT_TEXT: 500,
  /** A conversation's notes. */
  NOTES: 5000,
  ISSUE_TAG_NAME: 60,
  /** A case's summary of the allegation or issue, and a meeting's notes. */
  CASE_TEXT: 10000,
  /** A note on a case. */
  CASE_NOTE: 20000,
  /** A meeting's place, and who accompanied the member. */
  MEETING_PLACE: 200,
  /** Who sits on a meeting's panel, and its outcome. */
  MEETING_TEXT: 1000,
} as const;

/** The largest document attached to a case (issue 11: "up to 20 MB each"): the API refuses more, the web app before sending. */
export const MAX_CASE_DOCUMENT_BYTES = 20 * 1024 * 1024;

/**
 * What a case document's name may end in: the types the API accepts (checked there by content, not by
 * name; its document policy keeps the same list), for the web app's file picker.
 */
export const CASE_DOCUMENT_EXTENSIONS = [
  'pdf', 'doc', 'docx', 'xls', 'xlsx', 'ppt', 'pptx', 'odt', 'ods', 'odp', 'jpg', 'jpeg', 'png', 'heic', 'heif', 'gif', 'webp',
] as const;

/** A new password has at least this many characters. */
export const MIN_PASSWORD_LENGTH = 12;

/** Shapes a value must have (no `g` flag: safe to share). */
export const PATTERN = {
  PHONE: /^\+?[0-9 ()-]{7,20}$/,
  EMPLOYEE_NUMBER: /^[0-9A-Za-z-]{1,20}$/,
  /** An NHS trust's ODS code, e.g. RXX. */
  EMPLOYER_ODS_CODE: /^[A-Z0-9]{3,5}$/,
  /** An NHS site's ODS code, e.g. RXX01. */
  SITE_ODS_CODE: /^[A-Z0-9]{3,7}$/,
  /** A UK postcode, e.g. NR1 3SR. */
  POSTCODE: /^[A-Za-z]{1,2}\d[A-Za-z\d]? ?\d[A-Za-z]{2}$/,
} as const;
