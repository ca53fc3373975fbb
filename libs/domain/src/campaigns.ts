import { daysBetween, type IsoDate } from './dates.js';
import { isDisclosive, MIN_CELL_SIZE } from './density.js';

/** What an action of a campaign is (DOMAIN.md "Organising"). */
export enum ActionKind {
  MEETING = 'MEETING',
  PETITION = 'PETITION',
  RALLY = 'RALLY',
  PICKET = 'PICKET',
  BADGE_OR_PHOTO_DAY = 'BADGE_OR_PHOTO_DAY',
  SURVEY = 'SURVEY',
  OTHER = 'OTHER',
}

export const ACTION_KIND_LABELS: Record<ActionKind, string> = {
  [ActionKind.MEETING]: 'Meeting',
  [ActionKind.PETITION]: 'Petition',
  [ActionKind.RALLY]: 'Rally',
  [ActionKind.PICKET]: 'Picket',
  [ActionKind.BADGE_OR_PHOTO_DAY]: 'Badge or photo day',
  [ActionKind.SURVEY]: 'Survey',
  [ActionKind.OTHER]: 'Other',
};

/** Where a contact stands with one action: one state per person and action, the latest recorded wins. */
export enum ParticipationState {
  INVITED = 'INVITED',
  PLEDGED = 'PLEDGED',
  ATTENDED_OR_SIGNED = 'ATTENDED_OR_SIGNED',
}

export const PARTICIPATION_STATE_LABELS: Record<ParticipationState, string> = {
  [ParticipationState.INVITED]: 'Invited',
  [ParticipationState.PLEDGED]: 'Pledged',
  [ParticipationState.ATTENDED_OR_SIGNED]: 'Came / signed',
};

/** The most entries one bulk record of participation takes (a ward's list, or a petition's sheet). */
export const MAX_PARTICIPATION_ENTRIES = 500;

/** A branch's structure-test threshold when it has set none: a majority. */
export const DEFAULT_STRUCTURE_TEST_THRESHOLD = 50;

/** Whole days from `today` to a join-by date: 0 on the day, negative once it has passed; null without one. */
export function daysToJoinBy(joinBy: IsoDate | null | undefined, today: IsoDate): number | null {
  return joinBy ? daysBetween(today, joinBy) : null;
}

/** Whether a campaign runs on `today`: started, and not yet ended (an end date is its last day). */
export function campaignActive(startDate: IsoDate, endDate: IsoDate | null, today: IsoDate): boolean {
  return startDate <= today && (endDate === null || endDate >= today);
}

/** Part of a whole as a fraction from 0 to 1, or null where the whole is nobody. */
export function shareOf(part: number, whole: number): number | null {
  return whole > 0 ? part / whole : null;
}

/** Whether a share reaches a threshold given in percent (50 means half or more). */
export function meetsThreshold(share: number | null, thresholdPercent: number): boolean {
  return share !== null && share * 100 >= thresholdPercent;
}

/** One ward's structure-test counts: its headcount and, among them, members and participants. */
export interface StructureTestCell<K = string> {
  key: K;
  headcount: number;
  members: number;
  participants: number;
}

/**
 * Which cells of a structure test an aggregate-only audience (coalition partners) may not see: a
 * cell is withheld when its participants or its members, set against its headcount, would disclose
 * people (isDisclosive, the density rule); then the smallest other cells are withheld too until
 * neither the withheld cells' participants nor their members, taken together, can be worked out to
 * a disclosive figure from the total. Returns the withheld keys, and whether the total is withheld.
 */
export function structureTestSuppression<K>(cells: readonly StructureTestCell<K>[], minCell: number = MIN_CELL_SIZE): { withheld: Set<K>; totalWithheld: boolean } {
  const sum = (list: readonly StructureTestCell<K>[]) => list.reduce(
    (t, c) => ({ headcount: t.headcount + c.headcount, members: t.members + c.members, participants: t.participants + c.participants }),
    { headcount: 0, members: 0, participants: 0 },
  );
  const disclosive = (c: Omit<StructureTestCell<K>, 'key'>) =>
    isDisclosive(c.members, c.headcount, minCell) || isDisclosive(c.participants, c.headcount, minCell);
  const total = sum(cells);
  const totalWithheld = disclosive(total);
  const withheld = new Set(cells.filter((c) => disclosive(c)).map((c) => c.key));
  if (totalWithheld) return { withheld: new Set(cells.map((c) => c.key)), totalWithheld };
  for (;;) {
    const hidden = cells.filter((c) => withheld.has(c.key));
    if (!hidden.length || !disclosive(sum(hidden))) break;
    const open = cells.filter((c) => !withheld.has(c.key) && c.headcount > 0).sort((a, b) => a.headcount - b.headcount);
    if (!open.length) break;
    withheld.add(open[0].key);
  }
  return { withheld, totalWithheld };
}
