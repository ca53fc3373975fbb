import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { InjectTransaction } from '@nestjs-cls/transactional';
import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { ukToday } from '@rollcall/domain';
import type { EntityManager, Repository } from 'typeorm';
import { AccessService } from '../access/access.service.js';
import { Permission } from '../access/permissions.js';
import { AuditAction } from '../audit/audit-event.entity.js';
import { AuditService } from '../audit/audit.service.js';
import type { AuthUser } from '../auth/auth-user.js';
import { AuthService } from '../auth/auth.service.js';
import { CaseService, PLACE_ROLES } from '../casework/cases/case.service.js';
import type { CaseFilter } from '../casework/cases/dto/case.input.js';
import { CaseDeadlinesService } from '../casework/deadlines/case-deadlines.service.js';
import { CaseMeetingService } from '../casework/meetings/case-meeting.service.js';
import { ForbiddenError } from '../common/errors.js';
import { ContactService } from '../contacts/contact.service.js';
import { continueAs } from '../database/request-transaction.js';
import { User } from '../users/user.entity.js';
import { feedCalendar, feedEvents } from './calendar-events.js';
import { CalendarFeed, type CalendarFeedUrl } from './calendar-feed.entity.js';

/** A feed token: 32 random bytes, base64url (43 characters). */
const TOKEN = /^[A-Za-z0-9_-]{43}$/;
const hashOf = (token: string) => createHash('sha256').update(token).digest('hex');

/** Whoever may take a place on a case's team (case.service.ts PLACE_ROLES) may have a feed of their cases. */
const FEED_ROLES = new Set(Object.values(PLACE_ROLES).flat());

/** What the audit log keeps of a feed: whose, and since when; never the token's hash. */
function snapshot(f: CalendarFeed | null): { id: string; userId: string; createdAt: Date } | null {
  return f ? { id: f.id, userId: f.userId, createdAt: f.createdAt } : null;
}

/**
 * Calendar feeds: a user's meetings and deadlines as an iCalendar file at a secret URL. Making one
 * (or a new one, which replaces the old), stopping it, and every fetch of it are audited. A fetch
 * comes with the token alone: the token's user is found through one narrow database function, and
 * the rest of the request runs as that user (continueAs), so their cases come through the CaseDoor,
 * the case services and row-level security exactly as on their own pages.
 */
@Injectable()
export class CalendarFeedService {
  constructor(
    @InjectTransaction() private readonly db: EntityManager,
    @InjectRepository(User) private readonly users: Repository<User>,
    private readonly auth: AuthService,
    private readonly access: AccessService,
    private readonly cases: CaseService,
    private readonly meetings: CaseMeetingService,
    private readonly deadlines: CaseDeadlinesService,
    private readonly contacts: ContactService,
    private readonly audit: AuditService,
  ) {}

  /** Whether this user may have a feed: a role that may be on a case's team, and case access. */
  mayHaveFeed(user: AuthUser): boolean {
    return this.access.can(user, Permission.CASES_READ) && user.roles.some((r) => FEED_ROLES.has(r.role));
  }

  /** The caller's feed, if they have one. */
  mine(user: AuthUser): Promise<CalendarFeed | null> {
    return this.db.findOne(CalendarFeed, { where: { userId: user.id } });
  }

  /** A new feed link for the caller, shown this once; the previous link (if any) stops working. */
  async regenerate(user: AuthUser, origin: string): Promise<CalendarFeedUrl> {
    if (!this.mayHaveFeed(user)) throw new ForbiddenError('Only those who may be on a case team have a calendar feed');
    const token = randomBytes(32).toString('base64url');
    const before = await this.mine(user);
    if (before) {
      await this.db.createQueryBuilder().update(CalendarFeed).set({ tokenHash: hashOf(token), createdAt: () => 'now()' })
        .where('id = :id', { id: before.id }).execute();
    } else {
      await this.db.createQueryBuilder().insert().into(CalendarFeed).updateEntity(false)
        .values({ id: randomUUID(), userId: user.id, organisationId: user.organisationId, tokenHash: hashOf(token) }).execute();
    }
    const after = (await this.mine(user))!;
    await this.audit.record({
      action: before ? AuditAction.UPDATE : AuditAction.CREATE, user, entityType: 'CalendarFeed', entityId: after.id,
      before: snapshot(before), after: snapshot(after),
    });
    return { id: after.id, url: `${origin}/calendar/${token}.ics`, createdAt: after.createdAt };
  }

  /** Stops the caller's feed (its link stops working); false, and nothing written, when there was none. */
  async revoke(user: AuthUser): Promise<boolean> {
    const before = await this.mine(user);
    if (!before) return false;
    await this.db.delete(CalendarFeed, { id: before.id });
    await this.audit.record({ action: AuditAction.DELETE, user, entityType: 'CalendarFeed', entityId: before.id, before: snapshot(before) });
    return true;
  }

  /**
   * The iCalendar file a token opens, or null (no such token, a stopped or replaced one, an inactive
   * user, or one who may no longer have a feed): the caller cannot tell which. Runs in an anonymous
   * request: the token's user is found first, then the request continues as them.
   */
  async read(token: string, ip: string | null): Promise<string | null> {
    if (!TOKEN.test(token)) return null;
    const hash = hashOf(token);
    const [found] = (await this.db.query('SELECT rollcall_calendar_feed_user($1) AS id', [hash])) as { id: string | null }[];
    if (!found?.id) return null;
    const row = await this.users.findOne({ where: { id: found.id, active: true } });
    if (!row) return null;
    const user = await this.auth.toAuthUser(row);
    if (!this.mayHaveFeed(user)) return null;
    await continueAs(user);
    // As the user now: their own feed row, still holding this token (not replaced meanwhile).
    const feed = await this.mine(user);
    if (!feed || feed.tokenHash !== hash) return null;

    // "Their" cases: open, and on whose team they are, through the CaseDoor (not every case a secretary reads).
    const cases = await this.cases.listQuery({ sortField: 'openedOn', sortOrder: 'ASC' }, { mine: true, open: true } as CaseFilter, user).getMany();
    const ids = cases.map((c) => c.id);
    const [meetings, deadlines, members] = ids.length
      ? await Promise.all([
        this.meetings.byCases(ids, user),
        this.deadlines.forCases(ids, user),
        this.contacts.byIds([...new Set(cases.map((c) => c.contactId))], user),
      ])
      : [[], [], []];
    const memberOf = new Map(members.filter((m) => !!m).map((m) => [m!.id, m!]));
    const events = feedEvents(
      cases.map((c) => ({ id: c.id, type: c.type, member: memberOf.get(c.contactId) ?? null })),
      meetings.flat(), deadlines.flat(), ukToday(),
    );
    // No case content is read, but every use of the link is on record, so an admin can see a leaked one in use.
    await this.audit.record({
      action: AuditAction.READ, user, entityType: 'CalendarFeed', entityId: feed.id, ip,
      after: { id: feed.id, read: 'calendar feed', events: events.length },
    });
    return feedCalendar(events, new Date());
  }
}
