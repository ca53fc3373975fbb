import { Args, Mutation, Query, Resolver } from '@nestjs/graphql';
import { addDays, aggregateSuppressed, cellId, daysBetween, density, MIN_CELL_SIZE, roundedCount, ukToday } from '@rollcall/domain';
import { AccessService } from '../access/access.service.js';
import { SliceResolver } from '../analytics/slice.resolver.js';
import { Can, Permission } from '../access/permissions.js';
import { AuditAction } from '../audit/audit-event.entity.js';
import { AuditService } from '../audit/audit.service.js';
import type { AuthUser } from '../auth/auth-user.js';
import { CurrentUser } from '../auth/current-user.decorator.js';
import { UserInputError } from '../common/errors.js';
import { DensitySuppression } from '../density/density.types.js';
import { type TrendRow, TrendsService } from './trends.service.js';
import { BackfillArgs, DensitySnapshotRun, DensityTrend, DensityTrendArgs, type DensityTrendPoint, TakeSnapshotArgs } from './trends.types.js';

/** The longest trend one query reads, and the longest backfill one call computes (days). */
export const MAX_TREND_DAYS = 731;
export const MAX_BACKFILL_DAYS = 366;
/** No snapshot before this day (the data's dates do not go further back in any real branch). */
export const EARLIEST_DAY = '2000-01-01';

const open = (day: string, r: Omit<TrendRow, 'day' | 'employerId'>): DensityTrendPoint => ({
  day, headcount: r.headcount, members: r.members, density: density(Math.min(r.members, r.headcount), r.headcount),
  assessed: r.assessed, onesAndTwos: r.onesAndTwos, leaders: r.leaders, reps: r.reps, spokenTo30d: r.spokenTo30d,
  suppressed: false, suppression: null,
});

const sum = (rows: TrendRow[]): Omit<TrendRow, 'day' | 'employerId'> => rows.reduce((t, r) => ({
  headcount: t.headcount + r.headcount, members: t.members + r.members, assessed: t.assessed + r.assessed, onesAndTwos: t.onesAndTwos + r.onesAndTwos,
  leaders: t.leaders + r.leaders, reps: t.reps + r.reps, spokenTo30d: t.spokenTo30d + r.spokenTo30d,
}), { headcount: 0, members: 0, assessed: 0, onesAndTwos: 0, leaders: 0, reps: 0, spokenTo30d: 0 });

function byDay(rows: TrendRow[]): Map<string, TrendRow[]> {
  const days = new Map<string, TrendRow[]>();
  for (const r of rows) days.set(r.day, [...(days.get(r.day) ?? []), r]);
  return days;
}

/**
 * Density over time, from the daily snapshots (TrendsService), and the admin's on-demand snapshot and
 * backfill. Scope as for density today: whole employers where the caller sees the people (a branch's
 * secretary, caseworker, admin), the wards of a rep's patch; an employer the caller counts only as a
 * coalition partner gets aggregates per employer, each day's small cells withheld with complementary
 * suppression across the employers (so neither the total nor another employer's figure gives a
 * withheld one away), every employer the density slice's family withholds today withheld on every
 * day too (so that the trend and densitySlice together give nothing the family hides), and what is
 * published rounded to 5 (so that two days compared do not show one person joining or leaving).
 */
@Resolver()
export class TrendsResolver {
  constructor(
    private readonly trends: TrendsService, private readonly access: AccessService, private readonly audit: AuditService,
    private readonly slices: SliceResolver,
  ) {}

