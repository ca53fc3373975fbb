import { Create, SimpleForm } from 'react-admin';
import { administeredBranchIds, getUser } from '../session';
import { UserInputs } from './UserInputs';

export const UserCreate = () => {
  const [branchId] = administeredBranchIds(getUser());
  const defaults = { roles: [{ branchId, role: undefined }], patchSiteIds: [] };
  return (
    <Create redirect="show" title="New user">
      <SimpleForm defaultValues={defaults} aria-label="New user" noValidate>
        <UserInputs />
      </SimpleForm>
    </Create>
  );
};
