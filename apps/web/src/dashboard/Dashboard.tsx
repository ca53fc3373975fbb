import GroupsIcon from '@mui/icons-material/Groups';
import LocalHospitalIcon from '@mui/icons-material/LocalHospital';
import MeetingRoomIcon from '@mui/icons-material/MeetingRoom';
import PeopleIcon from '@mui/icons-material/People';
import VerifiedIcon from '@mui/icons-material/Verified';
import { Box, Card, CardContent, Grid, Typography } from '@mui/material';
import { MembershipStatus, Role, ROLE_LABELS } from '@rollcall/domain';
import { Title, useGetIdentity, usePermissions } from 'react-admin';
import { labelOf } from '../choices';
import { CountCard } from './CountCard';

/** Welcome and the branch's headline numbers. */
export const Dashboard = () => {
  const { identity } = useGetIdentity();
  const { permissions } = usePermissions<string>();
  const seesPeople = permissions !== Role.COALITION_VIEWER;
  return (
    <Box sx={{ mt: 2, mb: 2 }}>
      <Title title="Dashboard" />
      <Card variant="outlined" sx={{ mb: 2 }}>
        <CardContent>
          <Typography variant="h5" component="h1" gutterBottom>
            Welcome{identity?.fullName ? `, ${identity.fullName}` : ''}
          </Typography>
          <Typography variant="body2" color="text.secondary">
            {[labelOf(ROLE_LABELS, permissions), identity?.organisation as string | undefined].filter(Boolean).join(' · ')}
          </Typography>
          <Typography variant="body1" sx={{ mt: 1 }}>
            Map who works where, who is in the union, and where the gaps are: every ward, every shift.
          </Typography>
        </CardContent>
      </Card>
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
          <CountCard resource="Wards" label="Wards" icon={<MeetingRoomIcon />} />
        </Grid>
        <Grid size={{ xs: 6, md: 3 }}>
          <CountCard resource="Sites" label="Sites" icon={<LocalHospitalIcon />} />
        </Grid>
        {!seesPeople && (
          <Grid size={{ xs: 6, md: 3 }}>
            <CountCard resource="Unions" label="Unions" icon={<GroupsIcon />} />
          </Grid>
        )}
      </Grid>
    </Box>
  );
};
