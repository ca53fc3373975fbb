import { readsWholeBranch } from '../session';

export interface PatchName {
  /** The menu item and the page's heading. */
  title: string;
  /** The list of ward cards. */
  wards: string;
  /** "Could not load …", "Loading …". */
  what: string;
  /** What an empty page says. */
  empty: { title: string; explanation: string };
}

/**
 * What the "patch" page is to the signed-in user, in their words: a rep's own patch, or — for a
 * secretary, admin or caseworker, who read the whole branch — the branch's wards (calling the whole
 * branch "My patch" misleads).
 */
export function patchName(wholeBranch = readsWholeBranch()): PatchName {
  return wholeBranch
    ? {
        title: 'Branch wards', wards: 'Wards of my branch', what: "your branch's wards",
        empty: { title: 'No staff on your branch yet', explanation: 'Wards appear here once people are posted to them (import a staff list, or add contacts).' },
      }
    : {
        title: 'My patch', wards: 'Wards on my patch', what: 'your patch',
        empty: { title: 'No wards on your patch yet', explanation: 'Your patch is the sites your branch gave you: ask your branch admin to add them to your account.' },
      };
}
