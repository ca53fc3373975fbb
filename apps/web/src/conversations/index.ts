import ForumIcon from '@mui/icons-material/Forum';
import type { RaRecord } from 'react-admin';
import { ConversationEdit } from './ConversationEdit';
import { ConversationList } from './ConversationList';
import { ConversationShow } from './ConversationShow';

/** Conversations: logged through the quick log (no create page), corrected or deleted here. */
export default {
  list: ConversationList,
  show: ConversationShow,
  edit: ConversationEdit,
  icon: ForumIcon,
  recordRepresentation: (record: RaRecord) => (record.contact?.fullName ? `Conversation with ${record.contact.fullName}` : 'Conversation'),
};
