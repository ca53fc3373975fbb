import { type ArgumentsHost, Catch, type ExceptionFilter, HttpException, Logger } from '@nestjs/common';
import type { Response } from 'express';
import { GraphQLError } from 'graphql';
import { QueryFailedError } from 'typeorm';

const STATUS: Record<string, number> = { BAD_USER_INPUT: 400, UNAUTHENTICATED: 401, FORBIDDEN: 403, NOT_FOUND: 404 };

/**
 * Errors of the export routes as JSON with the GraphQL API's codes and field messages
 * ({ message, code, fields }) and a matching HTTP status; anything unexpected is "Internal server
 * error", with no stack or SQL. Once a download has begun, it is cut short instead.
 */
@Catch()
export class ExportErrorFilter implements ExceptionFilter {
  private readonly logger = new Logger('Export');

  catch(error: unknown, host: ArgumentsHost): void {
    const res = host.switchToHttp().getResponse<Response>();
    if (res.headersSent) {
      res.destroy();
      return;
    }
    let status = 500;
    let body: Record<string, unknown> = { message: 'Internal server error', code: 'INTERNAL_SERVER_ERROR' };
    if (error instanceof GraphQLError && typeof error.extensions.code === 'string' && STATUS[error.extensions.code]) {
      status = STATUS[error.extensions.code];
      body = { message: error.message, code: error.extensions.code, ...(error.extensions.fields ? { fields: error.extensions.fields } : {}) };
    } else if (error instanceof QueryFailedError && (error as { driverError?: { code?: string } }).driverError?.code === '42501') {
      // Row-level security refused: the same answer as the API's own refusal.
      status = 403;
      body = { message: 'You do not have permission to do this', code: 'FORBIDDEN' };
    } else if (error instanceof HttpException && error.getStatus() < 500) {
      status = error.getStatus();
      body = { message: error.message, code: status === 404 ? 'NOT_FOUND' : status === 429 ? 'TOO_MANY_REQUESTS' : 'BAD_REQUEST' };
    } else if (process.env.NODE_ENV !== 'test' || process.env.ROLLCALL_LOG_ERRORS) {
      this.logger.error(error instanceof Error ? error.stack : String(error));
    }
    res.status(status).json(body);
  }
}
