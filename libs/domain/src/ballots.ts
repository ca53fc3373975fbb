/**
 * Industrial-action ballots (DOMAIN.md "Ballot readiness"). The law moves, so thresholds are dated
 * rule sets chosen by the date the ballot opened — "opened" meaning the first day a voting paper is
 * sent to anyone entitled to vote (Trade Union Act 2016 s.2(3), s.3(3)).
 *
 * Trade Union and Labour Relations (Consolidation) Act 1992 s.226(2), as amended:
 * - the majority of those voting must answer "Yes";
 * - from 1 March 2017 (Trade Union Act 2016 s.2) at least 50 % of those entitled to vote must vote;
 * - from 1 March 2017 (TUA 2016 s.3), where most of those entitled are normally engaged in important
 *   public services, at least 40 % of all those entitled must vote "Yes" (s.226(2B)–(2C));
 * - the mandate lasts 6 months beginning with the date of the ballot (its last voting day), or up to
 *   9 months if the employer agrees (s.234).
 * The Employment Rights Act 2025 (Royal Assent 18 December 2025) removed the 40 % rule and made the
 * mandate 12 months for ballots opened on or after 18 February 2026; the 50 % turnout rule stays
 * until electronic balloting starts — when it goes, add a rule set here, do not edit these.
 *
 * All comparisons are exact integer arithmetic: 50 of 100 is 50 % and passes; 49 of 99 does not.
 */
import { compareIsoDates, type IsoDate, lastDayOfMonthsBeginningWith, parseIsoDate } from './dates.js';
import { MembershipStatus } from './membership.js';

export interface BallotRuleSet {
  id: string;
  name: string;
  legislation: string;
  /** Ballots opened on or after this date… */
  appliesToBallotsOpenedFrom: IsoDate;
  /** …and before this one (null: still in force). */
  appliesToBallotsOpenedBefore: IsoDate | null;
  /** Votes cast must be at least this percentage of those entitled to vote (null: no turnout rule). */
  minTurnoutPercent: number | null;
  /** In important public services, "Yes" votes must be at least this percentage of those entitled (null: no such rule). */
  importantPublicServiceYesPercent: number | null;
  /** The mandate lasts this many months beginning with the date of the ballot (its last voting day). */
  mandateMonths: number;
  /** The longest mandate the employer may agree to (null: no longer period by agreement is modelled). */
  mandateMaxMonthsByAgreement: number | null;
}

export const TRADE_UNION_ACT_2016_FROM: IsoDate = '2017-03-01';
export const EMPLOYMENT_RIGHTS_ACT_2025_BALLOTS_FROM: IsoDate = '2026-02-18';

export const BALLOT_RULE_SETS: readonly BallotRuleSet[] = [
  {
    id: 'TUA2016',
    name: 'Trade Union Act 2016',
    legislation: 'TULRCA 1992 s.226(2)–(2F) and s.234 as amended by the Trade Union Act 2016 ss.2, 3 and 9',
    appliesToBallotsOpenedFrom: TRADE_UNION_ACT_2016_FROM,
    appliesToBallotsOpenedBefore: EMPLOYMENT_RIGHTS_ACT_2025_BALLOTS_FROM,
    minTurnoutPercent: 50,
    importantPublicServiceYesPercent: 40,
    mandateMonths: 6,
    mandateMaxMonthsByAgreement: 9,
  },
  {
    id: 'ERA2025',
    name: 'Employment Rights Act 2025',
    legislation: 'TULRCA 1992 as amended by the Employment Rights Act 2025 (40 % rule repealed; 12-month mandate)',
    appliesToBallotsOpenedFrom: EMPLOYMENT_RIGHTS_ACT_2025_BALLOTS_FROM,
    appliesToBallotsOpenedBefore: null,
    minTurnoutPercent: 50,
    importantPublicServiceYesPercent: null,
    mandateMonths: 12,
    mandateMaxMonthsByAgreement: null,
  },
];

/** The rule set for a ballot opened on `openingDate`. Throws RangeError before 1 March 2017 (not modelled). */
export function ruleSetFor(openingDate: IsoDate, ruleSets: readonly BallotRuleSet[] = BALLOT_RULE_SETS): BallotRuleSet {
  parseIsoDate(openingDate);
  const found = ruleSets.find(
    (r) => compareIsoDates(openingDate, r.appliesToBallotsOpenedFrom) >= 0
      && (r.appliesToBallotsOpenedBefore === null || compareIsoDates(openingDate, r.appliesToBallotsOpenedBefore) < 0),
  );
  if (!found) throw new RangeError(`No ballot rule set covers a ballot opened on ${openingDate}`);
  return found;
}

