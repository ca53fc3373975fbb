import { HttpError } from 'react-admin';
import { downloadCsv, type Refusal } from '../exportCsv';
import type { SliceDimension, SliceFilter } from './sliceTypes';

/** A refused table export: the server's field messages go to the highlighted choices (`body.errors`). */
function refusal(status: number, said: Refusal): HttpError {
  const body = said ?? {};
  const message = status === 400 && body.fields ? 'The export was refused: see the highlighted choices'
    : status === 403 ? 'You may not export this table'
      : status === 429 ? 'Too many exports in a minute: please wait a moment'
        : status >= 500 ? 'The server could not export this table: please try again' : body.message ?? `The export failed (${status})`;
  return new HttpError(message, status, body.fields ? { errors: body.fields } : undefined);
}

/**
 * Downloads the explorer's table as CSV (POST /export/density-slice.csv): the server counts the same
 * slice again, with the same suppression, and records the export in the audit log. Resolves to the
 * file's name; a refusal is an HttpError whose `body.errors` are the server's field messages.
 */
export function exportSlice(by: SliceDimension[], filter: SliceFilter): Promise<string> {
  return downloadCsv('/export/density-slice.csv', () => ({ by, filter }), 'density', refusal);
}
