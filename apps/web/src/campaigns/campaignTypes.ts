/** A campaign as the web app reads it (SELECTIONS.Campaign). */
export interface CampaignRecord {
  id: string;
  name: string;
  goal?: string | null;
  branchId: string;
  startDate: string;
  endDate?: string | null;
  joinByDate?: string | null;
  recruitmentTarget?: number | null;
  targetParticipants?: number | null;
  active: boolean;
  daysToJoinBy?: number | null;
  targetGroup?: { description: string } | null;
  numbers?: { actions: number; participants: number | null; pledged: number | null; targetParticipants: number | null; shareOfGoal: number | null; suppressed: boolean } | null;
}

/** An action of a campaign. */
export interface ActionRecord {
  id: string;
  campaignId: string;
  kind: string;
  title: string;
  date: string;
  wardId?: string | null;
  siteId?: string | null;
  online: boolean;
  isStructureTest: boolean;
  notes?: string | null;
  campaign?: { id: string; name: string; branchId: string } | null;
  ward?: { id: string; name: string } | null;
  site?: { id: string; name: string } | null;
}

/** One ward's structure-test result. */
export interface StructureTestWard {
  id: string;
  ward?: { name: string } | null;
  headcount: number | null;
  members: number | null;
  participants: number | null;
  shareOfHeadcount: number | null;
  shareOfMembers: number | null;
  meetsThreshold: boolean;
  suppressed: boolean;
}

export interface StructureTestResult {
  id: string;
  thresholdPercent: number;
  wardsMeeting: number;
  wards: StructureTestWard[];
  total: { headcount: number | null; participants: number | null; shareOfHeadcount: number | null; suppressed: boolean };
}

/** The countdown to a join-by date, in words. */
export function countdown(days: number | null | undefined): string | null {
  if (days === null || days === undefined) return null;
  if (days > 1) return `${days} days to join by the cut-off`;
  if (days === 1) return '1 day to join by the cut-off';
  if (days === 0) return 'Last day to join before the cut-off';
  return 'The cut-off has passed';
}

/** A share (0 to 1) as a whole percentage, or a dash. */
export const percent = (share: number | null | undefined): string => (share === null || share === undefined ? '—' : `${Math.round(share * 100)}%`);

/** A campaign's recruitment drive (CAMPAIGN_DOCUMENTS.campaignRecruitment); null figures are withheld. */
export interface CampaignRecruitment {
  id: string;
  joinByDate: string | null;
  daysToJoinBy: number | null;
  recruitmentTarget: number | null;
  joinersSinceStart: number | null;
  nonMembers: number | null;
  shareOfTarget: number | null;
  suppressed: boolean;
  byWard: { wardId: string; wardName: string; siteId: string; siteName: string; joiners: number | null; nonMembers: number | null; suppressed: boolean }[];
  byRepPatch: { repUserId: string; repName: string; joiners: number; nonMembers: number }[];
  leaderboard: { id: string | null; kind: 'CONTACT' | 'USER'; name: string | null; recruits: number | null }[];
}

/** Someone to ask to join. */
export interface PersonToAsk {
  id: string;
  fullName: string;
  wardId: string | null;
  wardName: string | null;
  siteId: string | null;
  assessment: number | null;
  lastConversationAt: string | null;
}

export interface PeopleToAsk {
  total: number;
  people: PersonToAsk[];
}

const JOIN_BY_DAY = new Intl.DateTimeFormat('en-GB', { weekday: 'short', day: 'numeric', month: 'short', timeZone: 'UTC' });

/** "12 days to join by Fri 23 Oct", "Last day to join: Fri 23 Oct", "The cut-off (Fri 23 Oct) has passed". */
export function joinByCountdown(days: number | null | undefined, joinByDate: string | null | undefined): string | null {
  if (days === null || days === undefined || !joinByDate) return null;
  const day = JOIN_BY_DAY.format(new Date(`${joinByDate}T00:00:00Z`)).replace(',', '');
  if (days > 1) return `${days} days to join by ${day}`;
  if (days === 1) return `1 day to join by ${day}`;
  if (days === 0) return `Last day to join: ${day}`;
  return `The cut-off (${day}) has passed`;
}
