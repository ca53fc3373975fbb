import { Card, CardContent, Chip, Grid, Stack, Typography } from '@mui/material';
import type { ReactElement } from 'react';
import {
  BooleanField,
  EmailField,
  Labeled,
  ReferenceField,
  SelectField,
  Show,
  TextField,
  useRecordContext,
} from 'react-admin';
import { CONTRACT_TYPE_CHOICES, GRADE_CHOICES, SHIFT_PATTERN_CHOICES, STAFF_GROUP_CHOICES } from '../choices';
import { DayField } from '../common/DayField';
import { ShowActions } from '../common/ShowActions';
import { MembershipPanel } from '../memberships/MembershipPanel';
import { RepRolePanel } from '../repRoles/RepRolePanel';
import { ContactTitle } from './ContactTitle';
import { PostingHistory } from './PostingHistory';

const Item = ({ label, children, wide = false }: { label: string; children: ReactElement; wide?: boolean }) => (
  <Grid size={{ xs: wide ? 12 : 6, sm: wide ? 12 : 6, md: wide ? 12 : 4 }} sx={{ minWidth: 0 }}>
    <Labeled label={label} sx={{ wordBreak: 'break-word' }}>
      {children}
    </Labeled>
  </Grid>
);

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
  <Show actions={<ShowActions />} title={<ContactTitle />} sx={{ '& .RaShow-card': { bgcolor: 'transparent', boxShadow: 'none' } }}>
    <Grid container spacing={2}>
      <Grid size={{ xs: 12, md: 7 }}>
        <Card variant="outlined">
          <CardContent>
            <Heading />
            <Grid container spacing={1}>
              <Item label="Ward">
                <ReferenceField source="wardId" reference="Wards" link="show" emptyText="—" />
              </Item>
              <Item label="Site">
                <ReferenceField source="ward.siteId" reference="Sites" link="show" emptyText="—" />
              </Item>
              <Item label="Employer">
                <ReferenceField source="employerId" reference="Employers" link="show" emptyText="—" />
              </Item>
              <Item label="Job title">
                <TextField source="jobTitle" emptyText="—" />
              </Item>
              <Item label="Preferred name">
                <TextField source="preferredName" emptyText="—" />
              </Item>
              <Item label="Staff group">
                <SelectField source="staffGroup" choices={STAFF_GROUP_CHOICES} />
              </Item>
              <Item label="Grade">
                <SelectField source="grade" choices={GRADE_CHOICES} emptyText="—" />
              </Item>
              <Item label="Shift pattern">
                <SelectField source="shiftPattern" choices={SHIFT_PATTERN_CHOICES} />
              </Item>
              <Item label="Contract">
                <SelectField source="contractType" choices={CONTRACT_TYPE_CHOICES} />
              </Item>
              <Item label="Employee number (ESR)">
                <TextField source="employeeNumber" emptyText="—" />
              </Item>
              <Item label="Start date">
                <DayField source="startDate" />
              </Item>
              <Item label="Leave date">
                <DayField source="leaveDate" />
              </Item>
              <Item label="Work email">
                <EmailField source="workEmail" emptyText="—" />
              </Item>
              <Item label="Work phone">
                <TextField source="workPhone" emptyText="—" />
              </Item>
              <Item label="Personal email">
                <EmailField source="personalEmail" emptyText="—" />
              </Item>
              <Item label="Personal phone">
                <TextField source="personalPhone" emptyText="—" />
              </Item>
              <Item label="Consents to personal email">
                <BooleanField source="consentPersonalEmail" />
              </Item>
              <Item label="Consents to personal phone">
                <BooleanField source="consentPersonalPhone" />
              </Item>
            </Grid>
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
