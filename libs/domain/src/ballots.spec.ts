import {
  BALLOT_MEMBER_STATE_LABELS, BALLOT_RULE_SETS, ballotEligibility, BallotMemberState, ballotRuleSetFor, evaluateBallot,
  formatShare, HEALTH_IMPORTANT_PUBLIC_SERVICE_LABELS, HealthImportantPublicService, isImportantPublicServiceBallot,
  mandateExpires, minimumCount, projectTurnout, ruleSetFor, summariseBallotStates,
} from './ballots.js';
import { MembershipStatus } from './membership.js';

const TUA = '2024-05-01'; // a ballot opened under the Trade Union Act 2016 rules
const ERA = '2026-03-01'; // a ballot opened under the Employment Rights Act 2025 rules

describe('ballot rule sets (dated data)', () => {
  it('run from 1 March 2017 and change on 18 February 2026 with no gap', () => {
    expect(BALLOT_RULE_SETS.map((r) => [r.id, r.appliesToBallotsOpenedFrom, r.appliesToBallotsOpenedBefore])).toEqual([
      ['TUA2016', '2017-03-01', '2026-02-18'],
      ['ERA2025', '2026-02-18', null],
    ]);
  });

  it('TUA 2016: 50 % turnout, 40 % yes in important public services, 6-month mandate (9 by agreement)', () => {
    expect(ruleSetFor('2017-03-01')).toMatchObject({
      minTurnoutPercent: 50, importantPublicServiceYesPercent: 40, mandateMonths: 6, mandateMaxMonthsByAgreement: 9,
    });
    expect(ruleSetFor('2026-02-17').id).toBe('TUA2016');
  });

  it('ERA 2025: the 50 % turnout rule stays, the 40 % rule goes, the mandate is 12 months', () => {
    expect(ruleSetFor('2026-02-18')).toMatchObject({
      id: 'ERA2025', minTurnoutPercent: 50, importantPublicServiceYesPercent: null, mandateMonths: 12,
    });
    expect(ruleSetFor('2030-01-01').id).toBe('ERA2025');
  });

  it('refuses ballots before 1 March 2017 and bad dates', () => {
    expect(() => ruleSetFor('2017-02-28')).toThrow(RangeError);
    expect(() => ruleSetFor('2026-02-30')).toThrow(RangeError);
  });

  it('can be given other rule sets, and has an alias', () => {
    const custom = [{ ...BALLOT_RULE_SETS[1], id: 'E_BALLOT', appliesToBallotsOpenedFrom: '2017-03-01', minTurnoutPercent: null }];
    expect(ruleSetFor('2020-01-01', custom).id).toBe('E_BALLOT');
    expect(ballotRuleSetFor).toBe(ruleSetFor);
  });
});

describe('mandateExpires', () => {
  it('is 6 months beginning with the date of the ballot under TUA 2016', () => {
    expect(mandateExpires('2024-01-15', ruleSetFor(TUA))).toBe('2024-07-14');
    expect(mandateExpires('2024-08-31', ruleSetFor(TUA))).toBe('2025-02-28');
  });
  it('may be agreed up to 9 months under TUA 2016', () => {
    expect(mandateExpires('2024-01-15', ruleSetFor(TUA), 9)).toBe('2024-10-14');
    expect(mandateExpires('2024-01-15', ruleSetFor(TUA), 6)).toBe('2024-07-14');
    expect(() => mandateExpires('2024-01-15', ruleSetFor(TUA), 10)).toThrow(RangeError);
    expect(() => mandateExpires('2024-01-15', ruleSetFor(TUA), 5)).toThrow(RangeError);
    expect(() => mandateExpires('2024-01-15', ruleSetFor(TUA), 7.5)).toThrow(RangeError);
  });
  it('is 12 months under ERA 2025, with no agreed extension modelled', () => {
    expect(mandateExpires('2026-03-31', ruleSetFor(ERA))).toBe('2027-03-30');
    expect(() => mandateExpires('2026-03-31', ruleSetFor(ERA), 12)).toThrow(RangeError);
  });
});

