import type { ImportOutcome, ImportRun, ImportStatus } from './importApi';

/** Where an import is, in words. */
export const STATUS_LABELS: Record<ImportStatus, string> = {
  UPLOADED: 'Uploaded: check the columns',
  DRY_RUN: 'Dry run done: ready to apply',
  QUEUED: 'Waiting to start',
  APPLYING: 'Importing',
  APPLIED: 'Imported',
  FAILED: 'Failed: nothing changed',
  CANCELLED: 'Cancelled: nothing changed',
};

export const STATUS_COLOURS: Record<ImportStatus, 'default' | 'info' | 'success' | 'error' | 'warning'> = {
  UPLOADED: 'info',
  DRY_RUN: 'info',
  QUEUED: 'warning',
  APPLYING: 'warning',
  APPLIED: 'success',
  FAILED: 'error',
  CANCELLED: 'default',
};

/** What a dry run says would happen to a row (and, once applied, what did). */
export const OUTCOME_LABELS: Record<ImportOutcome, string> = {
  CREATE: 'New people',
  UPDATE: 'Updated',
  UNCHANGED: 'Unchanged',
  REVIEW: 'To review',
  REFUSED: 'Refused',
};

/** A participation list adds nobody: its new rows are people newly recorded on the action. */
const PARTICIPATION_OUTCOME_LABELS: Partial<Record<ImportOutcome, string>> = { CREATE: 'Newly recorded' };

/** An outcome in words, for this kind of list. */
export const outcomeLabel = (kind: string, outcome: ImportOutcome) =>
  (kind === 'PARTICIPATION' ? PARTICIPATION_OUTCOME_LABELS[outcome] : undefined) ?? OUTCOME_LABELS[outcome];

/** The outcomes in the order a secretary deals with them: problems first. */
export const OUTCOME_ORDER: ImportOutcome[] = ['REFUSED', 'REVIEW', 'CREATE', 'UPDATE', 'UNCHANGED'];

export function outcomeCount(run: Pick<ImportRun, 'created' | 'updated' | 'unchanged' | 'refused' | 'review'>, outcome: ImportOutcome): number {
  switch (outcome) {
    case 'CREATE': return run.created;
    case 'UPDATE': return run.updated;
    case 'UNCHANGED': return run.unchanged;
    case 'REFUSED': return run.refused;
    case 'REVIEW': return run.review;
  }
}

/** The run is being applied (or waits to be): the page follows its progress. */
export const isRunning = (status: ImportStatus) => status === 'QUEUED' || status === 'APPLYING';
/** The run is over: applied, failed or cancelled. */
export const isFinished = (status: ImportStatus) => status === 'APPLIED' || status === 'FAILED' || status === 'CANCELLED';

/** "about 2 minutes", "45 seconds", "1 hour 5 minutes". */
export function duration(seconds: number | null | undefined): string {
  if (seconds === null || seconds === undefined || !Number.isFinite(seconds)) return '';
  const s = Math.max(0, Math.round(seconds));
  if (s < 60) return `${s} second${s === 1 ? '' : 's'}`;
  const minutes = Math.round(s / 60);
  if (minutes < 60) return `about ${minutes} minute${minutes === 1 ? '' : 's'}`;
  const hours = Math.floor(minutes / 60);
  const rest = minutes % 60;
  return `about ${hours} hour${hours === 1 ? '' : 's'}${rest ? ` ${rest} minute${rest === 1 ? '' : 's'}` : ''}`;
}

/** "1.2 MB", "830 KB". */
export function fileSize(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${(bytes / 1024 / 1024).toLocaleString('en-GB', { maximumFractionDigits: 1 })} MB`;
  return `${Math.max(1, Math.round(bytes / 1024)).toLocaleString('en-GB')} KB`;
}

/** The values a dry run normalised, read from their JSON (empty when absent or unreadable). */
export function rowValues(json: string | null): Record<string, unknown> {
  if (!json) return {};
  try {
    const v = JSON.parse(json) as unknown;
    return v && typeof v === 'object' ? (v as Record<string, unknown>) : {};
  } catch {
    return {};
  }
}

/** A row's person, as the file names them ("Bartek Jones"), from the normalised values or the cells. */
export function rowName(values: Record<string, unknown>, cells: string[]): string {
  const first = typeof values.preferredName === 'string' && values.preferredName ? values.preferredName : values.firstName;
  const name = [first, values.lastName].filter((v) => typeof v === 'string' && v).join(' ');
  if (name) return name;
  if (typeof values.fullName === 'string' && values.fullName) return values.fullName;
  return cells.slice(0, 3).filter(Boolean).join(' · ');
}
