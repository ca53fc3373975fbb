import { type Grade, gradeLabel } from './grades.js';
import { STAFF_GROUP_LABELS, type StaffGroup } from './workplace.js';

/**
 * A group of staff picked by where they work and what they do: a campaign's target group, a ballot's
 * eligible group. Each list narrows the group (an empty list does not narrow it); within a list any
 * one entry matches. Wards and sites are matched through a person's posting, employers, staff groups
 * and grades through their record. The whole organisation's staff (as far as the reader may see) is
 * the group with every list empty.
 */
export interface TargetGroup {
  employerIds: readonly string[];
  siteIds: readonly string[];
  wardIds: readonly string[];
  staffGroups: readonly StaffGroup[];
  grades: readonly Grade[];
}

export const EVERYONE: TargetGroup = { employerIds: [], siteIds: [], wardIds: [], staffGroups: [], grades: [] };

/** A group with each list sorted and without repeats (what is stored, so equal groups compare equal). */
export function normaliseTargetGroup(group: Partial<TargetGroup> | null | undefined): TargetGroup {
  const tidy = <T extends string>(list: readonly T[] | null | undefined): T[] => [...new Set(list ?? [])].sort();
  return {
    employerIds: tidy(group?.employerIds), siteIds: tidy(group?.siteIds), wardIds: tidy(group?.wardIds),
    staffGroups: tidy(group?.staffGroups), grades: tidy(group?.grades),
  };
}

/** Whether the group narrows nothing: everyone the reader may see. */
export function isEveryone(group: TargetGroup): boolean {
  return Object.values(group).every((list: readonly string[]) => list.length === 0);
}

/** The names of the places a group names, for describing it (an unknown id shows as "a ward" and so on). */
export interface TargetGroupNames {
  employers?: ReadonlyMap<string, string>;
  sites?: ReadonlyMap<string, string>;
  wards?: ReadonlyMap<string, string>;
}

/**
 * The group in words, narrowest first: "Nursing and Midwifery Registered; Band 5 or Band 6; on Ward 7B
 * or Ward 9" (with up to three names per list, then "and 2 more"); "Everyone" when it narrows nothing.
 */
export function describeTargetGroup(group: TargetGroup, names: TargetGroupNames = {}): string {
  if (isEveryone(group)) return 'Everyone';
  const list = (items: readonly string[]): string =>
    items.length <= 3 ? joinOr(items) : `${items.slice(0, 3).join(', ')} and ${items.length - 3} more`;
  const named = (ids: readonly string[], map: ReadonlyMap<string, string> | undefined, what: string) =>
    list(ids.map((id) => map?.get(id) ?? `a ${what}`));
  return [
    group.staffGroups.length ? list(group.staffGroups.map((g) => STAFF_GROUP_LABELS[g])) : null,
    group.grades.length ? list(group.grades.map(gradeLabel)) : null,
    group.wardIds.length ? `on ${named(group.wardIds, names.wards, 'ward')}` : null,
    group.siteIds.length ? `at ${named(group.siteIds, names.sites, 'site')}` : null,
    group.employerIds.length ? `employed by ${named(group.employerIds, names.employers, 'trust')}` : null,
  ].filter(Boolean).join('; ');
}

function joinOr(items: readonly string[]): string {
  return items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} or ${items[items.length - 1]}`;
}
