import { Edit, SaveButton, SimpleForm, Toolbar } from 'react-admin';
import { useSaveNotice } from '../common/useSaveNotice';
import { NameTitle } from '../common/RecordDetails';
import { BranchDeleteButton } from './BranchDeleteButton';
import { BranchInputs } from './BranchInputs';
import { RecordLoading } from '../common/Loading';

const BranchToolbar = () => (
  <Toolbar sx={{ justifyContent: 'space-between', gap: 1 }}>
    <SaveButton />
    <BranchDeleteButton />
  </Toolbar>
);

export const BranchEdit = () => {
  const saveNotice = useSaveNotice('saved');
  return (
    <Edit loading={<RecordLoading what="branch" />} mutationMode="pessimistic" title={<NameTitle fallback="Branch" />} mutationOptions={saveNotice}>
      <SimpleForm toolbar={<BranchToolbar />} aria-label="Edit branch">
        <BranchInputs />
      </SimpleForm>
    </Edit>
  );
};
