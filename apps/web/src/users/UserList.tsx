import ManageAccountsIcon from '@mui/icons-material/ManageAccounts';
import { Box, Stack } from '@mui/material';
import {
  Datagrid,
  List,
  NullableBooleanInput,
  ReferenceInput,
  SearchInput,
  SelectInput,
  SimpleList,
  TextField,
  useListContext,
} from 'react-admin';
import { DayField } from '../common/DayField';
import { ROLE_CHOICES } from '../choices';
import { EmptyState } from '../common/EmptyState';
import { LoadingRows } from '../common/Loading';
import { useIsSmall } from '../common/useIsSmall';
import { ActiveChip, RoleChips } from './RoleChips';

/** Wide enough for the longest role ("Coalition partner (read-only)"). */
const FILTER_SX = { minWidth: 200 };

const filters = [
  <SearchInput key="q" source="q" alwaysOn placeholder="Name or email" slotProps={{ htmlInput: { 'aria-label': 'Search users' } }} />,
  <ReferenceInput key="branchId" source="branchId" reference="Branches" sort={{ field: 'name', order: 'ASC' }}>
    <SelectInput label="Branch" optionText="name" sx={FILTER_SX} />
  </ReferenceInput>,
  <SelectInput key="role" source="role" label="Role" choices={ROLE_CHOICES} sx={FILTER_SX} />,
  <NullableBooleanInput key="active" source="active" label="Active" sx={{ minWidth: 140 }} />,
];

interface UserRow {
  id: string;
  displayName: string;
  email: string;
}

const UserTable = () => {
  const isSmall = useIsSmall();
  const { isPending } = useListContext();
  if (isPending) return <LoadingRows what="users" tall={isSmall} />;
  if (isSmall) {
    return (
      <SimpleList<UserRow>
        primaryText={(r) => r.displayName}
        secondaryText={(r) => r.email}
        tertiaryText={
          <Stack direction="row" spacing={0.5} useFlexGap sx={{ mt: 0.5, flexWrap: 'wrap', minWidth: 0 }}>
            <ActiveChip showActive={false} />
            <Box sx={{ minWidth: 0, maxWidth: '100%' }}>
              <RoleChips />
            </Box>
          </Stack>
        }
        rowClick="show"
      />
    );
  }
  return (
    <Datagrid rowClick="show" bulkActionButtons={false}>
      <TextField source="displayName" label="Name" />
      <TextField source="email" />
      <RoleChips label="Roles" sortable={false} />
      <ActiveChip label="Active" sortBy="active" />
      <DayField source="createdAt" label="Created" />
    </Datagrid>
  );
};

/** Accounts in the branches the admin runs: who can sign in, and as what. */
export const UserList = () => (
  <List
    filters={filters}
    sort={{ field: 'displayName', order: 'ASC' }}
    perPage={25}
    exporter={false}
    empty={
      <EmptyState
        icon={<ManageAccountsIcon />}
        title="No users yet"
        explanation="Give reps, caseworkers and officers of your branch their own sign-in, with a role in each branch they work in."
      />
    }
  >
    <UserTable />
  </List>
);