/** Same as ruleSetFor, under a name that reads well next to the tribunal rule sets. */
export const ballotRuleSetFor = ruleSetFor;

/** The last day of the mandate of a ballot whose last voting day was `ballotDate`. */
export function mandateExpires(ballotDate: IsoDate, ruleSet: BallotRuleSet, agreedMonths?: number): IsoDate {
  let months = ruleSet.mandateMonths;
  if (agreedMonths !== undefined) {
    const max = ruleSet.mandateMaxMonthsByAgreement;
    if (!Number.isInteger(agreedMonths) || agreedMonths < ruleSet.mandateMonths || max === null || agreedMonths > max) {
      throw new RangeError(
        max === null
          ? `${ruleSet.name}: no longer mandate by agreement`
          : `${ruleSet.name}: an agreed mandate must be ${ruleSet.mandateMonths}–${max} months`,
      );
    }
    months = agreedMonths;
  }
  return lastDayOfMonthsBeginningWith(ballotDate, months);
}

/**
 * Health services that count as "important public services" (Important Public Services (Health)
 * Regulations 2017): only these, not the whole NHS.
 */
export enum HealthImportantPublicService {
  ACCIDENT_AND_EMERGENCY = 'ACCIDENT_AND_EMERGENCY',
  AMBULANCE = 'AMBULANCE',
  INTENSIVE_OR_HIGH_DEPENDENCY_CARE = 'INTENSIVE_OR_HIGH_DEPENDENCY_CARE',
  URGENT_PSYCHIATRIC = 'URGENT_PSYCHIATRIC',
  OBSTETRICS_MIDWIFERY = 'OBSTETRICS_MIDWIFERY',
}

export const HEALTH_IMPORTANT_PUBLIC_SERVICE_LABELS: Record<HealthImportantPublicService, string> = {
  [HealthImportantPublicService.ACCIDENT_AND_EMERGENCY]: 'Accident and emergency',
  [HealthImportantPublicService.AMBULANCE]: 'Ambulance services',
  [HealthImportantPublicService.INTENSIVE_OR_HIGH_DEPENDENCY_CARE]: 'Intensive care and high-dependency care',
  [HealthImportantPublicService.URGENT_PSYCHIATRIC]: 'Psychiatric services for urgent admissions',
  [HealthImportantPublicService.OBSTETRICS_MIDWIFERY]: 'Obstetrics and midwifery',
};

/**
 * s.226(2B): the 40 % rule applies where the majority of those entitled to vote are normally engaged
 * in important public services (strictly more than half).
 */
export function isImportantPublicServiceBallot(entitled: number, engagedInImportantPublicServices: number): boolean {
  assertCount(entitled, 'entitled');
  assertCount(engagedInImportantPublicServices, 'engagedInImportantPublicServices');
  if (engagedInImportantPublicServices > entitled) throw new RangeError('More people in important public services than entitled to vote');
  return engagedInImportantPublicServices * 2 > entitled;
}

function assertCount(n: number, what: string): void {
  if (!Number.isInteger(n) || n < 0) throw new RangeError(`${what} must be a whole number ≥ 0 (got ${n})`);
}

/** Smallest whole number of people that is at least `percent` % of `of`. */
export function minimumCount(of: number, percent: number): number {
  assertCount(of, 'count');
  if (!Number.isInteger(percent) || percent < 0 || percent > 100) throw new RangeError(`percent must be 0–100 (got ${percent})`);
  return Math.ceil((of * percent) / 100);
}

/** True when `part` is at least `percent` % of `whole` (exact: no floating-point rounding). */
function atLeastPercent(part: number, whole: number, percent: number): boolean {
  return part * 100 >= whole * percent;
}

/** A ratio as a percentage with one decimal, rounded down so a failing 49.96 % never shows as "50.0%". */
export function formatShare(part: number, whole: number): string {
  if (whole === 0) return '—';
  return `${(Math.floor((part * 1000) / whole) / 10).toFixed(1)}%`;
}

export interface BallotResultInput {
  entitled: number;
  /** Votes cast (counted votes, as the scrutineer reports them; spoiled papers excluded). */
  votesCast: number;
  yes: number;
  /** "No" votes; defaults to votesCast − yes. */
  no?: number;
  /** Most of those entitled are normally engaged in important public services (see isImportantPublicServiceBallot). */
  importantPublicService: boolean;
  openingDate: IsoDate;
  ruleSets?: readonly BallotRuleSet[];
}

