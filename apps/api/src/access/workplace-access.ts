import { InjectTransaction } from '@nestjs-cls/transactional';
import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { AuthUser } from '../auth/auth-user.js';
import { ForbiddenError, NotFoundError, UserInputError } from '../common/errors.js';
import { AccessService } from './access.service.js';
import { Permission } from './permissions.js';

/**
 * Who may change an organisation's workplace map (an employer, its sites and wards). Each
 * organisation owns its own map: another organisation's rows do not exist to the caller. Inside
 * the organisation, a map is read by everyone and changed only by those with WORKPLACE_WRITE in a
 * branch that organises the employer, or by anyone with WORKPLACE_WRITE while no branch of the
 * organisation does yet (a new employer, until an admin adds it to a branch).
 *
 * Each check takes the field that named the row when it came from an input (`employerId` of a new
 * site): a row the caller cannot see is then "does not exist" on that field, never a clash or a
 * refusal that would tell another organisation's map apart from nothing.
 */
@Injectable()
export class WorkplaceAccess {
  constructor(@InjectTransaction() private readonly db: EntityManager, private readonly access: AccessService) {}

  async requireEmployer(user: AuthUser, employerId: string | null | undefined, field?: string): Promise<void> {
    if (!employerId) return;
    const rows = await this.lookup(user, 'SELECT id AS employer_id FROM employer WHERE id = $1 AND organisation_id = $2', employerId);
    await this.requireWritable(user, this.found(rows, 'Employer', field));
  }

  async requireSite(user: AuthUser, siteId: string | null | undefined, field?: string): Promise<void> {
    if (!siteId) return;
    const rows = await this.lookup(user, 'SELECT employer_id FROM site WHERE id = $1 AND organisation_id = $2', siteId);
    await this.requireWritable(user, this.found(rows, 'Site', field));
  }

  async requireWard(user: AuthUser, wardId: string | null | undefined, field?: string): Promise<void> {
    if (!wardId) return;
    const rows = await this.lookup(user, 'SELECT s.employer_id FROM ward w JOIN site s ON s.id = w.site_id WHERE w.id = $1 AND w.organisation_id = $2', wardId);
    await this.requireWritable(user, this.found(rows, 'Ward', field));
  }

  private lookup(user: AuthUser, sql: string, id: string): Promise<{ employer_id: string }[]> {
    return this.db.query(sql, [id, user.organisationId]);
  }

  private found(rows: { employer_id: string }[], label: string, field: string | undefined): string {
    if (rows[0]) return rows[0].employer_id;
    if (field) throw new UserInputError({ [field]: 'does not exist' });
    throw new NotFoundError(label);
  }

  private async requireWritable(user: AuthUser, employerId: string): Promise<void> {
    if (this.access.reaches(user, Permission.WORKPLACE_WRITE, employerId, null)) return;
    const [{ claimed }] = await this.db.query(
      'SELECT EXISTS (SELECT 1 FROM branch_employer be JOIN branch b ON b.id = be.branch_id WHERE be.employer_id = $1 AND b.organisation_id = $2) AS claimed',
      [employerId, user.organisationId],
    ) as { claimed: boolean }[];
    if (claimed) throw new ForbiddenError('Another branch organises this employer: only its branch may change its sites and wards');
  }
}
