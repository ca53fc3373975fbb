import { BALLOT_MEMBER_STATE_LABELS, BALLOT_QUESTION_LABELS, BallotMemberState } from '@rollcall/domain';

export const BALLOT_QUESTION_CHOICES = Object.entries(BALLOT_QUESTION_LABELS).map(([id, name]) => ({ id, name }));
export const BALLOT_STATE_CHOICES = Object.entries(BALLOT_MEMBER_STATE_LABELS).map(([id, name]) => ({ id, name }));

/** The one-tap states on a chase list, in the order a rep moves through them. */
export const CHASE_STATES: BallotMemberState[] = [
  BallotMemberState.NOT_CONTACTED, BallotMemberState.PLEDGED_YES, BallotMemberState.PLEDGED_NO, BallotMemberState.WONT_VOTE,
  BallotMemberState.PAPER_RECEIVED, BallotMemberState.NEEDS_REPLACEMENT_PAPER, BallotMemberState.VOTED,
];

/** Short labels for a phone's buttons. */
export const SHORT_STATE: Record<BallotMemberState, string> = {
  NOT_CONTACTED: 'Not yet',
  PLEDGED_YES: 'Yes',
  PLEDGED_NO: 'No',
  WONT_VOTE: 'Won’t vote',
  PAPER_RECEIVED: 'Has paper',
  NEEDS_REPLACEMENT_PAPER: 'New paper',
  VOTED: 'Voted',
};

export const PROBLEM_LABELS: Record<string, string> = {
  NO_CURRENT_WORKPLACE: 'No current workplace',
  NO_POSTAL_ADDRESS: 'No postal address',
  ADDRESS_NOT_CONFIRMED: 'Address not confirmed in 6 months',
};

/** A share as a percentage with one decimal, rounded down (libs/domain formatShare's rule). */
export function pct(share: number | null | undefined): string {
  if (share === null || share === undefined) return '—';
  return `${(Math.floor(share * 1000) / 10).toFixed(1)}%`;
}
