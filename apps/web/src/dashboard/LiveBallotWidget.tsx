import { Typography } from '@mui/material';
import { useQuery } from '@tanstack/react-query';
import { ukToday } from '@rollcall/domain';
import { useDataProvider, useGetList } from 'react-admin';
import { pct } from '../ballots/choices';
import { formatDay } from '../common/formatDay';
import type { BallotsDataProvider } from '../dataProvider';
import { Widget } from './Widget';

/** The live ballot (open today, or the next to open): its projection against the turnout rule, with the margin in people. */
export const LiveBallotWidget = () => {
  const today = ukToday();
  const dp = useDataProvider<BallotsDataProvider>();
  const ballots = useGetList('Ballots', { pagination: { page: 1, perPage: 20 }, sort: { field: 'openingDate', order: 'DESC' } });
  const live = (ballots.data ?? []).find((b) => b.openingDate <= today && today <= b.closingDate)
    ?? (ballots.data ?? []).filter((b) => b.openingDate > today).at(-1);
  const report = useQuery({ queryKey: ['ballotReport', live?.id], queryFn: () => dp.ballotReport(live!.id), enabled: !!live });
  const o = report.data?.overall;
  return (
    <Widget
      title={live ? `Ballot: ${live.name}` : 'Ballot'}
      subtitle={live ? `Open ${formatDay(live.openingDate)} to ${formatDay(live.closingDate)}` : undefined}
      more={live ? { to: `/Ballots/${live.id}/show`, label: 'The ballot' } : { to: '/Ballots', label: 'All ballots' }}
      isPending={ballots.isPending || (!!live && report.isPending)}
      error={ballots.error ?? report.error}
      isEmpty={!live}
      empty="No ballot open or coming."
      what="the ballot's projection"
      testId="live-ballot-widget"
      skeletonLines={2}
    >
      {o && (
        <>
          <Typography variant="h6" component="p" sx={{ color: o.onTrack ? 'success.main' : 'error.main' }} data-testid="live-ballot-margin">{o.margin}</Typography>
          <Typography variant="body2">
            Projected turnout {pct(o.projectedTurnout)} ({o.projectedVotes} of {o.entitled}); {o.voted} voted so far
            {o.requiredVotes !== null ? `, ${o.requiredVotes} needed` : ''}.
          </Typography>
        </>
      )}
    </Widget>
  );
};
