import polyglotI18nProvider from 'ra-i18n-polyglot';
import englishMessages from 'ra-language-english';

/** Each resource's name, singular |||| plural, as the app's pages and messages say it. */
const NAMES: Record<string, string> = {
  AuditEvents: 'Audit entry |||| Audit log',
  Branches: 'Branch |||| Branches',
  Contacts: 'Contact |||| Contacts',
  Conversations: 'Conversation |||| Conversations',
  Employers: 'Employer |||| Employers',
  FollowUps: 'Follow-up |||| Follow-ups',
  IssueTags: 'Issue tag |||| Issue tags',
  Memberships: 'Membership |||| Memberships',
  RepRoles: 'Rep role |||| Rep roles',
  Sites: 'Site |||| Sites',
  Unions: 'Union |||| Unions',
  Users: 'User |||| Users',
  Wards: 'Ward |||| Wards',
};

/** A resource's notices when a page names no record (the save notices name it: see common/useSaveNotice). */
function notices(singular: string, plural: string) {
  return {
    created: `${singular} added`,
    updated: `${singular} saved |||| %{smart_count} ${plural.toLowerCase()} saved`,
    deleted: `${singular} deleted |||| %{smart_count} ${plural.toLowerCase()} deleted`,
  };
}

/** Field names where react-admin would guess them (sort menus, column headers without a label). */
const COUNT_FIELDS = { name: 'Name', density: 'Density', headcount: 'Headcount', memberCount: 'Members' };
const FIELDS: Record<string, Record<string, string>> = {
  Contacts: {
    fullName: 'Name', lastName: 'Last name', firstName: 'First name', jobTitle: 'Job title',
    lastConversationAt: 'Last spoken to', assessment: 'Assessment',
  },
  Wards: COUNT_FIELDS,
  Sites: COUNT_FIELDS,
};

const resources = Object.fromEntries(
  Object.entries(NAMES).map(([resource, name]) => {
    const [singular, plural] = name.split(' |||| ');
    return [resource, { name, notifications: notices(singular, plural), fields: FIELDS[resource] ?? {} }];
  }),
);

/**
 * react-admin's English, in the words of the app: what a notice is about instead of "Element", a
 * record the user may not open said without telling whether it exists, and the resources' names.
 * Messages the app passes as plain text (validators, notices) are shown as they are.
 */
export const messages = {
  ...englishMessages,
  ra: {
    ...englishMessages.ra,
    notification: {
      ...englishMessages.ra.notification,
      created: 'Added',
      updated: 'Saved |||| %{smart_count} saved',
      deleted: 'Deleted |||| %{smart_count} deleted',
      item_doesnt_exist: 'Not found, or not yours to see',
      bad_item: 'Not found, or not yours to see',
      http_error: "Couldn't reach the server: try again",
      not_authorized: 'Not yours to see',
    },
    page: {
      ...englishMessages.ra.page,
      not_found: 'Not found',
      loading: 'Loading',
    },
    message: {
      ...englishMessages.ra.message,
      not_found: 'Not found, or not yours to see: check the link, or go back.',
      loading: 'Loading…',
    },
  },
  resources,
};

export const i18nProvider = polyglotI18nProvider(() => messages, 'en-GB', [{ locale: 'en-GB', name: 'English (UK)' }], {
  allowMissing: true,
});
