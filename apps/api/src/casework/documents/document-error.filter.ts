import { type ArgumentsHost, Catch, HttpException, HttpStatus } from '@nestjs/common';
import type { Response } from 'express';
import { UserInputError } from '../../common/errors.js';
import { ExportErrorFilter } from '../../export/export-error.filter.js';
import { MAX_DOCUMENT_BYTES } from './document-policy.js';

/** multer's error codes (its errors reach here as Nest's HTTP exceptions, with multer's error as the cause). */
const TOO_MANY = new Set(['LIMIT_FILE_COUNT', 'LIMIT_PART_COUNT', 'LIMIT_FIELD_COUNT', 'LIMIT_FIELD_KEY', 'LIMIT_FIELD_VALUE', 'LIMIT_FIELD_NESTING', 'LIMIT_FIELD_ARRAY_INDEX', 'INVALID_FIELD_NAME', 'MISSING_FIELD_NAME']);

/** Why an upload that multer refused was refused, as a field error on `file` with its HTTP status; null for any other error. */
export function uploadRefusal(error: unknown): { status: number; error: UserInputError } | null {
  if (!(error instanceof HttpException) || error.getStatus() >= 500 || !(error.cause instanceof Error)) return null;
  const code = (error.cause as Error & { code?: unknown }).code;
  let why: string;
  if (code === 'LIMIT_FILE_SIZE') why = `is larger than ${MAX_DOCUMENT_BYTES / (1024 * 1024)} MB, the largest document accepted`;
  else if (code === 'LIMIT_UNEXPECTED_FILE') why = 'must be sent in the form field "file" (one document)';
  else if (typeof code === 'string' && TOO_MANY.has(code)) why = 'send one document, in the form field "file", and nothing else';
  else why = 'the upload was not a whole multipart form (multipart/form-data, the document in the field "file"): please try again';
  return { status: code === 'LIMIT_FILE_SIZE' ? HttpStatus.PAYLOAD_TOO_LARGE : HttpStatus.BAD_REQUEST, error: new UserInputError({ file: why }) };
}

/**
 * Errors of the document routes: an upload multer refused (too big, wrong field, a broken form) is a
 * field error on `file` ({ message, code: 'BAD_USER_INPUT', fields: { file } }), 413 when too big and
 * 400 otherwise; everything else as the export routes answer it (the GraphQL codes as HTTP statuses,
 * and nothing internal).
 */
@Catch()
export class DocumentErrorFilter extends ExportErrorFilter {
  override catch(error: unknown, host: ArgumentsHost): void {
    const refused = uploadRefusal(error);
    const res = host.switchToHttp().getResponse<Response>();
    if (!refused || res.headersSent) return super.catch(error, host);
    res.status(refused.status).json({ message: refused.error.message, code: 'BAD_USER_INPUT', fields: refused.error.extensions.fields });
  }
}
