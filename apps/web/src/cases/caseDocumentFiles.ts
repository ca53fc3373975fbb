import { MAX_CASE_DOCUMENT_BYTES } from '@rollcall/domain';
import { HttpError } from 'react-admin';
import { getToken } from '../session';

/** A case's document as the API lists it (`Case.documents`) and answers an upload. */
export interface CaseDocumentRecord {
  id: string;
  filename: string;
  mediaType: string;
  size: number;
  uploadedByName?: string | null;
  createdAt: string;
  mayDelete?: boolean;
}

/** "3.2 MB", "48 KB", "512 bytes". */
export function fileSizeText(bytes: number): string {
  if (bytes < 1024) return `${bytes} ${bytes === 1 ? 'byte' : 'bytes'}`;
  if (bytes < 1024 * 1024) return `${Math.round(bytes / 1024)} KB`;
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}

const TYPE_NAMES: Record<string, string> = {
  'application/pdf': 'PDF',
  'application/msword': 'Word',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': 'Word',
  'application/vnd.ms-excel': 'Excel',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': 'Excel',
  'application/vnd.ms-powerpoint': 'PowerPoint',
  'application/vnd.openxmlformats-officedocument.presentationml.presentation': 'PowerPoint',
  'application/vnd.oasis.opendocument.text': 'OpenDocument text',
  'application/vnd.oasis.opendocument.spreadsheet': 'OpenDocument spreadsheet',
  'application/vnd.oasis.opendocument.presentation': 'OpenDocument slides',
};

/** "PDF", "Word", "PNG image". */
export function fileTypeText(mediaType: string): string {
  if (TYPE_NAMES[mediaType]) return TYPE_NAMES[mediaType];
  if (mediaType.startsWith('image/')) return `${mediaType.slice(6).toUpperCase()} image`;
  return mediaType;
}

const MEGABYTES = MAX_CASE_DOCUMENT_BYTES / (1024 * 1024);

/** Why the server refused, in its words: the field message on `file` ("looks like a Windows program. Allowed: …"). */
function refusal(status: number, text: string): HttpError {
  let body: { message?: string; fields?: Record<string, string> } = {};
  try {
    body = JSON.parse(text);
  } catch {
    // not JSON (a proxy's page): the status says enough
  }
  const why = body.fields?.file;
  if (why) return new HttpError(`This file ${why}`, status, body);
  if (status === 401) return new HttpError('Your session has ended: sign in again', status);
  if (status === 403 || status === 404) return new HttpError(body.message || 'You may not add documents to this case', status);
  if (status === 413) return new HttpError(`This file is larger than ${MEGABYTES} MB, the largest document accepted`, status);
  return new HttpError(status >= 500 || !body.message ? 'The server could not store the document: please try again' : body.message, status);
}

/**
 * Uploads a document to a case (`POST /cases/:caseId/documents`, multipart, the file in `file`), reporting progress
 * from 0 to 1 as it goes (XMLHttpRequest: fetch cannot report an upload's progress). Resolves to the stored
 * document; rejects with an HttpError whose message says why, in the API's words. A file over the limit is refused
 * here, before it is sent.
 */
export function uploadCaseDocument(caseId: string, file: File, onProgress: (fraction: number) => void): Promise<CaseDocumentRecord> {
  if (file.size > MAX_CASE_DOCUMENT_BYTES) {
    return Promise.reject(new HttpError(`This file is larger than ${MEGABYTES} MB, the largest document accepted`, 413));
  }
  if (file.size === 0) return Promise.reject(new HttpError('This file is empty', 400));
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', `/cases/${encodeURIComponent(caseId)}/documents`);
    const token = getToken();
    if (token) xhr.setRequestHeader('authorization', `Bearer ${token}`);
    xhr.upload.onprogress = (e) => {
      if (e.lengthComputable && e.total > 0) onProgress(e.loaded / e.total);
    };
    xhr.onload = () => {
      if (xhr.status === 201) {
        try {
          resolve(JSON.parse(xhr.responseText) as CaseDocumentRecord);
        } catch {
          reject(new HttpError('The server answered oddly: reload the page to see whether the document was stored', xhr.status));
        }
        return;
      }
      reject(refusal(xhr.status, xhr.responseText));
    };
    xhr.onerror = () => reject(new HttpError('Cannot reach the Rollcall server: the document was not uploaded', 0));
    xhr.onabort = () => reject(new HttpError('The upload was cancelled', 0));
    const form = new FormData();
    form.append('file', file, file.name);
    xhr.send(form);
  });
}

/**
 * Downloads a case's document with the bearer token (`GET /cases/:caseId/documents/:id`) and hands it to the
 * browser to save under its own name: fetch, blob, object URL, a click (as the CSV exports do).
 */
export async function downloadCaseDocument(caseId: string, doc: Pick<CaseDocumentRecord, 'id' | 'filename'>): Promise<void> {
  const token = getToken();
  let res: Response;
  try {
    res = await fetch(`/cases/${encodeURIComponent(caseId)}/documents/${encodeURIComponent(doc.id)}`, {
      headers: token ? { authorization: `Bearer ${token}` } : {},
      cache: 'no-store',
    });
  } catch {
    throw new HttpError('Cannot reach the Rollcall server: the document was not downloaded', 0);
  }
  if (!res.ok) {
    if (res.status === 401) throw new HttpError('Your session has ended: sign in again', 401);
    if (res.status === 403 || res.status === 404) throw new HttpError('This document is not there any more, or not yours to read', res.status);
    throw new HttpError('The server could not send the document: please try again', res.status);
  }
  let blob: Blob;
  try {
    blob = await res.blob();
  } catch {
    throw new HttpError('The download was cut short: please try again', 0);
  }
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = doc.filename;
  link.style.display = 'none';
  document.body.appendChild(link);
  link.click();
  link.remove();
  // The browser has taken the file once the click is handled; the object URL can go soon after.
  window.setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
