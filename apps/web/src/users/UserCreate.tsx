import { Create, SimpleForm } from 'react-admin';
import { useSaveNotice } from '../common/useSaveNotice';
import { administeredBranchIds, getUser } from '../session';
import { UserInputs } from './UserInputs';

export const UserCreate = () => {
  const saveNotice = useSaveNotice('added');
  const [branchId] = administeredBranchIds(getUser());
  const defaults = { roles: [{ branchId, role: undefined }], patchSiteIds: [] };
  return (
    <Create title="New user" mutationOptions={saveNotice}>
      <SimpleForm defaultValues={defaults} aria-label="New user" noValidate>
        <UserInputs />
      </SimpleForm>
    </Create>
  );
};
