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
