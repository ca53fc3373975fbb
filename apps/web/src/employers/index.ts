import BusinessIcon from '@mui/icons-material/Business';
import { EmployerCreate } from './EmployerCreate';
import { EmployerEdit } from './EmployerEdit';
import { EmployerList } from './EmployerList';
import { EmployerShow } from './EmployerShow';

export default {
  list: EmployerList,
  show: EmployerShow,
  edit: EmployerEdit,
  create: EmployerCreate,
  icon: BusinessIcon,
  recordRepresentation: 'name',
};
