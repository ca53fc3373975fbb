import { Catch, Logger } from '@nestjs/common';
import type { Response } from 'express';
import { ExportErrorFilter } from '../export/export-error.filter.js';
import { ImportFileError } from './import-file.js';

/**
 * Errors of the import routes: a refused file as `{ message, code: 'BAD_USER_INPUT', fields: { file } }`
 * with 400 (413 when too large); everything else as the export routes answer (field errors, 403, 404,
 * and "Internal server error" with no stack or SQL).
 */
@Catch()
export class ImportErrorFilter extends ExportErrorFilter {
  protected readonly logger = new Logger('Import');

  protected respond(error: unknown, res: Response): void {
    if (error instanceof ImportFileError) {
      res.setHeader('Connection', 'close');
      res.status(error.status).json({ message: error.reason, code: error.status === 413 ? 'PAYLOAD_TOO_LARGE' : 'BAD_USER_INPUT', fields: { file: error.reason } });
      return;
    }
    super.respond(error, res);
  }
}
