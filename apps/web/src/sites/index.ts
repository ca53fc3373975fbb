import LocalHospitalIcon from '@mui/icons-material/LocalHospital';
import { SiteCreate } from './SiteCreate';
import { SiteEdit } from './SiteEdit';
import { SiteList } from './SiteList';
import { SiteShow } from './SiteShow';

export default {
  list: SiteList,
  show: SiteShow,
  edit: SiteEdit,
  create: SiteCreate,
  icon: LocalHospitalIcon,
  recordRepresentation: 'name',
};
