import { Typography } from '@mui/material';
import {
  Datagrid,
  EditButton,
  Pagination,
  ReferenceManyField,
  Show,
  SimpleList,
  SimpleShowLayout,
  TextField,
  TopToolbar,
} from 'react-admin';
import { DayField } from '../common/DayField';
import { TitledSection } from '../common/TitledSection';
import { useIsSmall } from '../common/useIsSmall';
import { ActiveChip, RoleChips } from '../users/RoleChips';
import { BranchDeleteButton } from './BranchDeleteButton';
import { EmployerChips } from './EmployerChips';
import { useAdministers } from './useAdministers';
import { RecordLoading } from '../common/Loading';

/** Edit and delete, for the branch's admins only (the API refuses everyone else). */
const BranchShowActions = () => {
  const administers = useAdministers();
  return <TopToolbar>{administers && <EditButton />}<BranchDeleteButton /></TopToolbar>;
};

/** Who holds a role in this branch (the admin sees only the branches they run). */
const BranchUsers = (_props: { label?: false }) => {
  const administers = useAdministers();
  const isSmall = useIsSmall();
  if (!administers) return null;
  return (
    <TitledSection title="People with a role here" sx={{ mt: 2 }}>
      <ReferenceManyField
        reference="Users"
        target="branchId"
        sort={{ field: 'displayName', order: 'ASC' }}
        perPage={25}
        pagination={<Pagination />}
        empty={<Typography variant="body2">Nobody holds a role in this branch yet.</Typography>}
      >
        {isSmall ? (
          <SimpleList primaryText={(r) => r.displayName} secondaryText={(r) => r.email} rowClick="show" />
        ) : (
          <Datagrid rowClick="show" bulkActionButtons={false}>
            <TextField source="displayName" label="Name" />
            <TextField source="email" />
            <RoleChips label="Roles" sortable={false} />
            <ActiveChip label="Active" sortBy="active" />
          </Datagrid>
        )}
      </ReferenceManyField>
    </TitledSection>
  );
};

export const BranchShow = () => (
  <Show loading={<RecordLoading what="branch" />} actions={<BranchShowActions />}>
    <SimpleShowLayout>
      <TextField source="name" />
      <EmployerChips label="Employers" />
      <DayField source="createdAt" label="Created" />
      <BranchUsers label={false} />
    </SimpleShowLayout>
  </Show>
);
