import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import type { AuthUser } from '../auth/auth-user.js';
import { ForbiddenError } from '../common/errors.js';
import { AccessService } from './access.service.js';
import { Permission } from './permissions.js';

/**
 * Who may change the workplace structure (an employer, its sites and wards). It is shared reference
 * data, read by everyone, but changed only by those with WORKPLACE_WRITE in a branch that organises
 * the employer, or by anyone with WORKPLACE_WRITE while no branch of any organisation does yet (a
 * new employer, until an admin adds it to a branch).
 */
@Injectable()
export class WorkplaceAccess {
  constructor(@InjectDataSource() private readonly db: DataSource, private readonly access: AccessService) {}

  async requireEmployer(user: AuthUser, employerId: string | null | undefined): Promise<void> {
    if (!employerId) return;
    if (this.access.reaches(user, Permission.WORKPLACE_WRITE, employerId, null)) return;
    const [{ claimed }] = await this.db.query('SELECT EXISTS (SELECT 1 FROM branch_employer WHERE employer_id = $1) AS claimed', [employerId]) as { claimed: boolean }[];
    if (claimed) throw new ForbiddenError('Another branch organises this employer: only its branch may change its sites and wards');
  }

  async requireSite(user: AuthUser, siteId: string | null | undefined): Promise<void> {
    if (!siteId) return;
    const rows: { employer_id: string }[] = await this.db.query('SELECT employer_id FROM site WHERE id = $1', [siteId]);
    await this.requireEmployer(user, rows[0]?.employer_id);
  }

  async requireWard(user: AuthUser, wardId: string | null | undefined): Promise<void> {
    if (!wardId) return;
    const rows: { employer_id: string }[] = await this.db.query('SELECT s.employer_id FROM ward w JOIN site s ON s.id = w.site_id WHERE w.id = $1', [wardId]);
    await this.requireEmployer(user, rows[0]?.employer_id);
  }
}
