import { Args, ID, Mutation, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { CaseDoor, type TeamPlace } from '../../access/case-door.js';
import { Can, Permission } from '../../access/permissions.js';
import type { AuthUser } from '../../auth/auth-user.js';
import { CurrentUser, Loaders } from '../../auth/current-user.decorator.js';
import type { RequestLoaders } from '../../common/loaders.js';
import { UuidPipe } from '../../common/uuid.pipe.js';
import { UserService } from '../../users/user.service.js';
import { CaseAudit } from '../case-audit.js';
import { CaseFile } from '../cases/case-file.entity.js';
import { caseLoader } from '../cases/case.resolver.js';
import { CaseService } from '../cases/case.service.js';
import { CaseDocument } from './case-document.entity.js';
import { CaseDocumentService } from './case-document.service.js';

/**
 * Case documents in GraphQL: their metadata (the bytes go out only through the download route) and
 * their deletion. Uploads are `POST /cases/:caseId/documents` (case-document.controller.ts).
 */
@Resolver(() => CaseDocument)
export class CaseDocumentResolver {
  constructor(
    private readonly documents: CaseDocumentService,
    private readonly cases: CaseService,
    private readonly users: UserService,
    private readonly door: CaseDoor,
  ) {}

  @Can(Permission.CASES_READ)
  @Mutation(() => CaseDocument, { description: "Deletes a case's document, bytes and all: its caseworkers, the branch secretary or admins, or whoever uploaded it while on the team" })
  deleteCaseDocument(@Args('id', { type: () => ID }, UuidPipe) id: string, @CurrentUser() user: AuthUser): Promise<CaseDocument> {
    return this.documents.remove(id, user);
  }

  @ResolveField(() => String, { nullable: true, description: 'Who uploaded it' })
  uploadedByName(@Parent() d: CaseDocument, @Loaders() loaders: RequestLoaders): Promise<string | null> {
    return loaders.get<string, string | null>('user.name', (ids, user) => this.users.displayNames(ids, user)).load(d.uploadedById);
  }

  @ResolveField(() => Boolean, { description: "Whether you may delete it: the case's caseworkers, a secretary or admin of its branch, or whoever uploaded it while on the team" })
  async mayDelete(@Parent() d: CaseDocument, @CurrentUser() user: AuthUser, @Loaders() loaders: RequestLoaders): Promise<boolean> {
    const kase = await caseLoader(loaders, this.cases).load(d.caseId);
    if (!kase) return false;
    // The same loader as Case.myPlace: one query for the page.
    const place = await loaders.get<string, TeamPlace | null>('case.myPlace', (ids, u) => this.door.placesOn(u, ids)).load(kase.id);
    return this.documents.mayDelete(user, kase, d, place);
  }
}

/** A case's documents (metadata), each one listed written to the audit log as a read of case content. */
@Resolver(() => CaseFile)
export class CaseDocumentsResolver {
  constructor(private readonly service: CaseDocumentService, private readonly cases: CaseService, private readonly audit: CaseAudit) {}

  @ResolveField(() => [CaseDocument], {
    description: 'Attached documents, newest first: metadata only, the bytes from GET /cases/:caseId/documents/:id (content: every one listed is audited)',
  })
  async documents(@Parent() c: CaseFile, @Loaders() loaders: RequestLoaders): Promise<CaseDocument[]> {
    const rows = await loaders.get<string, CaseDocument[]>('case.documents', (ids, user) => this.service.byCases(ids, user)).load(c.id);
    await this.audit.readAll(loaders, 'CaseDocument', rows, ['document'], (id) => caseLoader(loaders, this.cases).load(id));
    return rows;
  }
}
