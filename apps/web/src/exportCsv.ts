import { ukToday } from '@rollcall/domain';
import { HttpError } from 'react-admin';
import { listFilter } from './dataProvider';
import { getToken } from './session';

/** The lists the API exports (POST /export/<name>.csv), by react-admin resource. */
const EXPORT_NAMES: Record<string, string> = {
  Employers: 'employers',
  Sites: 'sites',
  Wards: 'wards',
  Unions: 'unions',
  Contacts: 'contacts',
  Memberships: 'memberships',
  RepRoles: 'rep-roles',
  Conversations: 'conversations',
};

export function canExport(resource: string): boolean {
  return Object.hasOwn(EXPORT_NAMES, resource);
}

export interface ExportParams {
  filter?: Record<string, unknown>;
  sort?: { field?: string; order?: string };
}

/** What the server said when it refused (`{ message, code, fields }`); null when its answer was not JSON. */
export type Refusal = { message?: string; fields?: Record<string, string> } | null;

/** A refused list export, in the server's own words, as a react-admin HttpError. */
function refusal(status: number, body: Refusal): HttpError {
  let message = status >= 500 ? 'The server could not export this list: please try again' : `The export failed (${status})`;
  if (body) {
    const fields = body.fields ? Object.entries(body.fields).map(([f, m]) => `${f} ${m}`) : [];
    if (status === 400 && fields.length) message = `The export was refused: ${fields.join('; ')}`;
    else if (status === 403) message = 'You may not export this list';
    else if (status >= 500) message = 'The server could not export this list: please try again';
    else if (body.message) message = body.message;
  }
  return new HttpError(message, status);
}

/**
 * POSTs the JSON `body()` gives (worked out as the request starts: a failure there is the server out
 * of reach too) to a CSV export of the API and saves the answer as a file: the server's name for it
 * (Content-Disposition), or `<fallbackName>-<today>.csv`. A refusal becomes the HttpError `refused`
 * makes of the server's answer; an unreachable server or a cut-off file, an HttpError with status 0.
 * Resolves to the file's name.
 */
export async function downloadCsv(path: string, body: () => unknown, fallbackName: string, refused: (status: number, body: Refusal) => HttpError): Promise<string> {
  const token = getToken();
  let res: Response;
  try {
    res = await fetch(path, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body: JSON.stringify(await body()),
    });
  } catch {
    throw new HttpError('Cannot reach the Rollcall server: the export did not start', 0);
  }
  if (!res.ok) {
    let said: Refusal = null;
    try {
      said = (await res.json()) as Refusal;
    } catch {
      // not JSON
    }
    throw refused(res.status, said);
  }
  return saveAnswer(res, `${fallbackName}-${ukToday()}.csv`, 'The export was cut short: please try again');
}

/**
 * Saves a server's file answer as a download: under the server's name for it (Content-Disposition),
 * else `fallbackFile`. A body cut off on the way becomes the HttpError `cutShort` (status 0).
 * Resolves to the file's name.
 */
export async function saveAnswer(res: Response, fallbackFile: string, cutShort: string): Promise<string> {
  let blob: Blob;
  try {
    blob = await res.blob();
  } catch {
    throw new HttpError(cutShort, 0);
  }
  const match = /filename="([^"]+)"/.exec(res.headers.get('content-disposition') ?? '');
  const file = match ? match[1] : fallbackFile;
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = file;
  link.style.display = 'none';
  document.body.appendChild(link);
  link.click();
  link.remove();
  // The browser has taken the file once the click is handled; the object URL can go soon after.
  window.setTimeout(() => URL.revokeObjectURL(url), 60_000);
  return file;
}

/**
 * Downloads a whole list as CSV, as the list is filtered and sorted now: the server streams every
 * row (not just the page shown) in words, with what this user may read. Resolves to the file's name.
 */
export async function exportCsv(resource: string, { filter, sort }: ExportParams): Promise<string> {
  const name = EXPORT_NAMES[resource];
  if (!name) throw new HttpError(`${resource} cannot be exported`, 400);
  return downloadCsv(`/export/${name}.csv`, async () => ({
    filter: await listFilter(resource, filter), sortField: sort?.field || undefined, sortOrder: sort?.order || undefined,
  }), name, refusal);
}
