import { Context, Mutation, Query, Resolver } from '@nestjs/graphql';
import { Can, Permission } from '../access/permissions.js';
import type { AuthUser } from '../auth/auth-user.js';
import { CurrentUser } from '../auth/current-user.decorator.js';
import type { GqlContext } from '../common/context.js';
import { CalendarFeed, CalendarFeedUrl } from './calendar-feed.entity.js';
import { CalendarFeedService } from './calendar-feed.service.js';

/** The signed-in user's calendar feed: whether they have one, a new link (shown once), and stopping it. */
@Resolver(() => CalendarFeed)
export class CalendarFeedResolver {
  constructor(private readonly feeds: CalendarFeedService) {}

  @Can(Permission.CASES_READ)
  @Query(() => CalendarFeed, { nullable: true, description: 'Your calendar feed of your cases\' meetings and deadlines (null: you have none)' })
  calendarFeed(@CurrentUser() user: AuthUser): Promise<CalendarFeed | null> {
    return this.feeds.mine(user);
  }

  @Can(Permission.CASES_READ)
  @Mutation(() => CalendarFeedUrl, { description: 'A new calendar feed link, shown this once: your previous link stops working' })
  regenerateCalendarFeed(@CurrentUser() user: AuthUser, @Context() ctx: GqlContext): Promise<CalendarFeedUrl> {
    return this.feeds.regenerate(user, `${ctx.req.protocol}://${ctx.req.get('host')}`);
  }

  @Can(Permission.CASES_READ)
  @Mutation(() => Boolean, { description: 'Stops your calendar feed: its link stops working. False when you had none' })
  revokeCalendarFeed(@CurrentUser() user: AuthUser): Promise<boolean> {
    return this.feeds.revoke(user);
  }
}
