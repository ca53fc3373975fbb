import { Box, Card, CardContent, Grid, Typography } from '@mui/material';
import { Title, useGetIdentity, usePermissions } from 'react-admin';
import { can, Permission } from '../permissions';
import { readsWholeBranch } from '../session';
import { BranchOverdueFollowUpsWidget } from './BranchOverdueFollowUpsWidget';
import { CaseDeadlinesWidget, MeetingsThisWeekWidget, MyOpenCasesWidget, NoNextStepWidget } from './CaseworkWidgets';
import { DensityBySiteWidget } from './DensityBySiteWidget';
import { JoinByCountdownWidget } from './JoinByCountdownWidget';
import { LiveBallotWidget } from './LiveBallotWidget';
import { MyOverdueFollowUpsWidget } from './MyOverdueFollowUpsWidget';
import { RecentJoinersWidget } from './RecentJoinersWidget';
import { WorstCoveredWardsWidget } from './WorstCoveredWardsWidget';

/** Who is signed in, and for which organisation and branches. */
const Welcome = () => {
  const { identity } = useGetIdentity();
  const roles = (identity?.roles as string[] | undefined) ?? [];
  return (
    <Card variant="outlined" sx={{ mb: 2 }}>
      <CardContent sx={{ '&:last-child': { pb: 2 } }}>
        <Typography variant="h5" component="h1">
          Welcome{identity?.fullName ? `, ${identity.fullName}` : ''}
        </Typography>
        <Typography variant="body2" color="text.secondary">
          {[identity?.organisation as string | undefined, ...roles].filter(Boolean).join(' · ')}
        </Typography>
      </CardContent>
    </Card>
  );
};

/**
 * What each role opens the app for. Everyone sees membership density by site (a coalition partner
 * nothing more, with small groups withheld). Those who read named people see the worst-covered
 * wards and recent joiners — their branch's, or a rep's patch's; those who organise see overdue
 * follow-ups: across the branch by rep for a secretary or admin, their own for a rep. A caseworker
 * logs no conversations, so has no follow-ups to chase: their casework comes first instead (this
 * week's meetings, the next 14 days' deadlines with the overdue first, their open cases).
 */
export const Dashboard = () => {
  const { permissions, isPending } = usePermissions<Permission[]>();
  const seesPeople = can(permissions, Permission.PEOPLE_READ);
  const organises = can(permissions, Permission.PEOPLE_WRITE);
  const wholeBranch = readsWholeBranch();
  const caseworker = can(permissions, Permission.CASES_WRITE) && !organises;
  // The branch secretary's (and admins'): the live ballot's projection.
  const runsBallots = can(permissions, Permission.BALLOTS_MANAGE) && seesPeople;
  const people = [
    <WorstCoveredWardsWidget key="coverage" wholeBranch={wholeBranch} />,
    ...(organises ? [wholeBranch ? <BranchOverdueFollowUpsWidget key="overdue" /> : <MyOverdueFollowUpsWidget key="overdue" />] : []),
    <RecentJoinersWidget key="joiners" wholeBranch={wholeBranch} />,
  ];
  return (
    <Box sx={{ my: 2 }}>
      <Title title="Dashboard" />
      <Welcome />
      {!isPending && (
        <Grid container spacing={2}>
          {caseworker && (
            <>
              <Grid size={{ xs: 12, md: 6 }}>
                <MeetingsThisWeekWidget />
              </Grid>
              <Grid size={{ xs: 12, md: 6 }}>
                <CaseDeadlinesWidget />
              </Grid>
              <Grid size={{ xs: 12, md: 6 }}>
                <NoNextStepWidget />
              </Grid>
              <Grid size={{ xs: 12, md: 6 }}>
                <MyOpenCasesWidget />
              </Grid>
            </>
          )}
          {runsBallots && (
            <Grid size={12}>
              <LiveBallotWidget />
            </Grid>
          )}
          {can(permissions, Permission.CAMPAIGNS_MANAGE) && seesPeople && (
            <Grid size={12}>
              <JoinByCountdownWidget />
            </Grid>
          )}
          <Grid size={12}>
            <DensityBySiteWidget />
          </Grid>
          {seesPeople &&
            people.map((widget) => (
              <Grid key={widget.key} size={{ xs: 12, md: 12 / people.length }}>
                {widget}
              </Grid>
            ))}
        </Grid>
      )}
    </Box>
  );
};
