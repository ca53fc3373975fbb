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

/** `contacts-2026-11-27.csv`: the server's name for the file, or one made the same way. */
function fileName(disposition: string | null, name: string): string {
  const match = disposition ? /filename="([^"]+)"/.exec(disposition) : null;
  if (match) return match[1];
  return `${name}-${ukToday()}.csv`;
}

/** Why the server refused, in its own words (`{ message, code, fields }`), as a react-admin HttpError. */
async function refusal(res: Response): Promise<HttpError> {
  let message = res.status >= 500 ? 'The server could not export this list: please try again' : `The export failed (${res.status})`;
  try {
    const body = (await res.json()) as { message?: string; fields?: Record<string, string> };
    const fields = body.fields ? Object.entries(body.fields).map(([f, m]) => `${f} ${m}`) : [];
    if (res.status === 400 && fields.length) message = `The export was refused: ${fields.join('; ')}`;
    else if (res.status === 403) message = 'You may not export this list';
    else if (res.status >= 500) message = 'The server could not export this list: please try again';
    else if (body.message) message = body.message;
  } catch {
    // not JSON: keep the plain message
  }
  return new HttpError(message, res.status);
}

/**
 * Downloads a whole list as CSV, as the list is filtered and sorted now: the server streams every
 * row (not just the page shown) in words, with what this user may read. Resolves to the file's name.
 */
export async function exportCsv(resource: string, { filter, sort }: ExportParams): Promise<string> {
  const name = EXPORT_NAMES[resource];
  if (!name) throw new HttpError(`${resource} cannot be exported`, 400);
  const token = getToken();
  let res: Response;
  try {
    res = await fetch(`/export/${name}.csv`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body: JSON.stringify({ filter: await listFilter(resource, filter), sortField: sort?.field || undefined, sortOrder: sort?.order || undefined }),
    });
  } catch {
    throw new HttpError('Cannot reach the Rollcall server: the export did not start', 0);
  }
  if (!res.ok) throw await refusal(res);
  let blob: Blob;
  try {
    blob = await res.blob();
  } catch {
    throw new HttpError('The export was cut short: please try again', 0);
  }
  const file = fileName(res.headers.get('content-disposition'), name);
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
