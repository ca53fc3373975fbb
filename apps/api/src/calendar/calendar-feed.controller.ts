import {
  Catch, Controller, Get, HttpStatus, Logger, NotFoundException, Param, Req, Res, UseFilters,
} from '@nestjs/common';
import { ThrottlerException } from '@nestjs/throttler';
import type { Request, Response } from 'express';
import { Public } from '../access/permissions.js';
import { RateLimited } from '../common/rate-limit.js';
import { RouteErrorFilter } from '../common/route-error.filter.js';
import { isDatabaseUnavailable } from '../database/unavailable.js';
import { CalendarFeedService } from './calendar-feed.service.js';

/** The feed's failures as bare statuses: a link that opens nothing is "Not found", with no word on why; nothing internal leaks. */
@Catch()
export class CalendarFeedErrorFilter extends RouteErrorFilter {
  protected readonly logger = new Logger('CalendarFeed');

  protected respond(error: unknown, res: Response): void {
    let status = 500;
    if (error instanceof NotFoundException) status = 404;
    else if (error instanceof ThrottlerException) status = HttpStatus.TOO_MANY_REQUESTS;
    else if (isDatabaseUnavailable(error)) status = 503;
    else this.unexpected(error);
    const text: Record<number, string> = { 404: 'Not found', 429: 'Too many requests', 503: 'Service unavailable', 500: 'Internal server error' };
    res.status(status).setHeader('Cache-Control', 'no-store');
    res.type('text/plain').send(text[status]);
  }
}

/**
 * `GET /calendar/<token>.ics`: a user's calendar feed (CalendarFeedService.read). No bearer token: the
 * token in the link is the credential, so the route is public and the service decides. Never cached.
 */
@Public()
@Controller('calendar')
@RateLimited()
@UseFilters(CalendarFeedErrorFilter)
export class CalendarFeedController {
  constructor(private readonly feeds: CalendarFeedService) {}

  @Get(':file')
  async feed(@Param('file') file: string, @Req() req: Request, @Res({ passthrough: true }) res: Response): Promise<string> {
    const token = /^(.+)\.ics$/.exec(file)?.[1];
    const body = token ? await this.feeds.read(token, req.ip ?? null) : null;
    if (body === null) throw new NotFoundException();
    res.setHeader('Content-Type', 'text/calendar; charset=utf-8');
    res.setHeader('Cache-Control', 'no-store');
    return body;
  }
}
