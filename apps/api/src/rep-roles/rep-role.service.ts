import { InjectTransaction } from '@nestjs-cls/transactional';
import { Injectable } from '@nestjs/common';
import { In, type SelectQueryBuilder, type EntityManager } from 'typeorm';
import { AccessService } from '../access/access.service.js';
import { PeopleDoor } from '../access/people-door.js';
import { AuditService } from '../audit/audit.service.js';
import type { AuthUser } from '../auth/auth-user.js';
import { checkPeriod, UserInputError } from '../common/errors.js';
import { groupByKey } from '../common/loaders.js';
import { ContactRecordService } from '../contacts/contact-record.service.js';
import { ContactService } from '../contacts/contact.service.js';
import { Ward } from '../wards/ward.entity.js';
import type { RepRoleCreateInput, RepRoleFilter, RepRoleUpdateInput } from './dto/rep-role.input.js';
import { RepRole } from './rep-role.entity.js';

export type RepRoleWithWards = RepRole & { wardIds: string[] };

@Injectable()
export class RepRoleService extends ContactRecordService<RepRole, RepRoleFilter> {
  protected readonly label = 'Rep role';
  protected readonly sortable = { kind: 'rep_role.kind', startDate: 'rep_role.start_date', endDate: 'rep_role.end_date', createdAt: 'rep_role.created_at' };
  protected readonly defaultSort = 'startDate';

  constructor(
    @InjectTransaction() private readonly db: EntityManager,
    contacts: ContactService,
    private readonly access: AccessService,
    door: PeopleDoor,
    private readonly audit: AuditService,
  ) {
    super(RepRole, door, contacts);
  }

  protected override filter(qb: SelectQueryBuilder<RepRole>, f: RepRoleFilter): void {
    super.filter(qb, f);
    if (f.kind) qb.andWhere('rep_role.kind = :kind', { kind: f.kind });
    if (f.wardId) qb.andWhere('EXISTS (SELECT 1 FROM rep_role_ward rw WHERE rw.rep_role_id = rep_role.id AND rw.ward_id = :wardId)', { wardId: f.wardId });
  }

  /** Records a rep role once per client-made id (see createOnce). */
  async create(input: RepRoleCreateInput, user: AuthUser): Promise<RepRole> {
    return this.createOnce(input.id, user, async () => {
      const contact = await this.contactFor(input.contactId, user);
      checkPeriod(input.startDate, input.endDate, 'startDate', 'endDate');
      const { wardIds, ...fields } = input;
      const wards = await this.wards(wardIds, user);
      const row = await this.insert(this.repo.create({ ...fields, organisationId: contact.organisationId, createdById: user.id, wards }), user);
      await this.audit.change(user, 'RepRole', null, { ...row, wards: undefined, wardIds: wards.map((w) => w.id) } as never);
      return row;
    });
  }

  async update(id: string, input: RepRoleUpdateInput, user: AuthUser): Promise<RepRole> {
    const { wardIds, ...fields } = input;
    const row = await this.get(id, user);
    const before = { ...row, wardIds: (await this.wardIdsByRole([id], user))[0] };
    const merged = this.repo.merge(row, fields);
    checkPeriod(merged.startDate, merged.endDate, 'startDate', 'endDate');
    if (wardIds) merged.wards = await this.wards(wardIds, user);
    const saved = await this.save(merged, user);
    await this.audit.change(user, 'RepRole', before, { ...saved, wards: undefined, wardIds: wardIds ?? before.wardIds } as never);
    return saved;
  }

  /** The wards it covered go with it (ON DELETE CASCADE): read first, for the audit log. */
  override async remove(id: string, user: AuthUser): Promise<RepRole> {
    const row = await this.get(id, user);
    const before = { ...row, wardIds: (await this.wardIdsByRole([id], user))[0] };
    await this.erase(id, user);
    await this.audit.change(user, 'RepRole', before, null);
    return { ...row, id };
  }

  /** Ward ids covered by each rep role (of the caller's people), for DataLoader. */
  async wardIdsByRole(roleIds: readonly string[], user: AuthUser): Promise<string[][]> {
    const rows = await this.door.sql<{ rep_role_id: string; ward_id: string }>(user, (people) => `SELECT rw.rep_role_id, rw.ward_id
      FROM rep_role_ward rw JOIN rep_role r ON r.id = rw.rep_role_id WHERE rw.rep_role_id = ANY(:ids) AND ${people({ table: 'rep_role', alias: 'r' })}`,
    { ids: [...roleIds] });
    return groupByKey(roleIds, rows, (r) => r.rep_role_id).map((list) => list.map((r) => r.ward_id));
  }

  /** The wards a rep role covers: they must exist, and be where the caller may place people. */
  private async wards(ids: string[], user: AuthUser): Promise<Ward[]> {
    const unique = [...new Set(ids)];
    const wards = await this.db.getRepository(Ward).find({ where: { id: In(unique) }, relations: { site: true } });
    if (wards.length !== unique.length) throw new UserInputError({ wardIds: 'one or more wards do not exist' });
    if (wards.some((w) => !this.access.mayPlace(user, w.site.employerId, w.siteId))) {
      throw new UserInputError({ wardIds: 'include a ward outside your branch or patch' });
    }
    return wards.map((w) => Object.assign(w, { site: undefined }));
  }
}
