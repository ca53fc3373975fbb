/** The audit log's actions: labels, chip colours and SelectInput choices. */
export type AuditAction = 'LOGIN_SUCCEEDED' | 'LOGIN_FAILED' | 'LOGOUT' | 'PASSWORD_CHANGED' | 'CREATE' | 'UPDATE' | 'DELETE' | 'REFUSED' | 'EXPORT';

export type ChipColour = 'default' | 'primary' | 'secondary' | 'error' | 'info' | 'success' | 'warning';

export const AUDIT_ACTION_LABELS: Record<AuditAction, string> = {
  LOGIN_SUCCEEDED: 'Signed in',
  LOGIN_FAILED: 'Sign-in failed',
  LOGOUT: 'Signed out',
  PASSWORD_CHANGED: 'Password changed',
  CREATE: 'Created',
  UPDATE: 'Updated',
  DELETE: 'Deleted',
  REFUSED: 'Refused',
  EXPORT: 'Exported',
};

/** Failures and refusals stand out; ordinary changes stay calm. */
export const AUDIT_ACTION_COLOURS: Record<AuditAction, ChipColour> = {
  LOGIN_SUCCEEDED: 'success',
  LOGIN_FAILED: 'warning',
  LOGOUT: 'default',
  PASSWORD_CHANGED: 'info',
  CREATE: 'primary',
  UPDATE: 'info',
  DELETE: 'secondary',
  REFUSED: 'error',
  EXPORT: 'warning',
};

export const AUDIT_ACTION_CHOICES = (Object.keys(AUDIT_ACTION_LABELS) as AuditAction[]).map((id) => ({
  id,
  name: AUDIT_ACTION_LABELS[id],
}));

/**
 * The record types the API audits changes of, in plain words, by API type name (REFUSED events
 * name an operation instead, e.g. Query.allContacts, shown as it is).
 */
export const ENTITY_TYPE_LABELS: Record<string, string> = {
  Contact: 'Contact',
  Membership: 'Membership',
  RepRole: 'Rep role',
  Conversation: 'Conversation',
  Assessment: 'Assessment',
  ContactLink: 'Leader link',
  Employer: 'Employer',
  Site: 'Site',
  Ward: 'Ward',
  Union: 'Union',
  IssueTag: 'Issue tag',
  Branch: 'Branch',
  User: 'User account',
};

export const AUDIT_ENTITY_TYPE_CHOICES = Object.entries(ENTITY_TYPE_LABELS).map(([id, name]) => ({ id, name }));

/** "Rep role" for RepRole; an operation or unknown type as it is. */
export function entityTypeLabel(type: string): string {
  return ENTITY_TYPE_LABELS[type] ?? type;
}

/** Record types with a page of their own in the web app, by API type name. */
export const ENTITY_RESOURCES: Record<string, string> = {
  Contact: 'Contacts',
  Conversation: 'Conversations',
  Employer: 'Employers',
  Site: 'Sites',
  Ward: 'Wards',
  Union: 'Unions',
  Branch: 'Branches',
  User: 'Users',
};

export interface AuditEventRecord {
  id: string;
  createdAt: string;
  userId?: string | null;
  actorEmail?: string | null;
  action: AuditAction;
  entityType?: string | null;
  entityId?: string | null;
  before?: Record<string, unknown> | null;
  after?: Record<string, unknown> | null;
  ip?: string | null;
}

const TIME = new Intl.DateTimeFormat('en-GB', {
  day: 'numeric', month: 'short', year: 'numeric', hour: '2-digit', minute: '2-digit', second: '2-digit',
});

/** An instant as "5 Mar 2025, 14:03:22" in the browser's time zone. */
export function formatTime(value: string | null | undefined): string {
  if (!value) return '';
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? value : TIME.format(date);
}
