import { Controller, Get, HttpCode, Param, Post, Req, Res, StreamableFile, UploadedFile, UseFilters, UseInterceptors } from '@nestjs/common';
import { FileInterceptor } from '@nestjs/platform-express';
import type { Response } from 'express';
import { Can, Permission } from '../../access/permissions.js';
import type { AuthUser } from '../../auth/auth-user.js';
import { RequestLoaders } from '../../common/loaders.js';
import { RateLimited } from '../../common/rate-limit.js';
import { continueAs, type RequestWithTransaction } from '../../database/request-transaction.js';
import type { CaseDocument } from './case-document.entity.js';
import { CaseDocumentService, type UploadedDocument } from './case-document.service.js';
import { DocumentErrorFilter } from './document-error.filter.js';
import { MAX_DOCUMENT_BYTES } from './document-policy.js';

/** A document's metadata, as the upload answers it (GraphQL's CaseDocument fields). */
export interface CaseDocumentJson { id: string; caseId: string; filename: string; mediaType: string; size: number; uploadedById: string; createdAt: Date }

const json = (d: CaseDocument): CaseDocumentJson => ({
  id: d.id, caseId: d.caseId, filename: d.filename, mediaType: d.mediaType, size: d.sizeBytes, uploadedById: d.uploadedById, createdAt: d.createdAt,
});

/**
 * A case's documents over plain HTTP, with the bearer token, in the request's transaction (and so
 * under row-level security as the caller), since GraphQL carries neither files nor bytes:
 * `POST /cases/:caseId/documents` (multipart/form-data, the document in the field `file`, at most
 * 20 MB; answers its metadata) and `GET /cases/:caseId/documents/:id` (the document, as an
 * attachment). Listing and deleting are GraphQL's (`Case.documents`, `deleteCaseDocument`).
 * Multer reads the upload only after the guard has let the caller in, and keeps it in memory.
 */
@Controller('cases/:caseId/documents')
@RateLimited()
@UseFilters(DocumentErrorFilter)
export class CaseDocumentController {
  constructor(private readonly documents: CaseDocumentService) {}

  @Can(Permission.CASES_READ)
  @Post()
  @HttpCode(201)
  @UseInterceptors(FileInterceptor('file', {
    // No `dest` or `storage`: multer keeps the file in memory (checkDocument reads it whole; it is sealed before it is stored).
    // Browsers send the file's name as UTF-8 ("Siân's statement.pdf").
    defParamCharset: 'utf8',
    limits: { fileSize: MAX_DOCUMENT_BYTES, files: 1, fields: 5, parts: 6, fieldSize: 1024 },
  }))
  async upload(
    @Param('caseId') caseId: string, @UploadedFile() file: UploadedDocument | undefined, @Req() req: RequestWithTransaction,
  ): Promise<CaseDocumentJson> {
    // the body is in: the request's transaction begins now, as the caller (see RequestContextMiddleware)
    await continueAs(req.user as AuthUser);
    return json(await this.documents.upload(caseId, file, req.user as AuthUser));
  }

  @Can(Permission.CASES_READ)
  @Get(':id')
  async download(
    @Param('caseId') caseId: string, @Param('id') id: string, @Req() req: RequestWithTransaction, @Res({ passthrough: true }) res: Response,
  ): Promise<StreamableFile> {
    const { document, bytes } = await this.documents.download(caseId, id, req.user as AuthUser, new RequestLoaders(req));
    // The name as uploaded, in both forms (RFC 6266 / 5987: an ASCII fallback and filename*=UTF-8'').
    res.attachment(document.filename);
    res.setHeader('Content-Type', document.mediaType);
    res.setHeader('Content-Length', String(bytes.length));
    res.setHeader('X-Content-Type-Options', 'nosniff');
    res.setHeader('Cache-Control', 'no-store');
    // Should a browser ever show it in place, nothing in it runs.
    res.setHeader('Content-Security-Policy', "default-src 'none'; sandbox");
    return new StreamableFile(bytes);
  }
}
