import PeopleIcon from '@mui/icons-material/People';
import type { RaRecord } from 'react-admin';
import { ContactCreate } from './ContactCreate';
import { ContactEdit } from './ContactEdit';
import { ContactList } from './ContactList';
import { ContactShow } from './ContactShow';

export default {
  list: ContactList,
  show: ContactShow,
  edit: ContactEdit,
  create: ContactCreate,
  icon: PeopleIcon,
  recordRepresentation: (record: RaRecord) => record.fullName ?? `${record.firstName} ${record.lastName}`,
};
