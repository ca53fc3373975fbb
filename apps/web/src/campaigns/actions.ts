import EventIcon from '@mui/icons-material/Event';
import { ActionCreate } from './ActionCreate';
import { ActionEdit } from './ActionEdit';
import { ActionShow } from './ActionShow';

/** A campaign's actions: reached from the campaign's page (no list of their own in the menu). */
export default {
  show: ActionShow,
  edit: ActionEdit,
  create: ActionCreate,
  icon: EventIcon,
  recordRepresentation: 'title',
};
