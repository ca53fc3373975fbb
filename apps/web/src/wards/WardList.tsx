import MeetingRoomIcon from '@mui/icons-material/MeetingRoom';
import { BooleanInput, List, ReferenceInput, SearchInput, SelectInput } from 'react-admin';
import { WARD_TYPE_CHOICES } from '../choices';
import { EmptyState } from '../common/EmptyState';
import { ListActions } from '../common/ListActions';
import { WardTable } from './WardTable';

/** By default only the employers of the user's branches: other trusts' wards hold none of our people. */
const MY_BRANCHES = { myBranches: true };

/** Wide enough for the longest label ("Membership status"). */
const FILTER_SX = { minWidth: 190 };

const filters = [
  <SearchInput key="q" source="q" alwaysOn slotProps={{ htmlInput: { 'aria-label': 'Search wards' } }} />,
  <BooleanInput key="myBranches" source="myBranches" label="My branches only" alwaysOn sx={{ mb: 0.5 }} />,
  <ReferenceInput key="siteId" source="siteId" reference="Sites" sort={{ field: 'name', order: 'ASC' }}>
    <SelectInput label="Site" optionText="name" sx={FILTER_SX} />
  </ReferenceInput>,
  <ReferenceInput key="employerId" source="employerId" reference="Employers" sort={{ field: 'name', order: 'ASC' }}>
    <SelectInput label="Employer" optionText="name" sx={FILTER_SX} />
  </ReferenceInput>,
  <SelectInput key="type" source="type" choices={WARD_TYPE_CHOICES} sx={FILTER_SX} />,
];

export const WardList = () => (
  <List
    filters={filters}
    actions={<ListActions />}
    sort={{ field: 'name', order: 'ASC' }}
    filterDefaultValues={MY_BRANCHES}
    perPage={25}
    empty={
      <EmptyState
        icon={<MeetingRoomIcon />}
        title="No wards yet"
        explanation="Wards and departments are where people work: add them to a site to start mapping who works where."
      />
    }
  >
    <WardTable showSite />
  </List>
);
