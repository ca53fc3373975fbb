import { Card, CardContent, Chip, Stack, Typography } from '@mui/material';
import {
  ChipField,
  EmailField,
  ReferenceArrayField,
  Show,
  SingleFieldList,
  TextField,
  useRecordContext,
} from 'react-admin';
import { DateTimeField } from '../common/DayField';
import { AuditHistoryButton } from '../audit/AuditHistoryButton';
import { LabelledFieldGrid, type LabelledValue } from '../common/LabelledField';
import { ShowActions } from '../common/ShowActions';
import { RoleChips } from './RoleChips';
import { UserTitle } from './UserTitle';
import { RecordLoading } from '../common/Loading';

const FIELD_SIZE = { xs: 12, sm: 6 };

const USER_FIELDS: readonly LabelledValue[] = [
  ['Email', <EmailField source="email" />],
  ['Organisation', <TextField source="organisation.name" emptyText="—" />],
  ['Roles', <RoleChips />],
  [
    'Patch sites',
    <ReferenceArrayField source="patchSiteIds" reference="Sites" sort={{ field: 'name', order: 'ASC' }} empty={<>—</>}>
      <SingleFieldList linkType="show">
        <ChipField source="name" size="small" />
      </SingleFieldList>
    </ReferenceArrayField>,
  ],
  ['Account created', <DateTimeField source="createdAt" />],
  ['Last changed', <DateTimeField source="updatedAt" />],
];

const Heading = () => {
  const record = useRecordContext<{ active?: boolean }>();
  if (!record) return null;
  return (
    <Stack direction="row" spacing={1} useFlexGap sx={{ alignItems: 'center', flexWrap: 'wrap', mb: 2 }}>
      <Typography variant="h5" component="h2" sx={{ mr: 1 }}>
        <UserTitle />
      </Typography>
      {record.active ? (
        <Chip size="small" color="success" label="Active" />
      ) : (
        <Chip size="small" color="warning" label="Deactivated: cannot sign in" />
      )}
    </Stack>
  );
};

/** An account: who, their roles branch by branch, a rep's patch. Accounts are never deleted. */
export const UserShow = () => (
  <Show loading={<RecordLoading what="user" />}
    actions={<ShowActions canDelete={false}><AuditHistoryButton /></ShowActions>}
    title={<UserTitle />}
    sx={{ '& .RaShow-card': { bgcolor: 'transparent', boxShadow: 'none' } }}
  >
    <Card variant="outlined">
      <CardContent>
        <Heading />
        <LabelledFieldGrid fields={USER_FIELDS} size={FIELD_SIZE} spacing={1} />
      </CardContent>
    </Card>
  </Show>
);
