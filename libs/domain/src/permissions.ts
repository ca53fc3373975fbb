/**
 * What a signed-in user may do, as the API names it (the GraphQL `Permission` enum, `User.permissions`).
 * The API decides (apps/api/src/access/permissions.ts gives each role its permissions); the web app
 * only hides what would be refused. One enum for both, so a permission added here reaches both.
 */
export enum Permission {
  /** Read employers, sites, wards and unions (shared workplace structure). */
  WORKPLACE_READ = 'WORKPLACE_READ',
  /** Create, change and delete employers, sites, wards and unions. */
  WORKPLACE_WRITE = 'WORKPLACE_WRITE',
  /** Read named people of one's organisation: contacts, memberships, rep roles. */
  PEOPLE_READ = 'PEOPLE_READ',
  /** Create, change and delete them. */
  PEOPLE_WRITE = 'PEOPLE_WRITE',
  /** See a person's personal phone and email (work details are visible to all who see the person). */
  PERSONAL_CONTACT_READ = 'PERSONAL_CONTACT_READ',
  /** Aggregate counts (headcount, members) without names. */
  AGGREGATES_READ = 'AGGREGATES_READ',
  /** Search the audit log of one's organisation. */
  AUDIT_READ = 'AUDIT_READ',
  /** Create users and give them roles and patches, in the branches one administers. */
  USERS_MANAGE = 'USERS_MANAGE',
  /** Change the organisation's lists (issue tags). */
  SETTINGS_MANAGE = 'SETTINGS_MANAGE',
  /**
   * Read cases: only those whose team the caller is on, or every case of a branch they are secretary or
   * admin of (the rule lives in the API's CaseDoor). Team members add notes with it (reps included).
   */
  CASES_READ = 'CASES_READ',
  /** Open cases in one's branches, and change, staff and link the cases one may change. */
  CASES_WRITE = 'CASES_WRITE',
  /** Whether a person one may see has an open case (existence only, never its content). */
  CASES_EXISTENCE_READ = 'CASES_EXISTENCE_READ',
  /** Create, change and delete the campaigns and actions of the branches one is secretary or admin of; set a branch's structure-test threshold. */
  CAMPAIGNS_MANAGE = 'CAMPAIGNS_MANAGE',
  /** Create, change and delete a branch's industrial-action ballots, and enter their official results. */
  BALLOTS_MANAGE = 'BALLOTS_MANAGE',
  /** Find likely duplicate contacts, merge two into one, undo a merge, in the branches one is secretary or admin of. */
  PEOPLE_MERGE = 'PEOPLE_MERGE',
  /** Own account. */
  SELF = 'SELF',
}
