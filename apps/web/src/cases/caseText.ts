import {
  CASE_OUTCOME_LABELS,
  CASE_STATUS_LABELS,
  CASE_TYPE_LABELS,
  CaseStatus,
  CaseType,
  MEETING_KIND_LABELS,
  outcomesFor,
} from '@rollcall/domain';
import type { RaRecord } from 'react-admin';
import { labelOf, type Choice } from '../choices';
import { count } from '../common/words';

/** Case types, statuses, outcomes and meeting kinds as SelectInput choices (labels from @rollcall/domain). */
const toChoices = (labels: Record<string, string>): Choice[] => Object.entries(labels).map(([id, name]) => ({ id, name }));
export const CASE_TYPE_CHOICES = toChoices(CASE_TYPE_LABELS);
export const CASE_STATUS_CHOICES = toChoices(CASE_STATUS_LABELS);
export const MEETING_KIND_CHOICES = toChoices(MEETING_KIND_LABELS);
/** The outcomes a case of `type` may have (all of them while no type is chosen). */
export function outcomeChoices(type: string | null | undefined): Choice[] {
  const outcomes = type && type in CASE_TYPE_LABELS ? outcomesFor(type as CaseType) : Object.keys(CASE_OUTCOME_LABELS);
  return outcomes.map((id) => ({ id, name: labelOf(CASE_OUTCOME_LABELS, id) }));
}

export const TEAM_ROLE_LABELS: Record<string, string> = {
  CASEWORKER: 'Caseworker',
  SECOND_CASEWORKER: 'Second caseworker',
  REP: 'Rep',
};

export interface CaseDeadlineRecord {
  key: string;
  rule: string;
  label: string;
  due: string;
  daysLeft: number;
  done: boolean;
  /** A computed limit whose date has gone: nothing left to do about it (never overdue). */
  passed?: boolean;
  explanation?: string;
  inputs?: Record<string, unknown> | null;
  source?: string;
  caveats?: string[];
  verified: boolean;
  meetingId?: string | null;
  customDeadlineId?: string | null;
}

export interface CaseMeetingRecord extends RaRecord {
  caseId?: string;
  kind: string;
  date: string;
  time?: string | null;
  place?: string | null;
  panel?: string | null;
  accompanied?: boolean;
  accompaniedBy?: string | null;
  outcome?: string | null;
  notes?: string | null;
  case?: { id: string; type: string; contact?: { id: string; fullName: string } | null } | null;
}

export interface CaseRecord extends RaRecord {
  type: string;
  status: string;
  openedOn: string;
  closedOn?: string | null;
  summary?: string | null;
  outcome?: string | null;
  contactId: string;
  contact?: { id: string; fullName: string } | null;
  caseworkerName?: string | null;
  mayChange?: boolean;
  mayAddNote?: boolean;
  mayManage?: boolean;
  myPlace?: string | null;
  team?: { id: string; userId: string; role: string; displayName?: string | null }[];
  meetings?: CaseMeetingRecord[];
  deadlines?: CaseDeadlineRecord[];
  notes?: { id: string; authorName?: string | null; body?: string | null; writtenAt: string }[];
  /** The cases this appeal or claim follows, and those that follow it. */
  follows?: CaseRecord[];
  followedBy?: CaseRecord[];
}

/** Types of case that follow another (an appeal against its outcome, a claim after it): they link to it. */
export const FOLLOW_ON_TYPES: readonly string[] = [CaseType.APPEAL, CaseType.EMPLOYMENT_TRIBUNAL];
export const isFollowOn = (type: string | null | undefined) => !!type && FOLLOW_ON_TYPES.includes(type);

export const caseTypeText = (type: string | null | undefined) => labelOf(CASE_TYPE_LABELS, type);
export const caseStatusText = (status: string | null | undefined) => labelOf(CASE_STATUS_LABELS, status);
export const meetingKindText = (kind: string | null | undefined) => labelOf(MEETING_KIND_LABELS, kind);
export const isOpenStatus = (status: string | null | undefined) => status !== CaseStatus.CLOSED;

/** "Disciplinary: Sam Smith" (a case's name, in titles and links). */
export function caseName(c: Pick<CaseRecord, 'type' | 'contact'> | undefined | null): string {
  if (!c) return 'Case';
  const type = caseTypeText(c.type) || 'Case';
  return c.contact?.fullName ? `${type}: ${c.contact.fullName}` : `${type} case`;
}

/** "3 days left", "Due today", "Overdue by 2 days". */
export function daysLeftText(daysLeft: number, passed = false): string {
  if (daysLeft === 0) return 'Due today';
  if (daysLeft > 0) return `${count(daysLeft, 'day')} left`;
  return passed ? `Passed ${count(-daysLeft, 'day')} ago` : `Overdue by ${count(-daysLeft, 'day')}`;
}
