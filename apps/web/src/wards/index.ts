import MeetingRoomIcon from '@mui/icons-material/MeetingRoom';
import { WardCreate } from './WardCreate';
import { WardEdit } from './WardEdit';
import { WardList } from './WardList';
import { WardShow } from './WardShow';

export default {
  list: WardList,
  show: WardShow,
  edit: WardEdit,
  create: WardCreate,
  icon: MeetingRoomIcon,
  recordRepresentation: 'name',
};
