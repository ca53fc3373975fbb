import EventRepeatIcon from '@mui/icons-material/EventRepeat';
import { FollowUpList } from './FollowUpList';

/** Follow-ups: a list only (they are conversations; they are done by logging the next one). */
export default {
  list: FollowUpList,
  icon: EventRepeatIcon,
};