describe('important public services', () => {
  it('lists the five health services, labelled', () => {
    expect(Object.values(HealthImportantPublicService)).toHaveLength(5);
    for (const s of Object.values(HealthImportantPublicService)) expect(HEALTH_IMPORTANT_PUBLIC_SERVICE_LABELS[s]).toBeTruthy();
  });
  it('apply when strictly more than half of those entitled work in them', () => {
    expect(isImportantPublicServiceBallot(100, 51)).toBe(true);
    expect(isImportantPublicServiceBallot(100, 50)).toBe(false);
    expect(isImportantPublicServiceBallot(101, 51)).toBe(true);
    expect(isImportantPublicServiceBallot(0, 0)).toBe(false);
    expect(() => isImportantPublicServiceBallot(10, 11)).toThrow(RangeError);
    expect(() => isImportantPublicServiceBallot(10, -1)).toThrow(RangeError);
  });
});

describe('minimumCount / formatShare', () => {
  it('rounds people up', () => {
    expect(minimumCount(100, 50)).toBe(50);
    expect(minimumCount(101, 50)).toBe(51);
    expect(minimumCount(1, 50)).toBe(1);
    expect(minimumCount(0, 50)).toBe(0);
    expect(minimumCount(1000, 40)).toBe(400);
    expect(minimumCount(1001, 40)).toBe(401);
    expect(() => minimumCount(10, 101)).toThrow(RangeError);
    expect(() => minimumCount(-1, 50)).toThrow(RangeError);
  });
  it('never rounds a failing share up to the threshold', () => {
    expect(formatShare(4999, 10000)).toBe('49.9%');
    expect(formatShare(49_996, 100_000)).toBe('49.9%');
    expect(formatShare(1, 2)).toBe('50.0%');
    expect(formatShare(0, 0)).toBe('—');
  });
});

