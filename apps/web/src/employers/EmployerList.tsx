import BusinessIcon from '@mui/icons-material/Business';
import { Datagrid, List, SearchInput, SimpleList, TextField } from 'react-admin';
import { EmptyState } from '../common/EmptyState';
import { ListActions } from '../common/ListActions';
import { useIsSmall } from '../common/useIsSmall';

const filters = [
  <SearchInput key="q" source="q" alwaysOn slotProps={{ htmlInput: { 'aria-label': 'Search employers' } }} />,
];

export const EmployerList = () => {
  const isSmall = useIsSmall();
  return (
    <List
      filters={filters}
      actions={<ListActions />}
      sort={{ field: 'name', order: 'ASC' }}
    perPage={25}
      empty={
        <EmptyState
          icon={<BusinessIcon />}
          title="No employers yet"
          explanation="Add the NHS trusts and health boards your branch organises in; sites and wards hang off them."
        />
      }
    >
      {isSmall ? (
        <SimpleList primaryText={(r) => r.name} secondaryText={(r) => [r.odsCode, r.region].filter(Boolean).join(' · ')} rowClick="show" />
      ) : (
        <Datagrid rowClick="show" bulkActionButtons={false}>
          <TextField source="name" />
          <TextField source="odsCode" label="ODS code" />
          <TextField source="region" />
        </Datagrid>
      )}
    </List>
  );
};
