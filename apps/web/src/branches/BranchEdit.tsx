import { Edit, SaveButton, SimpleForm, Toolbar } from 'react-admin';
import { useSaveNotice } from '../common/useSaveNotice';
import { NameTitle } from '../common/RecordDetails';
import { BranchDeleteButton } from './BranchDeleteButton';
import { BranchInputs } from './BranchInputs';

const BranchToolbar = () => (
  <Toolbar sx={{ justifyContent: 'space-between', gap: 1 }}>
    <SaveButton />
    <BranchDeleteButton />
  </Toolbar>
);

export const BranchEdit = () => {
  const saveNotice = useSaveNotice('saved');
  return (
    <Edit mutationMode="pessimistic" title={<NameTitle fallback="Branch" />} mutationOptions={saveNotice}>
      <SimpleForm toolbar={<BranchToolbar />} aria-label="Edit branch">
        <BranchInputs />
      </SimpleForm>
    </Edit>
  );
};