describe('evaluateBallot', () => {
  it('rejects the real failed example: 85.6 % yes on 41.6 % turnout (PCS, 2018)', () => {
    const r = evaluateBallot({ entitled: 142_437, votesCast: 59_254, yes: 50_726, importantPublicService: false, openingDate: '2018-06-26' });
    expect(r.valid).toBe(false);
    expect(r.ruleSet.id).toBe('TUA2016');
    expect(r.majorityYes).toBe(true);
    expect(r.yesShareOfVotes).toBeCloseTo(0.856, 3);
    expect(r.turnout).toBeCloseTo(0.416, 3);
    expect(r.turnoutMet).toBe(false);
    expect(r.requiredVotes).toBe(71_219);
    expect(r.failures).toEqual(['TURNOUT']);
    expect(r.reasons).toEqual([expect.stringContaining('Turnout 41.6% (59254 of 142437) is below the 50% required (71219 votes; 11965 short)')]);
    expect(r.importantPublicServiceYesMet).toBeNull();
  });

  it('still fails the same result under ERA 2025: the turnout rule stays', () => {
    const r = evaluateBallot({ entitled: 142_437, votesCast: 59_254, yes: 50_726, importantPublicService: true, openingDate: ERA });
    expect(r.valid).toBe(false);
    expect(r.failures).toEqual(['TURNOUT']);
  });

  it('passes at exactly 50 % turnout and fails one vote below', () => {
    const at = evaluateBallot({ entitled: 100, votesCast: 50, yes: 30, importantPublicService: false, openingDate: TUA });
    expect(at).toMatchObject({ valid: true, turnoutMet: true, turnout: 0.5, failures: [], reasons: [] });
    const below = evaluateBallot({ entitled: 100, votesCast: 49, yes: 30, importantPublicService: false, openingDate: TUA });
    expect(below).toMatchObject({ valid: false, turnoutMet: false, failures: ['TURNOUT'] });
  });

  it('needs 51 of 101: 50 is below half', () => {
    expect(evaluateBallot({ entitled: 101, votesCast: 50, yes: 40, importantPublicService: false, openingDate: TUA }).valid).toBe(false);
    expect(evaluateBallot({ entitled: 101, votesCast: 51, yes: 40, importantPublicService: false, openingDate: TUA }).valid).toBe(true);
  });

  it('passes at exactly 40 % of those entitled voting yes in important public services, fails one below', () => {
    const at = evaluateBallot({ entitled: 1000, votesCast: 600, yes: 400, importantPublicService: true, openingDate: TUA });
    expect(at).toMatchObject({ valid: true, importantPublicServiceYesMet: true, requiredYes: 400, yesShareOfEntitled: 0.4 });
    const below = evaluateBallot({ entitled: 1000, votesCast: 600, yes: 399, importantPublicService: true, openingDate: TUA });
    expect(below.valid).toBe(false);
    expect(below.failures).toEqual(['IMPORTANT_PUBLIC_SERVICE_YES']);
    expect(below.reasons[0]).toMatch(/39\.9% of those entitled .* need 40% \(400; 1 short\)/);
  });

  it('does not apply the 40 % rule outside important public services', () => {
    const r = evaluateBallot({ entitled: 1000, votesCast: 600, yes: 350, importantPublicService: false, openingDate: TUA });
    expect(r).toMatchObject({ valid: true, importantPublicServiceYesMet: null, requiredYes: null });
  });

  it('drops the 40 % rule for ballots opened from 18 February 2026', () => {
    const input = { entitled: 1000, votesCast: 500, yes: 300, importantPublicService: true };
    expect(evaluateBallot({ ...input, openingDate: '2026-02-17' }).valid).toBe(false);
    const era = evaluateBallot({ ...input, openingDate: '2026-02-18' });
    expect(era).toMatchObject({ valid: true, importantPublicServiceYesMet: null, requiredYes: null });
  });

  it('needs a majority of those voting: a tie fails', () => {
    const tie = evaluateBallot({ entitled: 100, votesCast: 60, yes: 30, importantPublicService: false, openingDate: TUA });
    expect(tie.valid).toBe(false);
    expect(tie.failures).toEqual(['MAJORITY']);
    expect(tie.reasons[0]).toBe('No majority for action: 30 Yes against 30 No.');
    expect(evaluateBallot({ entitled: 100, votesCast: 60, yes: 31, importantPublicService: false, openingDate: TUA }).valid).toBe(true);
  });

  it('can take the No count explicitly (some votes cast answering neither)', () => {
    const r = evaluateBallot({ entitled: 100, votesCast: 60, yes: 28, no: 27, importantPublicService: false, openingDate: TUA });
    expect(r.majorityYes).toBe(true);
    expect(r.yesShareOfVotes).toBeCloseTo(28 / 55);
    expect(() => evaluateBallot({ entitled: 100, votesCast: 60, yes: 40, no: 21, importantPublicService: false, openingDate: TUA }))
      .toThrow(RangeError);
  });

  it('lists every failure at once', () => {
    const r = evaluateBallot({ entitled: 1000, votesCast: 400, yes: 150, importantPublicService: true, openingDate: TUA });
    expect(r.failures).toEqual(['MAJORITY', 'TURNOUT', 'IMPORTANT_PUBLIC_SERVICE_YES']);
    expect(r.reasons).toHaveLength(3);
  });

  it('handles nobody voting', () => {
    const r = evaluateBallot({ entitled: 10, votesCast: 0, yes: 0, importantPublicService: false, openingDate: TUA });
    expect(r).toMatchObject({ valid: false, turnout: 0, yesShareOfVotes: null, majorityYes: false });
  });

  it('refuses impossible counts', () => {
    const base = { importantPublicService: false, openingDate: TUA };
    expect(() => evaluateBallot({ ...base, entitled: 0, votesCast: 0, yes: 0 })).toThrow(RangeError);
    expect(() => evaluateBallot({ ...base, entitled: 10, votesCast: 11, yes: 5 })).toThrow(RangeError);
    expect(() => evaluateBallot({ ...base, entitled: 10, votesCast: 5, yes: 6 })).toThrow(RangeError);
    expect(() => evaluateBallot({ ...base, entitled: 10, votesCast: 5, yes: -1 })).toThrow(RangeError);
    expect(() => evaluateBallot({ ...base, entitled: 10.5, votesCast: 5, yes: 3 })).toThrow(RangeError);
    expect(() => evaluateBallot({ ...base, entitled: 10, votesCast: 5, yes: 3, openingDate: '2017-01-01' })).toThrow(RangeError);
  });
});

