import { gql, type DocumentNode } from '@apollo/client';
import { ImportKind, ukToday } from '@rollcall/domain';
import { HttpError } from 'react-admin';
import { apolloClient, toHttpError } from '../apollo';
import { plain } from '../raGraphql';
import { getToken } from '../session';
import { saveAnswer } from '../exportCsv';

/**
 * The import wizard's calls (issue 14): the upload is REST (`POST /imports`, multipart, bearer token),
 * the problems report a REST download (`GET /imports/:id/problems.csv`), the rest GraphQL
 * (apps/api/src/imports/imports.resolver.ts).
 */

export type ImportStatus = 'UPLOADED' | 'DRY_RUN' | 'QUEUED' | 'APPLYING' | 'APPLIED' | 'FAILED' | 'CANCELLED';
export type ImportOutcome = 'CREATE' | 'UPDATE' | 'UNCHANGED' | 'REFUSED' | 'REVIEW';

export interface ImportLocation {
  location: string;
  rows: number;
  wardId: string | null;
}

export interface ImportRun {
  id: string;
  kind: ImportKind;
  employerId: string | null;
  unionId: string | null;
  /** A participation list's campaign action. */
  actionId: string | null;
  fileName: string;
  status: ImportStatus;
  headers: string[];
  sampleRows: string[][];
  suggestedMapping: (string | null)[];
  mapping: (string | null)[] | null;
  /** JSON: values for fields the file lacks (shiftPattern, contractType…). */
  defaults: string;
  locations: ImportLocation[];
  rowsTotal: number;
  rowsDone: number;
  ratePerSecond: number | null;
  secondsLeft: number | null;
  created: number;
  updated: number;
  unchanged: number;
  refused: number;
  review: number;
  leavers: number;
  markLeavers: boolean;
  error: string | null;
  createdBy: string | null;
  createdAt: string;
  finishedAt: string | null;
}

export interface ImportRowProblem {
  field: string;
  reason: string;
}

export interface ImportRow {
  rowNo: number;
  cells: string[];
  outcome: ImportOutcome | null;
  reason: string | null;
  problems: ImportRowProblem[];
  contactId: string | null;
  candidates: string[];
  values: string | null;
}

const COUNTS = 'rowsTotal rowsDone ratePerSecond secondsLeft created updated unchanged refused review leavers markLeavers error';
const BRIEF = `id kind employerId unionId actionId fileName status createdBy createdAt finishedAt ${COUNTS}`;
const FULL = `${BRIEF} headers sampleRows suggestedMapping mapping defaults locations { location rows wardId }`;

const DOCUMENTS = {
  importRun: `query importRun($id: ID!) { item: importRun(id: $id) { ${FULL} } }`,
  importProgress: `query importProgress($id: ID!) { item: importRun(id: $id) { id status ${COUNTS} finishedAt } }`,
  allImportRuns: `query allImportRuns($page: Int, $perPage: Int) {
    items: allImportRuns(page: $page, perPage: $perPage) { ${BRIEF} }
    meta: _allImportRunsMeta { count }
  }`,
  setImportMapping: `mutation setImportMapping($input: ImportMappingInput!) { item: setImportMapping(input: $input) { ${FULL} } }`,
  dryRunImport: `mutation dryRunImport($id: ID!) { item: dryRunImport(id: $id) { ${FULL} } }`,
  importRows: `query importRows($importId: ID!, $outcome: ImportOutcome, $page: Int, $perPage: Int) {
    items: importRows(importId: $importId, outcome: $outcome, page: $page, perPage: $perPage) {
      rowNo cells outcome reason problems { field reason } contactId candidates values
    }
  }`,
  resolveImportRow: `mutation resolveImportRow($input: ResolveImportRowInput!) { item: resolveImportRow(input: $input) { ${FULL} } }`,
  applyImport: `mutation applyImport($id: ID!, $markLeavers: Boolean!) { item: applyImport(id: $id, markLeavers: $markLeavers) { ${FULL} } }`,
  cancelImport: `mutation cancelImport($id: ID!) { item: cancelImport(id: $id) { ${FULL} } }`,
} as const;

const parsed = new Map<string, DocumentNode>();
function doc(name: keyof typeof DOCUMENTS): DocumentNode {
  let d = parsed.get(name);
  if (!d) {
    d = gql(DOCUMENTS[name]);
    parsed.set(name, d);
  }
  return d;
}

async function query<T>(name: keyof typeof DOCUMENTS, variables: Record<string, unknown>): Promise<T> {
  try {
    const result = await apolloClient.query<T>({ query: doc(name), variables, fetchPolicy: 'no-cache' });
    if (!result.data) throw new Error('The server returned no data');
    return plain(result.data as T);
  } catch (error) {
    throw toHttpError(error);
  }
}

