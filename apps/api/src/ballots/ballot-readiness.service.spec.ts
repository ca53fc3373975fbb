import { BallotMemberState as S } from '@rollcall/domain';
import type { Ballot } from './ballot.entity.js';
import { BallotReadinessService } from './ballot-readiness.service.js';
import type { BallotMember } from './ballot.types.js';

/** The projection from chase states (no database: `project` is arithmetic over the members it is given). */
const service = new BallotReadinessService(null as never, null as never, null as never, null as never);
const ballot = (openingDate: string, importantPublicService = false) => ({ openingDate, importantPublicService } as Ballot);
const members = (states: [S, S | null][]): BallotMember[] => states.map(([state, lastPledge], i) => ({
  id: `m${i}`, fullName: `M ${i}`, wardId: null, wardName: null, siteId: null, entitled: true, joinDate: '2020-01-01', problems: [],
  state, stateChangedAt: null, lastPledge, assessment: null,
}));
const many = (n: number, state: S, pledge: S | null = null): [S, S | null][] => Array.from({ length: n }, () => [state, pledge]);

describe('a ballot projection', () => {
  it('counts voted and pledged against the 50 % rule, with the margin in people', () => {
    const p = service.project(ballot('2026-03-02'), 'Ward 7B', members([
      ...many(2, S.VOTED, S.PLEDGED_YES), ...many(1, S.PLEDGED_NO), ...many(1, S.PLEDGED_YES), ...many(1, S.WONT_VOTE), ...many(5, S.NOT_CONTACTED),
    ]));
    expect(p).toMatchObject({ entitled: 10, voted: 2, pledged: 2, pledgedYes: 1, projectedVotes: 4, requiredVotes: 5, votesNeeded: 3,
      shortfallAfterPledges: 1, onTrack: false, margin: '1 more voter needed', requiredYes: null });
    // 2 voted after a Yes pledge, 1 pledged Yes, 1 pledged No: 3 of 4 known
    expect(p.projectedYesShare).toBe(0.75);
  });

  it('adds the 40 % rule for an important public service ballot under the 2016 rules only', () => {
    const states = members([...many(3, S.VOTED, S.PLEDGED_YES), ...many(3, S.PLEDGED_NO), ...many(4, S.NOT_CONTACTED)]);
    const old = service.project(ballot('2025-10-01', true), 'A&E', states);
    expect(old).toMatchObject({ projectedVotes: 6, shortfallAfterPledges: 0, requiredYes: 4, yesShortfallAfterPledges: 1, onTrack: false,
      margin: '1 more Yes vote needed (40 % rule)' });
    const now = service.project(ballot('2026-03-02', true), 'A&E', states);
    expect(now).toMatchObject({ requiredYes: null, yesShortfallAfterPledges: null, onTrack: true, margin: 'On track: 1 vote to spare' });
  });

  it('says so when nobody is entitled', () => {
    expect(service.project(ballot('2026-03-02'), 'Empty', [])).toMatchObject({ entitled: 0, onTrack: false, margin: 'Nobody entitled' });
  });
});
