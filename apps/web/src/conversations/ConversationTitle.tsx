import { useRecordContext } from 'react-admin';
import type { ConversationRecord } from './conversationText';

export const ConversationTitle = () => {
  const record = useRecordContext<ConversationRecord>();
  return <>{record?.contact ? `Conversation with ${record.contact.fullName}` : 'Conversation'}</>;
};
