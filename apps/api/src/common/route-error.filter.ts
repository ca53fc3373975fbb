import { type ArgumentsHost, type ExceptionFilter, type Logger } from '@nestjs/common';
import type { Response } from 'express';

/** Whether unexpected errors are written to the log: always, except in tests (unless ROLLCALL_LOG_ERRORS asks). */
export const logsUnexpectedErrors = (): boolean => process.env.NODE_ENV !== 'test' || Boolean(process.env.ROLLCALL_LOG_ERRORS);

/**
 * The part every error filter of a route outside GraphQL (exports, documents, the calendar feed)
 * shares: once a response has begun (a download under way) it can only be cut short, so the socket
 * is destroyed; otherwise the route's own `respond` answers. `unexpected` logs what nobody planned
 * for, never to the client.
 */
export abstract class RouteErrorFilter implements ExceptionFilter {
  protected abstract readonly logger: Logger;

  catch(error: unknown, host: ArgumentsHost): void {
    const res = host.switchToHttp().getResponse<Response>();
    if (res.headersSent) {
      res.destroy();
      return;
    }
    this.respond(error, res);
  }

  /** Answers an error before anything of the response was sent. */
  protected abstract respond(error: unknown, res: Response): void;

  protected unexpected(error: unknown): void {
    if (logsUnexpectedErrors()) this.logger.error(error instanceof Error ? error.stack : String(error));
  }
}