async function mutate<T>(name: keyof typeof DOCUMENTS, variables: Record<string, unknown>): Promise<T> {
  try {
    const result = await apolloClient.mutate<T>({ mutation: doc(name), variables, fetchPolicy: 'no-cache' });
    if (!result.data) throw new Error('The server returned no data');
    return plain(result.data as T);
  } catch (error) {
    throw toHttpError(error);
  }
}

export interface MappingInput {
  id: string;
  mapping: (string | null)[];
  defaults?: string;
  locations?: { location: string; wardId: string | null }[];
}

export const importApi = {
  run: async (id: string) => (await query<{ item: ImportRun }>('importRun', { id })).item,
  progress: async (id: string) => (await query<{ item: Pick<ImportRun, 'id' | 'status' | 'rowsDone' | 'rowsTotal'> & Partial<ImportRun> }>('importProgress', { id })).item,
  list: async (page: number, perPage: number) => {
    const { items, meta } = await query<{ items: ImportRun[]; meta: { count: number } }>('allImportRuns', { page, perPage });
    return { items, total: meta.count };
  },
  setMapping: async (input: MappingInput) => (await mutate<{ item: ImportRun }>('setImportMapping', { input })).item,
  dryRun: async (id: string) => (await mutate<{ item: ImportRun }>('dryRunImport', { id })).item,
  rows: async (importId: string, outcome: ImportOutcome | null, page: number, perPage: number) =>
    (await query<{ items: ImportRow[] }>('importRows', { importId, outcome, page, perPage })).items,
  resolveRow: async (input: { importId: string; rowNo: number; contactId: string | null; skip: boolean }) =>
    (await mutate<{ item: ImportRun }>('resolveImportRow', { input })).item,
  /** Starts applying in the background: the answer is the run, queued (without its sample rows); poll `run` for progress. */
  apply: async (id: string, markLeavers: boolean) => (await mutate<{ item: ImportRun }>('applyImport', { id, markLeavers })).item,
  cancel: async (id: string) => (await mutate<{ item: ImportRun }>('cancelImport', { id })).item,
};

/** Why the server refused a REST call, in its own words (`{ message }`), as a react-admin HttpError. */
async function refusal(res: Response, doing: string): Promise<HttpError> {
  let message = res.status >= 500 ? `The server could not ${doing}: please try again` : `Could not ${doing} (${res.status})`;
  try {
    const body = (await res.json()) as { message?: string | string[] };
    const text = Array.isArray(body.message) ? body.message.join('; ') : body.message;
    if (res.status === 403) message = 'Only a branch secretary or admin may import lists';
    else if (res.status === 413) message = text || 'The file is too large';
    else if (res.status < 500 && text) message = text;
  } catch {
    // not JSON: keep the plain message
  }
  return new HttpError(message, res.status);
}

const authHeader = (): Record<string, string> => {
  const token = getToken();
  return token ? { authorization: `Bearer ${token}` } : {};
};

export interface UploadTarget {
  kind: ImportKind;
  employerId?: string | null;
  unionId?: string | null;
  actionId?: string | null;
}

/**
 * Uploads a list: the form fields first (the server reads them before the file streams past), then
 * the file. Resolves to the new run's id; a refusal says what is wrong with the file.
 */
export async function uploadImport(file: File, target: UploadTarget, signal?: AbortSignal): Promise<{ id: string; rows?: number }> {
  const form = new FormData();
  form.append('kind', target.kind);
  if (target.employerId) form.append('employerId', target.employerId);
  if (target.unionId) form.append('unionId', target.unionId);
  if (target.actionId) form.append('actionId', target.actionId);
  form.append('file', file, file.name);
  let res: Response;
  try {
    res = await fetch('/imports', { method: 'POST', headers: authHeader(), body: form, signal });
  } catch (error) {
    if (signal?.aborted) throw error;
    throw new HttpError('Cannot reach the Rollcall server: the file was not uploaded', 0);
  }
  if (!res.ok) throw await refusal(res, 'upload the file');
  return (await res.json()) as { id: string; rows?: number };
}

/** Downloads a run's problems report (row, field, reason) as CSV; resolves to the file's name. */
export async function downloadProblems(run: Pick<ImportRun, 'id' | 'fileName'>): Promise<string> {
  let res: Response;
  try {
    res = await fetch(`/imports/${run.id}/problems.csv`, { headers: authHeader() });
  } catch {
    throw new HttpError('Cannot reach the Rollcall server: the report did not download', 0);
  }
  if (!res.ok) throw await refusal(res, 'download the report');
  return saveAnswer(res, `${run.fileName.replace(/\.[^.]*$/, '')}-problems-${ukToday()}.csv`, 'The report was cut short: please try again');
}
