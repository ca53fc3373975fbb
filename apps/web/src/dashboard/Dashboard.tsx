import EventRepeatIcon from '@mui/icons-material/EventRepeat';
import GroupsIcon from '@mui/icons-material/Groups';
import LocalHospitalIcon from '@mui/icons-material/LocalHospital';
import MeetingRoomIcon from '@mui/icons-material/MeetingRoom';
import PeopleIcon from '@mui/icons-material/People';
import VerifiedIcon from '@mui/icons-material/Verified';
import { Box, Card, CardContent, Grid, Typography } from '@mui/material';
import { FollowUpState, MembershipStatus } from '@rollcall/domain';
import { Title, useGetIdentity, usePermissions } from 'react-admin';
import { can, Permission } from '../permissions';
import { CountCard } from './CountCard';

/** Sites and wards of the employers of the user's branches (see dataProvider's `myBranches`). */
const MY_BRANCHES = { myBranches: true };
const OVERDUE = { state: FollowUpState.OVERDUE };

/**
 * Counts of what the user may see: contacts, members and overdue follow-ups only for those who see
 * named people; wards and sites of their own branches' employers.
 */
const HeadlineCounts = ({ seesPeople }: { seesPeople: boolean }) => (
  <Grid container spacing={2}>
    {seesPeople && (
      <Grid size={{ xs: 6, md: 3 }}>
        <CountCard resource="Contacts" label="Contacts" icon={<PeopleIcon />} />
      </Grid>
    )}
    {seesPeople && (
      <Grid size={{ xs: 6, md: 3 }}>
        <CountCard
          resource="Contacts"
          label="Members"
          icon={<VerifiedIcon />}
          filter={{ membershipStatus: MembershipStatus.MEMBER }}
        />
      </Grid>
    )}
    <Grid size={{ xs: 6, md: 3 }}>
      <CountCard resource="Wards" label="Wards" icon={<MeetingRoomIcon />} filter={MY_BRANCHES} />
    </Grid>
    <Grid size={{ xs: 6, md: 3 }}>
      <CountCard resource="Sites" label="Sites" icon={<LocalHospitalIcon />} filter={MY_BRANCHES} />
    </Grid>
    {seesPeople && (
      <Grid size={{ xs: 6, md: 3 }}>
        <CountCard resource="FollowUps" label="Overdue follow-ups" icon={<EventRepeatIcon />} filter={OVERDUE} />
      </Grid>
    )}
    {!seesPeople && (
      <Grid size={{ xs: 6, md: 3 }}>
        <CountCard resource="Unions" label="Unions" icon={<GroupsIcon />} />
      </Grid>
    )}
  </Grid>
);

/** Welcome and the branch's headline numbers. */
export const Dashboard = () => {
  const { identity } = useGetIdentity();
  const { permissions, isPending } = usePermissions<Permission[]>();
  const seesPeople = can(permissions, Permission.PEOPLE_READ);
  const roles = (identity?.roles as string[] | undefined) ?? [];
  return (
    <Box sx={{ mt: 2, mb: 2 }}>
      <Title title="Dashboard" />
      <Card variant="outlined" sx={{ mb: 2 }}>
        <CardContent>
          <Typography variant="h5" component="h1" gutterBottom>
            Welcome{identity?.fullName ? `, ${identity.fullName}` : ''}
          </Typography>
          <Typography variant="body2" color="text.secondary">
            {identity?.organisation as string | undefined}
          </Typography>
          {roles.map((line) => (
            <Typography key={line} variant="body2" color="text.secondary">
              {line}
            </Typography>
          ))}
          <Typography variant="body1" sx={{ mt: 1 }}>
            Map who works where, who is in the union, and where the gaps are: every ward, every shift.
          </Typography>
        </CardContent>
      </Card>
      {!isPending && <HeadlineCounts seesPeople={seesPeople} />}
    </Box>
  );
};
