import BusinessIcon from '@mui/icons-material/Business';
import { Datagrid, SimpleList, TextField } from 'react-admin';
import { NameList, searchFilter } from '../common/NameList';
import { useIsSmall } from '../common/useIsSmall';

const filters = [searchFilter('employers')];

export const EmployerList = () => {
  const isSmall = useIsSmall();
  return (
    <NameList
      filters={filters}
      empty={{
        icon: <BusinessIcon />,
        title: 'No employers yet',
        explanation: 'Add the NHS trusts and health boards your branch organises in; sites and wards hang off them.',
      }}
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
    </NameList>
  );
};
