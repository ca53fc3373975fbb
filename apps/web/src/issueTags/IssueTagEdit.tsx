import { DeleteButton, Edit, SaveButton, SimpleForm, Toolbar } from 'react-admin';
import { IssueTagInputs } from './IssueTagInputs';

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
export const IssueTagEdit = () => (
  <Edit mutationMode="pessimistic" redirect="list">
    <SimpleForm toolbar={<EditToolbar />} aria-label="Edit issue tag">
      <IssueTagInputs />
    </SimpleForm>
  </Edit>
);