  @Can(Permission.AGGREGATES_READ)
  @Query(() => DensityTrend, { description: "Headcount, members and density per day from the daily snapshots, over the caller's reach" })
  async densityTrend(@Args() args: DensityTrendArgs, @CurrentUser() user: AuthUser): Promise<DensityTrend> {
    const today = ukToday();
    const to = args.to ?? today;
    const from = args.from ?? addDays(to, -90);
    if (daysBetween(from, to) < 0) throw new UserInputError({ to: 'must not be before from' });
    if (daysBetween(from, to) >= MAX_TREND_DAYS) throw new UserInputError({ from: `at most ${MAX_TREND_DAYS} days from to` });
    const filter = args.filter ?? {};
    const people = this.access.scope(user, Permission.PEOPLE_READ);
    const counted = this.access.countScope(user).employerIds;
    const patchEmployers = await this.trends.employersOfSites(user.organisationId, people.siteIds);
    const coalition = counted.filter((e) => !people.employerIds.includes(e) && !patchEmployers.includes(e));
    const aggregateOnly = filter.employerId
      ? coalition.includes(filter.employerId)
      : !people.employerIds.length && !people.siteIds.length && coalition.length > 0;
    const latest = await this.trends.latest(user.organisationId);
    const base = { from, to, asOf: latest.takenAt, latestDay: latest.day, aggregateOnly, minCell: MIN_CELL_SIZE };

    if (!aggregateOnly) {
      const rows = await this.trends.trend({ organisationId: user.organisationId, employerIds: people.employerIds, siteIds: people.siteIds, filter },
        filter.unionId ?? null, from, to);
      return { ...base, points: [...byDay(rows)].map(([day, r]) => open(day, sum(r))) };
    }

    // Coalition: whole employers only, members of any union (a union's figure beside the any-union one would give others' away).
    for (const field of ['siteId', 'wardId', 'unionId'] as const) {
      if (filter[field]) throw new UserInputError({ [field]: 'aggregate-only audiences see trends by employer, of any union' });
    }
    const rows = await this.trends.trend({ organisationId: user.organisationId, employerIds: coalition, siteIds: [], filter: {} }, null, from, to);
    // What the slice family (densitySlice, densityBySite, the line-up) withholds of these employers now.
    const family = await this.slices.coalitionFamily(user.organisationId, { organisationId: user.organisationId, employerIds: coalition });
    const familyHidden = family.suppression.hidden.get('EMPLOYER');
    const points = [...byDay(rows)].map(([day, cells]): DensityTrendPoint => {
      const published = aggregateSuppressed(cells.map((c) => ({ key: c.employerId, members: Math.min(c.members, c.headcount), headcount: c.headcount })));
      const cell = filter.employerId ? published.cells.find((c) => c.key === filter.employerId) : null;
      const figure = filter.employerId
        ? cell ?? { members: 0, headcount: 0, density: null, suppressed: false, reason: null }
        : { ...published.total, reason: published.total.suppressed ? 'SMALL_CELL' as const : null };
      const hiddenByFamily = filter.employerId ? familyHidden?.get(cellId([filter.employerId])) ?? null : family.suppression.totalSuppressed ? 'SMALL_CELL' as const : null;
      const withheld = figure.suppressed || hiddenByFamily !== null;
      const reason = figure.suppressed ? figure.reason : hiddenByFamily;
      const headcount = withheld ? null : roundedCount(figure.headcount!);
      const members = withheld ? null : Math.min(roundedCount(figure.members!), headcount!);
      return {
        day, headcount, members, density: withheld ? null : density(members!, headcount!),
        assessed: null, onesAndTwos: null, leaders: null, reps: null, spokenTo30d: null,
        suppressed: withheld, suppression: withheld && reason ? DensitySuppression[reason] : null,
      };
    });
    return { ...base, points };
  }

  @Can(Permission.SETTINGS_MANAGE)
  @Mutation(() => DensitySnapshotRun, { description: "Takes today's density snapshot of the organisation now (or retakes a past day); replaces that day's" })
  async takeDensitySnapshot(@Args() args: TakeSnapshotArgs, @CurrentUser() user: AuthUser): Promise<DensitySnapshotRun> {
    const day = args.day ?? ukToday();
    this.checkRange(day, day, 'day');
    return this.run(user, day, day);
  }

  @Can(Permission.SETTINGS_MANAGE)
  @Mutation(() => DensitySnapshotRun, { description: 'Computes past days\' density snapshots from memberships\' join and leave dates and postings\' dates; replaces those days\'' })
  async backfillDensitySnapshots(@Args() args: BackfillArgs, @CurrentUser() user: AuthUser): Promise<DensitySnapshotRun> {
    if (daysBetween(args.from, args.to) < 0) throw new UserInputError({ to: 'must not be before from' });
    if (daysBetween(args.from, args.to) >= MAX_BACKFILL_DAYS) throw new UserInputError({ from: `at most ${MAX_BACKFILL_DAYS} days at a time` });
    this.checkRange(args.from, args.to, 'from');
    return this.run(user, args.from, args.to);
  }

  private checkRange(from: string, to: string, field: string): void {
    if (daysBetween(EARLIEST_DAY, from) < 0) throw new UserInputError({ [field]: `must not be before ${EARLIEST_DAY}` });
    if (daysBetween(to, ukToday()) < 0) throw new UserInputError({ [field === 'day' ? 'day' : 'to']: 'must not be in the future' });
  }

  private async run(user: AuthUser, from: string, to: string): Promise<DensitySnapshotRun> {
    await this.trends.snapshot(user.organisationId, from, to);
    const run = { from, to, days: daysBetween(from, to) + 1, takenAt: new Date() };
    await this.audit.record({ action: AuditAction.CREATE, user, entityType: 'DensitySnapshot', entityId: null, after: run });
    return run;
  }
}
