import { Edit, SaveButton, SimpleForm, Toolbar } from 'react-admin';
import { NameTitle } from '../common/RecordDetails';
import { BranchDeleteButton } from './BranchDeleteButton';
import { BranchInputs } from './BranchInputs';

const BranchToolbar = () => (
  <Toolbar sx={{ justifyContent: 'space-between', gap: 1 }}>
    <SaveButton />
    <BranchDeleteButton />
  </Toolbar>
);

export const BranchEdit = () => (
  <Edit mutationMode="pessimistic" redirect="show" title={<NameTitle fallback="Branch" />}>
    <SimpleForm toolbar={<BranchToolbar />} aria-label="Edit branch">
      <BranchInputs />
    </SimpleForm>
  </Edit>
);
