import { Alert, Typography } from '@mui/material';
import { DeleteButton, Edit, SaveButton, SimpleForm, Toolbar, useRecordContext } from 'react-admin';
import type { ConversationRecord } from './conversationText';
import { useSaveNotice } from '../common/useSaveNotice';
import { ConversationInputs } from './ConversationInputs';
import { ConversationTitle } from './ConversationTitle';
import { RecordLoading } from '../common/Loading';

const EditToolbar = () => (
  <Toolbar sx={{ justifyContent: 'space-between', gap: 1 }}>
    <SaveButton />
    <DeleteButton
      mutationMode="pessimistic"
      confirmTitle="Delete this conversation?"
      confirmContent="Only for a conversation logged by mistake: the assessment it recorded is removed from the person's history too."
    />
  </Toolbar>
);

/** The form, or why there is none: only whoever logged a conversation, or the branch's officers, may change it. */
const EditForm = () => {
  const record = useRecordContext<ConversationRecord>();
  if (record && record.mayChange === false) {
    return (
      <Alert severity="info" sx={{ m: 2 }}>
        Only the person who logged this conversation, or a branch secretary or admin, may change it.
      </Alert>
    );
  }
  return (
    <SimpleForm toolbar={<EditToolbar />} aria-label="Edit conversation" sx={{ maxWidth: 640 }}>
      <Typography variant="h6" component="h2" sx={{ mb: 2 }}>
        <ConversationTitle />
      </Typography>
      <ConversationInputs focusIssues />
    </SimpleForm>
  );
};

/** Corrects a conversation; a changed assessment is added to the history (the old one stays). */
export const ConversationEdit = () => {
  const saveNotice = useSaveNotice('saved');
  return (
    <Edit loading={<RecordLoading what="conversation" />} mutationMode="pessimistic" title={<ConversationTitle />} mutationOptions={saveNotice}>
      <EditForm />
    </Edit>
  );
};
