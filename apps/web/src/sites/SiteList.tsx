import LocalHospitalIcon from '@mui/icons-material/LocalHospital';
import { BooleanInput, List, ReferenceInput, SearchInput, SelectInput } from 'react-admin';
import { SITE_KIND_CHOICES } from '../choices';
import { EmptyState } from '../common/EmptyState';
import { ListActions } from '../common/ListActions';
import { SiteTable } from './SiteTable';

/** By default only the employers of the user's branches: other trusts' sites hold none of our people. */
const MY_BRANCHES = { myBranches: true };

/** Wide enough for the longest label ("Membership status"). */
const FILTER_SX = { minWidth: 190 };

const filters = [
  <SearchInput key="q" source="q" alwaysOn slotProps={{ htmlInput: { 'aria-label': 'Search sites' } }} />,
  <BooleanInput key="myBranches" source="myBranches" label="My branches only" alwaysOn sx={{ mb: 0.5 }} />,
  <ReferenceInput key="employerId" source="employerId" reference="Employers" sort={{ field: 'name', order: 'ASC' }}>
    <SelectInput label="Employer" optionText="name" sx={FILTER_SX} />
  </ReferenceInput>,
  <SelectInput key="kind" source="kind" choices={SITE_KIND_CHOICES} sx={FILTER_SX} />,
];

export const SiteList = () => (
  <List
    filters={filters}
    actions={<ListActions />}
    sort={{ field: 'name', order: 'ASC' }}
    filterDefaultValues={MY_BRANCHES}
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
