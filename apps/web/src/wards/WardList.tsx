import MeetingRoomIcon from '@mui/icons-material/MeetingRoom';
import { SelectInput } from 'react-admin';
import { WARD_TYPE_CHOICES } from '../choices';
import { FILTER_SX, myBranchesFilter, NameList, referenceFilter, searchFilter } from '../common/NameList';
import { WardTable } from './WardTable';

const filters = [
  searchFilter('wards'),
  myBranchesFilter,
  referenceFilter('siteId', 'Sites', 'Site'),
  referenceFilter('employerId', 'Employers', 'Employer'),
  <SelectInput key="type" source="type" choices={WARD_TYPE_CHOICES} sx={FILTER_SX} />,
];

export const WardList = () => (
  <NameList
    filters={filters}
    myBranches
    empty={{
      icon: <MeetingRoomIcon />,
      title: 'No wards yet',
      explanation: 'Wards and departments are where people work: add them to a site to start mapping who works where.',
    }}
  >
    <WardTable showSite />
  </NameList>
);
