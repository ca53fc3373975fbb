import LocalHospitalIcon from '@mui/icons-material/LocalHospital';
import { SelectInput } from 'react-admin';
import { SITE_KIND_CHOICES } from '../choices';
import { FILTER_SX, myBranchesFilter, NameList, referenceFilter, searchFilter } from '../common/NameList';
import { SiteTable } from './SiteTable';

const filters = [
  searchFilter('sites'),
  myBranchesFilter,
  referenceFilter('employerId', 'Employers', 'Employer'),
  <SelectInput key="kind" source="kind" choices={SITE_KIND_CHOICES} sx={FILTER_SX} />,
];

export const SiteList = () => (
  <NameList
    filters={filters}
    myBranches
    empty={{
      icon: <LocalHospitalIcon />,
      title: 'No sites yet',
      explanation: 'Sites are the hospitals, clinics and community bases where your members work.',
    }}
  >
    <SiteTable showEmployer />
  </NameList>
);
