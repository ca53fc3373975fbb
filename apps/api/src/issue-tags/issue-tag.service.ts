import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { Repository, SelectQueryBuilder } from 'typeorm';
import { PeopleDoor } from '../access/people-door.js';
import type { AuthUser } from '../auth/auth-user.js';
import { AuditService } from '../audit/audit.service.js';
import { OrganisationCrudService } from '../common/organisation-crud.service.js';
import { UserInputError } from '../common/errors.js';
import { applySearch } from '../common/list.js';
import { groupByKey } from '../common/loaders.js';
import type { IssueTagCreateInput, IssueTagFilter, IssueTagUpdateInput } from './dto/issue-tag.input.js';
import { IssueTag } from './issue-tag.entity.js';

const CONSTRAINTS: Record<string, [string, string]> = {
  uq_issue_tag_org_name: ['name', 'is already an issue tag'],
};

/** Each organisation's list of issues (the defaults come from the seed, or a migration for older organisations). */
@Injectable()
export class IssueTagService extends OrganisationCrudService<IssueTag, IssueTagFilter> {
  protected readonly label = 'Issue tag';
  protected readonly sortable = { name: 'issue_tag.name', active: 'issue_tag.active', createdAt: 'issue_tag.created_at' };
  protected readonly defaultSort = 'name';
  protected override readonly constraints = CONSTRAINTS;

  constructor(@InjectRepository(IssueTag) repo: Repository<IssueTag>, audit: AuditService, private readonly door: PeopleDoor) {
    super(repo, audit);
  }

  protected filter(qb: SelectQueryBuilder<IssueTag>, f: IssueTagFilter): void {
    applySearch(qb, f.q, ['issue_tag.name']);
    if (f.active !== undefined && f.active !== null) qb.andWhere('issue_tag.active = :active', { active: f.active });
  }

  /** A tag on past conversations is retired (active: false), not deleted: the history keeps it. */
  override async remove(id: string, user: AuthUser): Promise<IssueTag> {
    const tag = await this.get(id, user);
    const [{ n }] = await this.repo.query('SELECT count(*)::int AS n FROM conversation_issue_tag WHERE issue_tag_id = $1', [id]) as { n: number }[];
    if (n > 0) throw new UserInputError({ id: `is used on ${n} conversation(s): retire it instead, so it is no longer offered` });
    await this.repo.delete(id);
    await this.onRemoved(tag, user);
    return { ...tag, id };
  }

  override create(input: IssueTagCreateInput, user: AuthUser): Promise<IssueTag> {
    return super.create({ name: input.name.trim(), active: input.active ?? true }, user);
  }

  override update(id: string, input: IssueTagUpdateInput, user: AuthUser): Promise<IssueTag> {
    return super.update(id, { ...input, ...(input.name !== undefined ? { name: input.name.trim() } : {}) }, user);
  }

  /** Active tags of the caller's organisation among these ids (for a new conversation). */
  async activeOf(ids: string[], user: AuthUser): Promise<IssueTag[]> {
    if (!ids.length) return [];
    return this.query(user).andWhere('issue_tag.id = ANY(:ids) AND issue_tag.active', { ids }).getMany();
  }

  /** Tags per conversation (of the caller's people: a conversation is about a person), for DataLoader. */
  async byConversations(conversationIds: readonly string[], user: AuthUser): Promise<IssueTag[][]> {
    const rows = await this.door.sql<IssueTag & { conversation_id: string }>(user, (people) =>
      `SELECT t.id, t.name, t.active, t.created_at AS "createdAt", t.updated_at AS "updatedAt", ct.conversation_id
       FROM conversation_issue_tag ct JOIN issue_tag t ON t.id = ct.issue_tag_id JOIN conversation c ON c.id = ct.conversation_id
       WHERE ct.conversation_id = ANY(:ids) AND ${people({ table: 'conversation', alias: 'c' })} ORDER BY t.name`,
    { ids: [...conversationIds] });
    return groupByKey(conversationIds, rows, (r) => r.conversation_id);
  }
}
