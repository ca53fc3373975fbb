import { ukToday } from '@rollcall/domain';
import { HttpError } from 'react-admin';
import { getToken } from '../session';
import type { SliceDimension, SliceFilter } from './sliceTypes';

/**
 * Downloads the explorer's table as CSV (POST /export/density-slice.csv): the server counts the same
 * slice again, with the same suppression, and records the export in the audit log. Resolves to the
 * file's name; a refusal is an HttpError whose `body.errors` are the server's field messages.
 */
export async function exportSlice(by: SliceDimension[], filter: SliceFilter): Promise<string> {
  const token = getToken();
  let res: Response;
  try {
    res = await fetch('/export/density-slice.csv', {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body: JSON.stringify({ by, filter }),
    });
  } catch {
    throw new HttpError('Cannot reach the Rollcall server: the export did not start', 0);
  }
  if (!res.ok) {
    let body: { message?: string; fields?: Record<string, string> } = {};
    try {
      body = (await res.json()) as typeof body;
    } catch {
      // not JSON
    }
    const message = res.status === 400 && body.fields ? 'The export was refused: see the highlighted choices'
      : res.status === 403 ? 'You may not export this table'
        : res.status === 429 ? 'Too many exports in a minute: please wait a moment'
          : res.status >= 500 ? 'The server could not export this table: please try again' : body.message ?? `The export failed (${res.status})`;
    throw new HttpError(message, res.status, body.fields ? { errors: body.fields } : undefined);
  }
  const blob = await res.blob();
  const match = /filename="([^"]+)"/.exec(res.headers.get('content-disposition') ?? '');
  const file = match ? match[1] : `density-${ukToday()}.csv`;
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = file;
  link.style.display = 'none';
  document.body.appendChild(link);
  link.click();
  link.remove();
  window.setTimeout(() => URL.revokeObjectURL(url), 60_000);
  return file;
}
