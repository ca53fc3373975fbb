import LocalHospitalIcon from '@mui/icons-material/LocalHospital';
import { List, ReferenceInput, SearchInput, SelectInput } from 'react-admin';
import { SITE_KIND_CHOICES } from '../choices';
import { EmptyState } from '../common/EmptyState';
import { SiteTable } from './SiteTable';

/** Wide enough for the longest label ("Membership status"). */
const FILTER_SX = { minWidth: 190 };

const filters = [
  <SearchInput key="q" source="q" alwaysOn slotProps={{ htmlInput: { 'aria-label': 'Search sites' } }} />,
  <ReferenceInput key="employerId" source="employerId" reference="Employers" sort={{ field: 'name', order: 'ASC' }}>
    <SelectInput label="Employer" optionText="name" sx={FILTER_SX} />
  </ReferenceInput>,
  <SelectInput key="kind" source="kind" choices={SITE_KIND_CHOICES} sx={FILTER_SX} />,
];

export const SiteList = () => (
  <List
    filters={filters}
    sort={{ field: 'name', order: 'ASC' }}
    perPage={25}
    empty={
      <EmptyState
        icon={<LocalHospitalIcon />}
        title="No sites yet"
        explanation="Sites are the hospitals, clinics and community bases where your members work."
      />
    }
  >
    <SiteTable showEmployer />
  </List>
);
