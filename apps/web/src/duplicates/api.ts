import { gql } from '@apollo/client';
import { apolloClient, dataOf } from '../apollo';
import { DUPLICATE_DOCUMENTS } from './documents';

export type DuplicateReason = 'EMPLOYEE_NUMBER' | 'EMAIL' | 'SIMILAR_NAME';
export interface DuplicateSide {
  id: string; firstName: string; lastName: string; preferredName: string | null; employeeNumber: string | null; workEmail: string | null;
  jobTitle: string | null; employerName: string; wardName: string | null; siteName: string | null;
}
export interface DuplicatePair { id: string; reasons: DuplicateReason[]; score: number; a: DuplicateSide; b: DuplicateSide }
export interface ContactMerge {
  id: string; keptId: string; mergedId: string | null; keptName: string; mergedName: string; mergedAt: string; mergedByEmail: string | null;
  undoneAt: string | null; fields: Record<string, { from: unknown; to: unknown }>; moved: Record<string, number>; absorbed: number;
}
export type MergeContact = Record<string, unknown> & { id: string; firstName: string; lastName: string; preferredName: string | null };
export interface MergeSide { contact: MergeContact; conversations: number; memberships: number; assessments: number; cases: number }

export const REASON_LABELS: Record<DuplicateReason, string> = {
  EMPLOYEE_NUMBER: 'Same employee number',
  EMAIL: 'Same email',
  SIMILAR_NAME: 'Similar name, same ward',
};

const documents = Object.fromEntries(Object.entries(DUPLICATE_DOCUMENTS).map(([k, v]) => [k, gql(v)])) as Record<keyof typeof DUPLICATE_DOCUMENTS, ReturnType<typeof gql>>;

export const duplicatesApi = {
  pairs: (variables: { page: number; perPage: number; filter: Record<string, string> }) =>
    dataOf(() => apolloClient.query<{ allDuplicateContacts: DuplicatePair[]; _allDuplicateContactsMeta: { count: number } }>({
      query: documents.duplicatePairs, variables, fetchPolicy: 'no-cache',
    })),
  sides: (keepId: string, mergeId: string) =>
    dataOf(() => apolloClient.query<{ mergeSides: (Omit<MergeSide, 'contact'> & { contactId: string })[]; keep: MergeContact; other: MergeContact }>({
      query: documents.mergeSides, variables: { keepId, mergeId }, fetchPolicy: 'no-cache',
    })).then((d) => d.mergeSides.map((s): MergeSide => ({ ...s, contact: s.contactId === d.keep.id ? d.keep : d.other }))),
  merge: (keepId: string, mergeId: string, fromMerged: string[]) =>
    dataOf(() => apolloClient.mutate<{ mergeContacts: ContactMerge }>({
      mutation: documents.mergeContacts, variables: { keepId, mergeId, choices: { fromMerged } }, fetchPolicy: 'no-cache',
    })).then((d) => d.mergeContacts),
  dismiss: (aId: string, bId: string) =>
    dataOf(() => apolloClient.mutate<{ dismissDuplicate: boolean }>({ mutation: documents.dismissDuplicate, variables: { aId, bId }, fetchPolicy: 'no-cache' })),
  merges: (contactId?: string) =>
    dataOf(() => apolloClient.query<{ contactMerges: ContactMerge[] }>({ query: documents.contactMerges, variables: { contactId, limit: 20 }, fetchPolicy: 'no-cache' }))
      .then((d) => d.contactMerges),
  undo: (mergeId: string) =>
    dataOf(() => apolloClient.mutate<{ undoMerge: ContactMerge }>({ mutation: documents.undoMerge, variables: { mergeId }, fetchPolicy: 'no-cache' }))
      .then((d) => d.undoMerge),
};

export const displayName = (c: { firstName: string; lastName: string; preferredName: string | null }) => `${c.preferredName || c.firstName} ${c.lastName}`;
