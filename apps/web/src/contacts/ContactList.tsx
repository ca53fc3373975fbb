import PeopleIcon from '@mui/icons-material/People';
import {
  AutocompleteInput,
  List,
  NullableBooleanInput,
  ReferenceInput,
  SearchInput,
  SelectInput,
} from 'react-admin';
import {
  CONTRACT_TYPE_CHOICES,
  GRADE_CHOICES,
  MEMBERSHIP_STATUS_CHOICES,
  SHIFT_PATTERN_CHOICES,
  STAFF_GROUP_CHOICES,
} from '../choices';
import { EmptyState } from '../common/EmptyState';
import { ListActions } from '../common/ListActions';
import { ContactTable } from './ContactTable';

const wardText = (w: { name: string; site?: { name: string } | null }) => (w.site ? `${w.name} (${w.site.name})` : w.name);

/** Wide enough for the longest label ("Membership status"). */
const FILTER_SX = { minWidth: 190 };

const filters = [
  <SearchInput key="q" source="q" alwaysOn slotProps={{ htmlInput: { 'aria-label': 'Search contacts' } }} />,
  <ReferenceInput key="siteId" source="siteId" reference="Sites" sort={{ field: 'name', order: 'ASC' }}>
    <SelectInput label="Site" optionText="name" sx={FILTER_SX} />
  </ReferenceInput>,
  <ReferenceInput key="wardId" source="wardId" reference="Wards" sort={{ field: 'name', order: 'ASC' }}>
    <AutocompleteInput label="Ward" optionText={wardText} sx={{ minWidth: 240 }} />
  </ReferenceInput>,
  <SelectInput key="staffGroup" source="staffGroup" label="Staff group" choices={STAFF_GROUP_CHOICES} sx={FILTER_SX} />,
  <SelectInput key="grade" source="grade" label="Grade" choices={GRADE_CHOICES} sx={FILTER_SX} />,
  <SelectInput key="shiftPattern" source="shiftPattern" label="Shift pattern" choices={SHIFT_PATTERN_CHOICES} sx={FILTER_SX} />,
  <SelectInput key="contractType" source="contractType" label="Contract" choices={CONTRACT_TYPE_CHOICES} sx={FILTER_SX} />,
  <ReferenceInput key="unionId" source="unionId" reference="Unions" sort={{ field: 'name', order: 'ASC' }}>
    <SelectInput label="Union" optionText="shortName" sx={FILTER_SX} />
  </ReferenceInput>,
  <SelectInput key="membershipStatus" source="membershipStatus" label="Membership status" choices={MEMBERSHIP_STATUS_CHOICES} sx={FILTER_SX} />,
  <NullableBooleanInput key="isRep" source="isRep" label="Is a rep" sx={FILTER_SX} />,
];

export const ContactList = () => (
  <List
    filters={filters}
    sort={{ field: 'lastName', order: 'ASC' }}
    perPage={25}
    actions={<ListActions />}
    empty={
      <EmptyState
        icon={<PeopleIcon />}
        title="No contacts yet"
        explanation="Add the people who work on your wards (or import a staff list) to start mapping membership."
      />
    }
  >
    <ContactTable />
  </List>
);