export type BallotFailure = 'MAJORITY' | 'TURNOUT' | 'IMPORTANT_PUBLIC_SERVICE_YES';

export interface BallotEvaluation {
  valid: boolean;
  ruleSet: BallotRuleSet;
  /** votesCast ÷ entitled. */
  turnout: number;
  /** yes ÷ entitled. */
  yesShareOfEntitled: number;
  /** yes ÷ (yes + no), or null when nobody voted. */
  yesShareOfVotes: number | null;
  majorityYes: boolean;
  /** null when the rule set has no turnout rule. */
  turnoutMet: boolean | null;
  /** null when the 40 % rule does not apply (not an important public service, or repealed). */
  importantPublicServiceYesMet: boolean | null;
  /** Votes needed for the turnout rule (null: no rule). */
  requiredVotes: number | null;
  /** Yes votes needed for the 40 % rule (null: does not apply). */
  requiredYes: number | null;
  failures: BallotFailure[];
  /** Why it failed, in plain English (empty when valid). */
  reasons: string[];
}

/** Whether a ballot result gives a lawful mandate under the rule set for its opening date. */
export function evaluateBallot(input: BallotResultInput): BallotEvaluation {
  const { entitled, votesCast, yes, importantPublicService, openingDate } = input;
  assertCount(entitled, 'entitled');
  assertCount(votesCast, 'votesCast');
  assertCount(yes, 'yes');
  if (entitled === 0) throw new RangeError('A ballot needs at least one person entitled to vote');
  if (votesCast > entitled) throw new RangeError(`votesCast (${votesCast}) exceeds entitled (${entitled})`);
  if (yes > votesCast) throw new RangeError(`yes (${yes}) exceeds votesCast (${votesCast})`);
  const no = input.no ?? votesCast - yes;
  assertCount(no, 'no');
  if (yes + no > votesCast) throw new RangeError(`yes + no (${yes + no}) exceeds votesCast (${votesCast})`);
  const ruleSet = ruleSetFor(openingDate, input.ruleSets);

  const failures: BallotFailure[] = [];
  const reasons: string[] = [];
  const majorityYes = yes > no;
  if (!majorityYes) {
    failures.push('MAJORITY');
    reasons.push(`No majority for action: ${yes} Yes against ${no} No.`);
  }
  let turnoutMet: boolean | null = null;
  let requiredVotes: number | null = null;
  if (ruleSet.minTurnoutPercent !== null) {
    requiredVotes = minimumCount(entitled, ruleSet.minTurnoutPercent);
    turnoutMet = atLeastPercent(votesCast, entitled, ruleSet.minTurnoutPercent);
    if (!turnoutMet) {
      failures.push('TURNOUT');
      reasons.push(
        `Turnout ${formatShare(votesCast, entitled)} (${votesCast} of ${entitled}) is below the ${ruleSet.minTurnoutPercent}% required `
        + `(${requiredVotes} votes; ${requiredVotes - votesCast} short).`,
      );
    }
  }
  let importantPublicServiceYesMet: boolean | null = null;
  let requiredYes: number | null = null;
  if (importantPublicService && ruleSet.importantPublicServiceYesPercent !== null) {
    requiredYes = minimumCount(entitled, ruleSet.importantPublicServiceYesPercent);
    importantPublicServiceYesMet = atLeastPercent(yes, entitled, ruleSet.importantPublicServiceYesPercent);
    if (!importantPublicServiceYesMet) {
      failures.push('IMPORTANT_PUBLIC_SERVICE_YES');
      reasons.push(
        `Yes votes are ${formatShare(yes, entitled)} of those entitled (${yes} of ${entitled}); important public services need `
        + `${ruleSet.importantPublicServiceYesPercent}% (${requiredYes}; ${requiredYes - yes} short).`,
      );
    }
  }
  return {
    valid: failures.length === 0,
    ruleSet,
    turnout: votesCast / entitled,
    yesShareOfEntitled: yes / entitled,
    yesShareOfVotes: yes + no === 0 ? null : yes / (yes + no),
    majorityYes,
    turnoutMet,
    importantPublicServiceYesMet,
    requiredVotes,
    requiredYes,
    failures,
    reasons,
  };
}

