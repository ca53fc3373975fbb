import { Field, GraphQLISODateTime, HideField, ID, ObjectType } from '@nestjs/graphql';
import { Column, Entity, Index, ManyToOne, type Relation } from 'typeorm';
import { CreatedEntity } from '../common/base.entity.js';
import { Organisation } from '../organisations/organisation.entity.js';
import { User } from '../users/user.entity.js';

/**
 * A user's calendar feed (issue 11): their meetings and deadlines as an iCalendar file at a URL
 * holding a long random token. Only the token's SHA-256 is kept, never the token: the URL is shown
 * once, when it is made. One feed per user; making a new one replaces the old (the old URL stops
 * working), and stopping it deletes the row. `createdAt` is when the current URL was made. Row-level
 * security shows a row only to its own user (CalendarFeed migration); the feed route finds a token's
 * user, before anyone is signed in, through one narrow function (`rollcall_calendar_feed_user`).
 */
@ObjectType('CalendarFeed', { description: 'Your calendar feed: whether you have one, and since when (never its link)' })
@Entity('calendar_feed')
export class CalendarFeed extends CreatedEntity {
  @HideField()
  @Index('uq_calendar_feed_user', { unique: true })
  @Column({ type: 'uuid' })
  userId: string;

  @ManyToOne(() => User, { onDelete: 'CASCADE' })
  user: Relation<User>;

  @HideField()
  @Column({ type: 'uuid' })
  organisationId: string;

  @ManyToOne(() => Organisation, { onDelete: 'CASCADE' })
  organisation: Relation<Organisation>;

  /** SHA-256 of the token, hex. */
  @HideField()
  @Index('uq_calendar_feed_token', { unique: true })
  @Column({ type: 'varchar', length: 64 })
  tokenHash: string;
}

/** A new feed's link, shown once: the token in it is kept nowhere. */
@ObjectType('CalendarFeedUrl', { description: 'A new calendar feed link, shown this once (the previous link, if any, has stopped working)' })
export class CalendarFeedUrl {
  @Field(() => ID, { description: 'The feed (CalendarFeed.id)' })
  id: string;

  @Field({ description: 'The feed: subscribe to it in a calendar app. Anyone with it sees your meetings and deadlines (initials and case type only)' })
  url: string;

  @Field(() => GraphQLISODateTime)
  createdAt: Date;
}
