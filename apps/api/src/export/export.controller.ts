import { Body, Controller, HttpCode, Post, Req, Res, UseFilters } from '@nestjs/common';
import type { Response } from 'express';
import { Can, Permission } from '../access/permissions.js';
import type { RequestWithTransaction } from '../database/request-transaction.js';
import { CsvExporter } from './csv-exporter.js';
import { ExportErrorFilter } from './export-error.filter.js';
import { ExportLists } from './export-lists.js';

/**
 * CSV downloads of the lists: `POST /export/<list>.csv` with the bearer token and a JSON body
 * `{ filter, sortField, sortOrder }` (the list's GraphQL arguments without a page). Each route names
 * the permission its GraphQL list needs; the same guard, scope and row-level security apply.
 */
@Controller('export')
@UseFilters(ExportErrorFilter)
export class ExportController {
  constructor(private readonly exporter: CsvExporter, private readonly lists: ExportLists) {}

  @Can(Permission.WORKPLACE_READ)
  @Post('employers.csv')
  @HttpCode(200)
  employers(@Body() body: unknown, @Req() req: RequestWithTransaction, @Res() res: Response): Promise<void> {
    return this.exporter.send(this.lists.employerList, body, req, res);
  }

  @Can(Permission.WORKPLACE_READ)
  @Post('sites.csv')
  @HttpCode(200)
  sites(@Body() body: unknown, @Req() req: RequestWithTransaction, @Res() res: Response): Promise<void> {
    return this.exporter.send(this.lists.siteList, body, req, res);
  }

  @Can(Permission.WORKPLACE_READ)
  @Post('wards.csv')
  @HttpCode(200)
  wards(@Body() body: unknown, @Req() req: RequestWithTransaction, @Res() res: Response): Promise<void> {
    return this.exporter.send(this.lists.wardList, body, req, res);
  }

  @Can(Permission.WORKPLACE_READ)
  @Post('unions.csv')
  @HttpCode(200)
  unions(@Body() body: unknown, @Req() req: RequestWithTransaction, @Res() res: Response): Promise<void> {
    return this.exporter.send(this.lists.unionList, body, req, res);
  }

  @Can(Permission.PEOPLE_READ)
  @Post('contacts.csv')
  @HttpCode(200)
  contacts(@Body() body: unknown, @Req() req: RequestWithTransaction, @Res() res: Response): Promise<void> {
    return this.exporter.send(this.lists.contactList, body, req, res);
  }

  @Can(Permission.PEOPLE_READ)
  @Post('memberships.csv')
  @HttpCode(200)
  memberships(@Body() body: unknown, @Req() req: RequestWithTransaction, @Res() res: Response): Promise<void> {
    return this.exporter.send(this.lists.membershipList, body, req, res);
  }

  @Can(Permission.PEOPLE_READ)
  @Post('rep-roles.csv')
  @HttpCode(200)
  repRoles(@Body() body: unknown, @Req() req: RequestWithTransaction, @Res() res: Response): Promise<void> {
    return this.exporter.send(this.lists.repRoleList, body, req, res);
  }

  @Can(Permission.PEOPLE_READ)
  @Post('conversations.csv')
  @HttpCode(200)
  conversations(@Body() body: unknown, @Req() req: RequestWithTransaction, @Res() res: Response): Promise<void> {
    return this.exporter.send(this.lists.conversationList, body, req, res);
  }
}
