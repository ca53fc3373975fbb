import { DeleteButton, Edit, SaveButton, SimpleForm, Toolbar } from 'react-admin';
import { useSaveNotice } from '../common/useSaveNotice';
import { IssueTagInputs } from './IssueTagInputs';
import { RecordLoading } from '../common/Loading';

const EditToolbar = () => (
  <Toolbar sx={{ justifyContent: 'space-between', gap: 1 }}>
    <SaveButton />
    <DeleteButton
      mutationMode="pessimistic"
      confirmTitle="Delete this issue tag?"
      confirmContent="Only a tag no conversation uses can be deleted; retire a used one instead."
    />
  </Toolbar>
);

/** Rename or retire a tag. */
export const IssueTagEdit = () => {
  const saveNotice = useSaveNotice('saved', 'list');
  return (
    <Edit loading={<RecordLoading what="issue tag" />} mutationMode="pessimistic" mutationOptions={saveNotice}>
      <SimpleForm toolbar={<EditToolbar />} aria-label="Edit issue tag">
        <IssueTagInputs />
      </SimpleForm>
    </Edit>
  );
};
