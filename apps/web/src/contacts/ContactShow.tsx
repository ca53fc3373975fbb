import { Card, CardContent, Chip, Grid, Stack, Typography } from '@mui/material';
import {
  BooleanField,
  EmailField,
  ReferenceField,
  SelectField,
  Show,
  TextField,
  useRecordContext,
} from 'react-admin';
import { AuditHistoryButton } from '../audit/AuditHistoryButton';
import { CONTRACT_TYPE_CHOICES, GRADE_CHOICES, SHIFT_PATTERN_CHOICES, STAFF_GROUP_CHOICES } from '../choices';
import { DayField } from '../common/DayField';
import { LabelledFieldGrid, type LabelledValue } from '../common/LabelledField';
import { ShowActions } from '../common/ShowActions';
import { MembershipPanel } from '../memberships/MembershipPanel';
import { RepRolePanel } from '../repRoles/RepRolePanel';
import { ContactTitle } from './ContactTitle';
import { PostingHistory } from './PostingHistory';

/** Two to a row, three on wide screens. */
const FIELD_SIZE = { xs: 6, sm: 6, md: 4 };

const CONTACT_FIELDS: readonly LabelledValue[] = [
  ['Ward', <ReferenceField source="wardId" reference="Wards" link="show" emptyText="—" />],
  ['Site', <ReferenceField source="ward.siteId" reference="Sites" link="show" emptyText="—" />],
  ['Employer', <ReferenceField source="employerId" reference="Employers" link="show" emptyText="—" />],
  ['Job title', <TextField source="jobTitle" emptyText="—" />],
  ['Preferred name', <TextField source="preferredName" emptyText="—" />],
  ['Staff group', <SelectField source="staffGroup" choices={STAFF_GROUP_CHOICES} />],
  ['Grade', <SelectField source="grade" choices={GRADE_CHOICES} emptyText="—" />],
  ['Shift pattern', <SelectField source="shiftPattern" choices={SHIFT_PATTERN_CHOICES} />],
  ['Contract', <SelectField source="contractType" choices={CONTRACT_TYPE_CHOICES} />],
  ['Employee number (ESR)', <TextField source="employeeNumber" emptyText="—" />],
  ['Start date', <DayField source="startDate" />],
  ['Leave date', <DayField source="leaveDate" />],
  ['Work email', <EmailField source="workEmail" emptyText="—" />],
  ['Work phone', <TextField source="workPhone" emptyText="—" />],
  ['Personal email', <EmailField source="personalEmail" emptyText="—" />],
  ['Personal phone', <TextField source="personalPhone" emptyText="—" />],
  ['Consents to personal email', <BooleanField source="consentPersonalEmail" />],
  ['Consents to personal phone', <BooleanField source="consentPersonalPhone" />],
];

const Heading = () => {
  const record = useRecordContext<{ fullName?: string; jobTitle?: string | null; isMember?: boolean; leaveDate?: string | null }>();
  if (!record) return null;
  return (
    <Stack direction="row" spacing={1} useFlexGap sx={{ alignItems: 'center', flexWrap: 'wrap', mb: 2 }}>
      <Typography variant="h5" component="h1" sx={{ mr: 1 }}>
        <ContactTitle />
      </Typography>
      {record.isMember ? (
        <Chip size="small" color="success" label="Member" />
      ) : (
        <Chip size="small" variant="outlined" label="Not a member" />
      )}
      {record.leaveDate && <Chip size="small" color="warning" label="Has left" />}
    </Stack>
  );
};

export const ContactShow = () => (
  <Show actions={<ShowActions><AuditHistoryButton /></ShowActions>} title={<ContactTitle />} sx={{ '& .RaShow-card': { bgcolor: 'transparent', boxShadow: 'none' } }}>
    <Grid container spacing={2}>
      <Grid size={{ xs: 12, md: 7 }}>
        <Card variant="outlined">
          <CardContent>
            <Heading />
            <LabelledFieldGrid fields={CONTACT_FIELDS} size={FIELD_SIZE} spacing={1} />
          </CardContent>
        </Card>
      </Grid>
      <Grid size={{ xs: 12, md: 5 }}>
        <Stack spacing={2}>
          <Card variant="outlined">
            <CardContent>
              <MembershipPanel />
            </CardContent>
          </Card>
          <Card variant="outlined">
            <CardContent>
              <RepRolePanel />
            </CardContent>
          </Card>
          <Card variant="outlined">
            <CardContent>
              <PostingHistory />
            </CardContent>
          </Card>
        </Stack>
      </Grid>
    </Grid>
  </Show>
);
