/**
 * The calendar feed's GraphQL documents (checked against the API's schema by the web contract test):
 * whether the signed-in user has a feed, a new link (shown once), and stopping it.
 */
export const CALENDAR_FEED_DOCUMENTS = {
  calendarFeed: `
    query calendarFeed {
      calendarFeed { id createdAt }
    }`,
  regenerateCalendarFeed: `
    mutation regenerateCalendarFeed {
      regenerateCalendarFeed { id url createdAt }
    }`,
  revokeCalendarFeed: `
    mutation revokeCalendarFeed {
      revokeCalendarFeed
    }`,
} as const;