describe('projectTurnout', () => {
  it('says how many more votes pass 50 %', () => {
    const p = projectTurnout({ entitled: 1000, returned: 300, pledged: 150, openingDate: TUA });
    expect(p).toMatchObject({
      requiredVotes: 500, votesNeeded: 200, turnoutSoFar: 0.3, projectedVotes: 450, projectedTurnout: 0.45,
      shortfallAfterPledges: 50, onTrack: false, requiredYes: null, yesNeeded: null, yesShortfallAfterPledges: null,
    });
  });

  it('is on track exactly when pledges reach the threshold', () => {
    expect(projectTurnout({ entitled: 1000, returned: 300, pledged: 200, openingDate: TUA })).toMatchObject({ shortfallAfterPledges: 0, onTrack: true });
    expect(projectTurnout({ entitled: 1000, returned: 300, pledged: 199, openingDate: TUA })).toMatchObject({ shortfallAfterPledges: 1, onTrack: false });
  });

  it('needs nothing more once returned papers pass the threshold', () => {
    expect(projectTurnout({ entitled: 1000, returned: 620, openingDate: TUA })).toMatchObject({ votesNeeded: 0, shortfallAfterPledges: 0, onTrack: true });
  });

  it('rounds the required votes up for odd electorates', () => {
    expect(projectTurnout({ entitled: 999, returned: 0, openingDate: TUA }).requiredVotes).toBe(500);
    expect(projectTurnout({ entitled: 1, returned: 0, openingDate: TUA }).requiredVotes).toBe(1);
  });

  it('tracks yes votes against the 40 % rule in important public services before 18 Feb 2026', () => {
    const p = projectTurnout({
      entitled: 1000, returned: 400, pledged: 150, returnedYes: 250, pledgedYes: 100, importantPublicService: true, openingDate: TUA,
    });
    expect(p).toMatchObject({ requiredYes: 400, yesNeeded: 150, yesShortfallAfterPledges: 50, shortfallAfterPledges: 0, onTrack: false });
    const era = projectTurnout({
      entitled: 1000, returned: 400, pledged: 150, returnedYes: 250, pledgedYes: 100, importantPublicService: true, openingDate: ERA,
    });
    expect(era).toMatchObject({ requiredYes: null, yesNeeded: null, onTrack: true });
  });

  it('refuses impossible counts', () => {
    expect(() => projectTurnout({ entitled: 0, returned: 0, openingDate: TUA })).toThrow(RangeError);
    expect(() => projectTurnout({ entitled: 10, returned: 6, pledged: 5, openingDate: TUA })).toThrow(RangeError);
    expect(() => projectTurnout({ entitled: 10, returned: 3, returnedYes: 4, openingDate: TUA })).toThrow(RangeError);
    expect(() => projectTurnout({ entitled: 10, returned: 3, pledged: 2, pledgedYes: 3, openingDate: TUA })).toThrow(RangeError);
    expect(() => projectTurnout({ entitled: 10, returned: -1, openingDate: TUA })).toThrow(RangeError);
  });
});

