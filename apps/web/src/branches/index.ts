import AccountTreeIcon from '@mui/icons-material/AccountTree';
import { BranchCreate } from './BranchCreate';
import { BranchEdit } from './BranchEdit';
import { BranchList } from './BranchList';
import { BranchShow } from './BranchShow';

/** Branches of the organisation (admins only): roles are given branch by branch. */
export default {
  list: BranchList,
  show: BranchShow,
  edit: BranchEdit,
  create: BranchCreate,
  icon: AccountTreeIcon,
  recordRepresentation: 'name',
};
