import { Injectable } from '@nestjs/common';

import type { SelectQueryBuilder } from 'typeorm';
import { PeopleCrudService } from '../access/people-crud.service.js';
import { PeopleDoor } from '../access/people-door.js';
import { AuditAction } from '../audit/audit-event.entity.js';
import { type AuditEntry, AuditService } from '../audit/audit.service.js';
import type { AuthUser } from '../auth/auth-user.js';
import { UserInputError } from '../common/errors.js';
import { campaignBranches } from './campaign-access.js';
import { CampaignActionService } from './campaign-action.service.js';
import type { ParticipationEntry, ParticipationFilter } from './dto/campaign.input.js';
import { Participation } from './participation.entity.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** What the audit log keeps of a participation row. */
function snapshot(p: Participation): Record<string, unknown> & { id: string; contactId: string } {
  const { contact: _c, ...fields } = p;
  return fields;
}

/**
 * Who was invited to, pledged or took part in an action: one row per person and action, read and
 * written through the PeopleDoor (a rep only the people of their patch), of the actions the caller
 * may see. Recorded in bulk (`record`), all or nothing.
 */
@Injectable()
export class ParticipationService extends PeopleCrudService<Participation, ParticipationFilter> {
  protected readonly label = 'Participation';
  protected readonly sortable = { recordedAt: 'participation.recorded_at', state: 'participation.state', createdAt: 'participation.created_at' };
  protected readonly defaultSort = 'recordedAt';

  constructor(door: PeopleDoor, private readonly actions: CampaignActionService, private readonly audit: AuditService) {
    super(Participation, door);
  }

  /** The caller's people, on actions of campaigns of the caller's branches. */
  protected override scope(qb: SelectQueryBuilder<Participation>, user: AuthUser): void {
    super.scope(qb, user);
    qb.andWhere(`participation.action_id IN (SELECT a.id FROM campaign_action a JOIN campaign k ON k.id = a.campaign_id
      WHERE k.organisation_id = :ptOrg AND k.branch_id = ANY(:ptBranches))`, { ptOrg: user.organisationId, ptBranches: campaignBranches(user) });
  }

  protected filter(qb: SelectQueryBuilder<Participation>, f: ParticipationFilter): void {
    if (f.actionId) qb.andWhere('participation.action_id = :actionId', { actionId: f.actionId });
    if (f.contactId) qb.andWhere('participation.contact_id = :contactId', { contactId: f.contactId });
    if (f.state) qb.andWhere('participation.state = :state', { state: f.state });
    if (f.wardId) {
      qb.andWhere('EXISTS (SELECT 1 FROM posting p WHERE p.contact_id = participation.contact_id AND p.end_date IS NULL AND p.ward_id = :wardId)', { wardId: f.wardId });
    }
  }

  /**
   * Records each person's state on an action (null clears it), all or nothing: every entry must name
   * a different person among the caller's people (in a mutation, those they may change: a rep their
   * patch), or nothing is changed and the first bad entry is named (`entries.3.contactId`). Each change
   * is written to the audit log. Returns the people's rows as they now stand.
   */
  async record(actionId: string, entries: readonly ParticipationEntry[], user: AuthUser): Promise<Participation[]> {
    const action = await this.actions.get(actionId, user);
    if (!entries.length) return [];
    const seen = new Map<string, number>();
    entries.forEach((e, i) => {
      if (typeof e.contactId !== 'string' || !UUID.test(e.contactId)) throw new UserInputError({ [`entries.${i}.contactId`]: 'must be a valid id' });
      const first = seen.get(e.contactId.toLowerCase());
      if (first !== undefined) throw new UserInputError({ [`entries.${i}.contactId`]: `names the same person as entry ${first}` });
      seen.set(e.contactId.toLowerCase(), i);
    });
    const ids = entries.map((e) => e.contactId.toLowerCase());
    const people = await this.door.contacts(user, 'k').select(['k.id', 'k.employerId']).andWhere('k.id IN (:...ids)', { ids }).getMany();
    const employerOf = new Map(people.map((k) => [k.id, k.employerId]));
    const missing = ids.findIndex((id) => !employerOf.has(id));
    if (missing >= 0) throw new UserInputError({ [`entries.${missing}.contactId`]: 'does not exist or is outside your branch or patch' });

    const existing = await this.query(user).andWhere('participation.action_id = :actionId AND participation.contact_id IN (:...ids)', { actionId, ids }).getMany();
    const current = new Map(existing.map((p) => [p.contactId, p]));
    const now = new Date();
    const audit: AuditEntry[] = [];
    const entry = (action: AuditAction, contactId: string, before: Participation | null, after: Participation | null) =>
      audit.push({ action, user, entityType: 'Participation', entityId: (after ?? before)!.id, employerId: employerOf.get(contactId), before: before && snapshot(before), after: after && snapshot(after) });

    await this.door.write(user, async (w) => {
      for (const [i, e] of entries.entries()) {
        const contactId = ids[i];
        const was = current.get(contactId) ?? null;
        const state = e.state ?? null;
        if (!state) {
          if (was) {
            await w.deleteRows(Participation, { id: was.id });
            entry(AuditAction.DELETE, contactId, was, null);
          }
          continue;
        }
        if (was?.state === state) continue;
        if (was) {
          const after = { ...was, state, recordedById: user.id, recordedAt: now };
          await w.updateRows(Participation, { id: was.id }, { state, recordedById: user.id, recordedAt: now });
          entry(AuditAction.UPDATE, contactId, was, after);
        } else {
          const row = this.repo.create({ organisationId: user.organisationId, actionId: action.id, contactId, state, recordedById: user.id, recordedAt: now });
          await w.insertRows(Participation, row);
          entry(AuditAction.CREATE, contactId, null, row);
        }
      }
    });
    await this.audit.recordAll(audit);
    return this.query(user).andWhere('participation.action_id = :actionId AND participation.contact_id IN (:...ids)', { actionId, ids })
      .orderBy('participation.contact_id').getMany();
  }
}

