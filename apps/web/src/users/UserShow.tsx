import { Chip } from '@mui/material';
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
import { CARDLESS_SHOW_SX, DetailsCard, TitleRow } from '../common/DetailsCard';
import type { LabelledValue } from '../common/LabelledField';
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
    <TitleRow title={<UserTitle />} sx={{ mb: 2 }}>
      {record.active ? (
        <Chip size="small" color="success" label="Active" />
      ) : (
        <Chip size="small" color="warning" label="Deactivated: cannot sign in" />
      )}
    </TitleRow>
  );
};

/** An account: who, their roles branch by branch, a rep's patch. Accounts are never deleted. */
export const UserShow = () => (
  <Show loading={<RecordLoading what="user" />}
    actions={<ShowActions canDelete={false}><AuditHistoryButton /></ShowActions>}
    title={<UserTitle />}
    sx={CARDLESS_SHOW_SX}
  >
    <DetailsCard heading={<Heading />} fields={USER_FIELDS} size={FIELD_SIZE} />
  </Show>
);
