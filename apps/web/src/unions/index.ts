import GroupsIcon from '@mui/icons-material/Groups';
import { UnionCreate } from './UnionCreate';
import { UnionEdit } from './UnionEdit';
import { UnionList } from './UnionList';
import { UnionShow } from './UnionShow';

export default {
  list: UnionList,
  show: UnionShow,
  edit: UnionEdit,
  create: UnionCreate,
  icon: GroupsIcon,
  recordRepresentation: 'shortName',
};
