import AccountTreeIcon from '@mui/icons-material/AccountTree';
import { Box } from '@mui/material';
import { Datagrid, List, SearchInput, SimpleList, TextField } from 'react-admin';
import { DayField } from '../common/DayField';
import { EmptyState } from '../common/EmptyState';
import { useIsSmall } from '../common/useIsSmall';
import { EmployerChips } from './EmployerChips';

const filters = [
  <SearchInput key="q" source="q" alwaysOn slotProps={{ htmlInput: { 'aria-label': 'Search branches' } }} />,
];

const BranchTable = () => {
  const isSmall = useIsSmall();
  if (isSmall) {
    return (
      <SimpleList
        primaryText={(r) => r.name}
        tertiaryText={
          <Box sx={{ mt: 0.5 }}>
            <EmployerChips />
          </Box>
        }
        rowClick="show"
      />
    );
  }
  return (
    <Datagrid rowClick="show" bulkActionButtons={false}>
      <TextField source="name" />
      <EmployerChips label="Employers" sortable={false} />
      <DayField source="createdAt" label="Created" />
    </Datagrid>
  );
};

/** The branches of the organisation and the employers each organises. */
export const BranchList = () => (
  <List
    filters={filters}
    sort={{ field: 'name', order: 'ASC' }}
    perPage={25}
    exporter={false}
    empty={
      <EmptyState
        icon={<AccountTreeIcon />}
        title="No branches yet"
        explanation="A branch organises the staff of one or more employers; roles are given branch by branch."
      />
    }
  >
    <BranchTable />
  </List>
);
