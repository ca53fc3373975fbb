import { Typography } from '@mui/material';
import { DeleteButton, Edit, SaveButton, SimpleForm, Toolbar } from 'react-admin';
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

/** Corrects a conversation; a changed assessment is added to the history (the old one stays). */
export const ConversationEdit = () => {
  const saveNotice = useSaveNotice('saved');
  return (
    <Edit loading={<RecordLoading what="conversation" />} mutationMode="pessimistic" title={<ConversationTitle />} mutationOptions={saveNotice}>
      <SimpleForm toolbar={<EditToolbar />} aria-label="Edit conversation" sx={{ maxWidth: 640 }}>
        <Typography variant="h6" component="h2" sx={{ mb: 2 }}>
          <ConversationTitle />
        </Typography>
        <ConversationInputs focusIssues />
      </SimpleForm>
    </Edit>
  );
};
