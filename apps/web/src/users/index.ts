import ManageAccountsIcon from '@mui/icons-material/ManageAccounts';
import type { RaRecord } from 'react-admin';
import { UserCreate } from './UserCreate';
import { UserEdit } from './UserEdit';
import { UserList } from './UserList';
import { UserShow } from './UserShow';

/** Accounts (admins only): created, edited and deactivated, never deleted. */
export default {
  list: UserList,
  show: UserShow,
  edit: UserEdit,
  create: UserCreate,
  icon: ManageAccountsIcon,
  recordRepresentation: (record: RaRecord) => record.displayName ?? record.email,
};