export interface TurnoutProjectionInput {
  entitled: number;
  /** Ballot papers already returned (voted). */
  returned: number;
  /** Members who have pledged to vote but have not yet returned their paper. */
  pledged?: number;
  /** Of those returned, how many are known or believed to be Yes (for the 40 % rule). */
  returnedYes?: number;
  /** Of those pledged, how many pledged Yes. */
  pledgedYes?: number;
  importantPublicService?: boolean;
  openingDate: IsoDate;
  ruleSets?: readonly BallotRuleSet[];
}

export interface TurnoutProjection {
  ruleSet: BallotRuleSet;
  /** Votes needed in total for the turnout rule (null: no rule). */
  requiredVotes: number | null;
  /** More votes still needed beyond those returned (0 when already met). */
  votesNeeded: number;
  turnoutSoFar: number;
  /** returned + pledged. */
  projectedVotes: number;
  projectedTurnout: number;
  /** Votes still needed if every pledge is kept (0 when the pledges are enough). */
  shortfallAfterPledges: number;
  /** Whether returned + pledged reaches the turnout rule. */
  onTrack: boolean;
  /** Yes votes needed in total for the 40 % rule (null: does not apply). */
  requiredYes: number | null;
  /** More Yes votes needed beyond returnedYes (null: does not apply). */
  yesNeeded: number | null;
  /** More Yes votes needed if every Yes pledge is kept (null: does not apply). */
  yesShortfallAfterPledges: number | null;
}

/**
 * How far a live ballot is from its thresholds: with `returned` papers in and `pledged` more
 * promised, how many more votes (and, in important public services before 18 Feb 2026, Yes votes)
 * are needed. Pledges are counted at face value; discount them before passing them in.
 */
export function projectTurnout(input: TurnoutProjectionInput): TurnoutProjection {
  const { entitled, returned, openingDate } = input;
  const pledged = input.pledged ?? 0;
  const returnedYes = input.returnedYes ?? 0;
  const pledgedYes = input.pledgedYes ?? 0;
  for (const [value, name] of [[entitled, 'entitled'], [returned, 'returned'], [pledged, 'pledged'],
    [returnedYes, 'returnedYes'], [pledgedYes, 'pledgedYes']] as const) assertCount(value, name);
  if (entitled === 0) throw new RangeError('A ballot needs at least one person entitled to vote');
  if (returned + pledged > entitled) throw new RangeError(`returned + pledged (${returned + pledged}) exceeds entitled (${entitled})`);
  if (returnedYes > returned) throw new RangeError('returnedYes exceeds returned');
  if (pledgedYes > pledged) throw new RangeError('pledgedYes exceeds pledged');
  const ruleSet = ruleSetFor(openingDate, input.ruleSets);

  const requiredVotes = ruleSet.minTurnoutPercent === null ? null : minimumCount(entitled, ruleSet.minTurnoutPercent);
  const projectedVotes = returned + pledged;
  const votesNeeded = requiredVotes === null ? 0 : Math.max(0, requiredVotes - returned);
  const shortfallAfterPledges = requiredVotes === null ? 0 : Math.max(0, requiredVotes - projectedVotes);

  const ips = input.importantPublicService === true && ruleSet.importantPublicServiceYesPercent !== null;
  const requiredYes = ips ? minimumCount(entitled, ruleSet.importantPublicServiceYesPercent as number) : null;
  const yesNeeded = requiredYes === null ? null : Math.max(0, requiredYes - returnedYes);
  const yesShortfallAfterPledges = requiredYes === null ? null : Math.max(0, requiredYes - returnedYes - pledgedYes);

  return {
    ruleSet,
    requiredVotes,
    votesNeeded,
    turnoutSoFar: returned / entitled,
    projectedVotes,
    projectedTurnout: projectedVotes / entitled,
    shortfallAfterPledges,
    onTrack: shortfallAfterPledges === 0 && (yesShortfallAfterPledges === null || yesShortfallAfterPledges === 0),
    requiredYes,
    yesNeeded,
    yesShortfallAfterPledges,
  };
}

/** The question(s) an industrial-action ballot asks (one or both, TULRCA 1992 s.229(2)). */
export enum BallotQuestion {
  STRIKE = 'STRIKE',
  ACTION_SHORT_OF_STRIKE = 'ACTION_SHORT_OF_STRIKE',
}

export const BALLOT_QUESTION_LABELS: Record<BallotQuestion, string> = {
  [BallotQuestion.STRIKE]: 'Strike action',
  [BallotQuestion.ACTION_SHORT_OF_STRIKE]: 'Action short of a strike',
};

/** A postal address not confirmed within this many months is a readiness problem (out-of-date addresses cost votes). */
export const BALLOT_ADDRESS_CONFIRMED_MONTHS = 6;