describe('summariseBallotStates', () => {
  it('counts states and feeds projectTurnout', () => {
    const S = BallotMemberState;
    const s = summariseBallotStates([
      S.VOTED, S.VOTED, S.PLEDGED_YES, S.PLEDGED_NO, S.PLEDGED_YES, S.NOT_CONTACTED, S.WONT_VOTE, S.PAPER_RECEIVED,
      S.NEEDS_REPLACEMENT_PAPER, S.NOT_CONTACTED,
    ]);
    expect(s).toEqual({
      total: 10,
      byState: {
        NOT_CONTACTED: 2, PLEDGED_YES: 2, PLEDGED_NO: 1, WONT_VOTE: 1, PAPER_RECEIVED: 1, VOTED: 2, NEEDS_REPLACEMENT_PAPER: 1,
      },
      returned: 2,
      pledged: 3,
      pledgedYes: 2,
      contacted: 8,
    });
    const p = projectTurnout({ entitled: s.total, returned: s.returned, pledged: s.pledged, openingDate: TUA });
    expect(p).toMatchObject({ requiredVotes: 5, votesNeeded: 3, shortfallAfterPledges: 0 });
  });

  it('handles an empty list and refuses unknown states', () => {
    expect(summariseBallotStates([]).total).toBe(0);
    expect(() => summariseBallotStates(['SPOILT' as BallotMemberState])).toThrow(RangeError);
  });

  it('labels every state', () => {
    for (const s of Object.values(BallotMemberState)) expect(BALLOT_MEMBER_STATE_LABELS[s]).toBeTruthy();
  });
});

describe('ballotEligibility', () => {
  const cutoff = '2015-10-23'; // "if you are not a member by Friday 23rd October you cannot vote"
  const ok = { status: MembershipStatus.MEMBER, joinDate: '2010-01-01', leaveDate: null, hasCurrentWorkplace: true, hasPostalAddress: true };

  it('accepts a member who joined by the cut-off, the cut-off day included', () => {
    expect(ballotEligibility(ok, cutoff)).toEqual({ eligible: true, problems: [] });
    expect(ballotEligibility({ ...ok, joinDate: cutoff }, cutoff).eligible).toBe(true);
  });

  it('refuses a member who joined the day after', () => {
    expect(ballotEligibility({ ...ok, joinDate: '2015-10-24' }, cutoff)).toEqual({ eligible: false, problems: ['JOINED_AFTER_CUTOFF'] });
  });

  it('counts someone who lapsed after the cut-off, but not on or before it', () => {
    expect(ballotEligibility({ ...ok, status: MembershipStatus.LAPSED, leaveDate: '2015-10-24' }, cutoff).eligible).toBe(true);
    expect(ballotEligibility({ ...ok, status: MembershipStatus.LAPSED, leaveDate: cutoff }, cutoff).problems).toEqual(['NOT_A_MEMBER']);
  });

  it('flags a member record with a past leave date', () => {
    expect(ballotEligibility({ ...ok, leaveDate: '2015-10-01' }, cutoff).problems).toEqual(['LEFT_BEFORE_CUTOFF']);
  });

  it('refuses pending applicants and non-members', () => {
    for (const status of [MembershipStatus.PENDING, MembershipStatus.NON_MEMBER, MembershipStatus.LAPSED]) {
      expect(ballotEligibility({ ...ok, status }, cutoff).problems).toEqual(['NOT_A_MEMBER']);
    }
  });

  it('needs a known join date, a current workplace and a postal address', () => {
    expect(ballotEligibility({ ...ok, joinDate: null }, cutoff).problems).toEqual(['JOIN_DATE_UNKNOWN']);
    expect(ballotEligibility({ ...ok, hasCurrentWorkplace: false, hasPostalAddress: false }, cutoff).problems)
      .toEqual(['NO_CURRENT_WORKPLACE', 'NO_POSTAL_ADDRESS']);
  });

  it('refuses a bad cut-off date', () => {
    expect(() => ballotEligibility(ok, '23/10/2015')).toThrow(RangeError);
  });
});
