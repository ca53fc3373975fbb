import { Catch, HttpException, Logger } from '@nestjs/common';
import type { Response } from 'express';
import { GraphQLError } from 'graphql';
import { QueryFailedError } from 'typeorm';
import { RouteErrorFilter } from '../common/route-error.filter.js';

const STATUS: Record<string, number> = { BAD_USER_INPUT: 400, UNAUTHENTICATED: 401, FORBIDDEN: 403, NOT_FOUND: 404, SERVICE_UNAVAILABLE: 503 };

/**
 * Errors of the export routes as JSON with the GraphQL API's codes and field messages
 * ({ message, code, fields }) and a matching HTTP status; anything unexpected is "Internal server
 * error", with no stack or SQL. Once a download has begun, it is cut short instead.
 */
@Catch()
export class ExportErrorFilter extends RouteErrorFilter {
  protected readonly logger = new Logger('Export');

  protected respond(error: unknown, res: Response): void {
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
    } else {
      this.unexpected(error);
    }
    res.status(status).json(body);
  }
}