/** Where each eligible member stands in a ballot, as reps track it ward by ward. */
export enum BallotMemberState {
  NOT_CONTACTED = 'NOT_CONTACTED',
  PLEDGED_YES = 'PLEDGED_YES',
  PLEDGED_NO = 'PLEDGED_NO',
  WONT_VOTE = 'WONT_VOTE',
  PAPER_RECEIVED = 'PAPER_RECEIVED',
  VOTED = 'VOTED',
  NEEDS_REPLACEMENT_PAPER = 'NEEDS_REPLACEMENT_PAPER',
}

export const BALLOT_MEMBER_STATE_LABELS: Record<BallotMemberState, string> = {
  [BallotMemberState.NOT_CONTACTED]: 'Not contacted',
  [BallotMemberState.PLEDGED_YES]: 'Pledged yes',
  [BallotMemberState.PLEDGED_NO]: 'Pledged no',
  [BallotMemberState.WONT_VOTE]: 'Won’t vote',
  [BallotMemberState.PAPER_RECEIVED]: 'Ballot paper received',
  [BallotMemberState.VOTED]: 'Voted',
  [BallotMemberState.NEEDS_REPLACEMENT_PAPER]: 'Needs a replacement paper',
};

export interface BallotStateSummary {
  total: number;
  byState: Record<BallotMemberState, number>;
  /** VOTED. */
  returned: number;
  /** PLEDGED_YES + PLEDGED_NO: a pledged No still counts towards turnout. */
  pledged: number;
  pledgedYes: number;
  /** Contacted at all (anything but NOT_CONTACTED). */
  contacted: number;
}

/** Counts members' ballot states, ready for projectTurnout ({ entitled: total, returned, pledged, pledgedYes }). */
export function summariseBallotStates(states: readonly BallotMemberState[]): BallotStateSummary {
  const byState = Object.fromEntries(Object.values(BallotMemberState).map((s) => [s, 0])) as Record<BallotMemberState, number>;
  for (const s of states) {
    if (!(s in byState)) throw new RangeError(`Unknown ballot state: ${String(s)}`);
    byState[s]++;
  }
  return {
    total: states.length,
    byState,
    returned: byState.VOTED,
    pledged: byState.PLEDGED_YES + byState.PLEDGED_NO,
    pledgedYes: byState.PLEDGED_YES,
    contacted: states.length - byState.NOT_CONTACTED,
  };
}

export type BallotEligibilityProblem =
  | 'NOT_A_MEMBER' | 'JOIN_DATE_UNKNOWN' | 'JOINED_AFTER_CUTOFF' | 'LEFT_BEFORE_CUTOFF' | 'NO_CURRENT_WORKPLACE'
  | 'NO_POSTAL_ADDRESS';

export interface BallotEligibilityInput {
  status: MembershipStatus;
  joinDate: IsoDate | null;
  leaveDate: IsoDate | null;
  hasCurrentWorkplace: boolean;
  hasPostalAddress: boolean;
}

/**
 * Eligible = a member at the cut-off date ("if you are not a member by Friday 23rd October you
 * cannot vote": joined on or before it, not left by it), with a current workplace and a postal
 * address. A member who has lapsed since the cut-off (leave date after it) was still a member then.
 * A leave date is the first day no longer a member, as in countsAsMember.
 */
export function ballotEligibility(
  member: BallotEligibilityInput, cutoff: IsoDate,
): { eligible: boolean; problems: BallotEligibilityProblem[] } {
  parseIsoDate(cutoff);
  const problems: BallotEligibilityProblem[] = [];
  const leftAfterCutoff = member.leaveDate !== null && compareIsoDates(member.leaveDate, cutoff) > 0;
  const memberStatus = member.status === MembershipStatus.MEMBER
    || (member.status === MembershipStatus.LAPSED && leftAfterCutoff);
  if (!memberStatus) problems.push('NOT_A_MEMBER');
  else {
    if (member.joinDate === null) problems.push('JOIN_DATE_UNKNOWN');
    else if (compareIsoDates(member.joinDate, cutoff) > 0) problems.push('JOINED_AFTER_CUTOFF');
    if (member.leaveDate !== null && !leftAfterCutoff) problems.push('LEFT_BEFORE_CUTOFF');
  }
  if (!member.hasCurrentWorkplace) problems.push('NO_CURRENT_WORKPLACE');
  if (!member.hasPostalAddress) problems.push('NO_POSTAL_ADDRESS');
  return { eligible: problems.length === 0, problems };
}
