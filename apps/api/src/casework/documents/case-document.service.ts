import { createHash, randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { isUUID } from 'class-validator';
import type { Repository, SelectQueryBuilder } from 'typeorm';
import { CaseDoor, type TeamPlace } from '../../access/case-door.js';
import type { AuthUser } from '../../auth/auth-user.js';
import { ForbiddenError, NotFoundError, UserInputError } from '../../common/errors.js';
import { groupByKey } from '../../common/loaders.js';
import type { RequestLoaders } from '../../common/loaders.js';
import { CaseAudit } from '../case-audit.js';
import type { CaseFile } from '../cases/case-file.entity.js';
import { CaseService } from '../cases/case.service.js';
import { CaseCipher } from '../crypto/case-cipher.js';
import { CaseDocument } from './case-document.entity.js';
import { checkDocument, safeFileName } from './document-policy.js';

/** A file as the upload route received it (multer, memory storage). */
export interface UploadedDocument {
  buffer: Buffer;
  originalname: string;
}

/** What the audit log keeps of a document: what and whose it is, never its bytes. */
function snapshot(d: CaseDocument): Record<string, unknown> & { id: string } {
  return {
    id: d.id, caseId: d.caseId, filename: d.filename, mediaType: d.mediaType, size: d.sizeBytes, sha256: d.sha256,
    uploadedById: d.uploadedById, createdAt: d.createdAt,
  };
}

/**
 * Documents attached to cases: read through the CaseDoor (its case's team, or the branch's secretary
 * and admins), uploaded by anyone who may add a note to the case (its team, the rep too, or the
 * branch's officers), deleted by those who may change the case or by whoever uploaded it while they
 * may still add to it. The bytes are checked by content (document-policy.ts) and sealed by
 * CaseCipher; they leave the server only through `download`, which the audit log records.
 */
@Injectable()
export class CaseDocumentService {
  constructor(
    @InjectRepository(CaseDocument) private readonly repo: Repository<CaseDocument>,
    private readonly door: CaseDoor,
    private readonly cases: CaseService,
    private readonly audit: CaseAudit,
    private readonly cipher: CaseCipher,
  ) {}

  /** Documents of the caller's cases (metadata only, unless `content`). */
  private query(user: AuthUser, content = false): SelectQueryBuilder<CaseDocument> {
    const qb = this.door.content(this.repo.createQueryBuilder('case_document'), user);
    return content ? qb.addSelect('case_document.content') : qb;
  }

  /** The caller's case of this id: anything else (absent, not theirs, not an id) is "not found", alike. */
  private async caseOf(caseId: string, user: AuthUser): Promise<CaseFile> {
    const kase = isUUID(caseId) ? await this.cases.find(caseId, user) : null;
    if (!kase) throw new NotFoundError('Case');
    return kase;
  }

  /** Attaches a document to a case: refused unless the caller may add to the case, and unless the file passes checkDocument. */
  async upload(caseId: string, file: UploadedDocument | undefined, user: AuthUser): Promise<CaseDocument> {
    const kase = await this.caseOf(caseId, user);
    if (!(await this.door.mayAddNote(user, kase))) throw new ForbiddenError("Only the case's team, or the branch secretary or admins, may add a document");
    if (!file?.buffer) throw new UserInputError({ file: 'is required: choose a document to upload' });
    const { mimeType } = await checkDocument(file.buffer, file.originalname);
    const id = randomUUID();
    await this.repo.insert({
      id, organisationId: kase.organisationId, caseId: kase.id, filename: safeFileName(file.originalname), mediaType: mimeType,
      sizeBytes: file.buffer.length, sha256: createHash('sha256').update(file.buffer).digest('hex'),
      content: this.cipher.encrypt(file.buffer), uploadedById: user.id,
    });
    const row = await this.query(user).andWhere('case_document.id = :id', { id }).getOneOrFail();
    await this.audit.change(user, kase, 'CaseDocument', null, snapshot(row));
    return row;
  }

  /**
   * A document's bytes, unsealed, for the caller to download, with its metadata; the read is written
   * to the audit log first (in the request's transaction). "Not found" for a document the caller
   * does not read, or not of this case.
   */
  async download(caseId: string, id: string, user: AuthUser, loaders: RequestLoaders): Promise<{ document: CaseDocument; bytes: Buffer }> {
    const document = isUUID(caseId) && isUUID(id)
      ? await this.query(user, true).andWhere('case_document.id = :id AND case_document.case_id = :caseId', { id, caseId }).getOne()
      : null;
    const kase = document ? await this.cases.find(document.caseId, user) : null;
    if (!document || !kase) throw new NotFoundError('Case document');
    await this.audit.read(loaders, kase, 'CaseDocument', document.id, ['download']);
    const bytes = this.cipher.decrypt(document.content);
    return { document: { ...document, content: Buffer.alloc(0) }, bytes };
  }

  /** Whether the caller may delete this document of this case (their place on its team, if they are on it). */
  mayDelete(user: AuthUser, kase: CaseFile, document: CaseDocument, place: TeamPlace | null): boolean {
    const rights = this.door.rights(user, kase, place);
    return rights.change || (rights.addNote && document.uploadedById === user.id);
  }

  /** Deletes a document, bytes and all (the audit log keeps what it was). */
  async remove(id: string, user: AuthUser): Promise<CaseDocument> {
    const row = await this.query(user).andWhere('case_document.id = :id', { id }).getOne();
    if (!row) throw new NotFoundError('Case document');
    const kase = await this.cases.forContent(row.caseId, user);
    const place = this.door.isOfficer(user, kase) ? null : await this.door.placeOn(user, kase.id);
    if (!this.mayDelete(user, kase, row, place)) {
      throw new ForbiddenError("Only the case's caseworkers, the branch secretary or admins, or whoever uploaded it, may delete a document");
    }
    await this.repo.delete({ id });
    await this.audit.change(user, kase, 'CaseDocument', snapshot(row), null);
    return row;
  }

  /** Each case's documents (the caller's cases only; metadata), newest first, for DataLoader. */
  async byCases(caseIds: readonly string[], user: AuthUser): Promise<CaseDocument[][]> {
    const rows = await this.door.ofCases(CaseDocument, user, caseIds, 'd').orderBy('d.created_at', 'DESC').addOrderBy('d.id').getMany();
    return groupByKey(caseIds, rows, (r) => r.caseId);
  }
}
