import { Create, SimpleForm, useNotify, useRedirect, type RaRecord } from 'react-admin';
import { useRefreshSession } from '../account/useRefreshSession';
import { BranchInputs } from './BranchInputs';

/** Whoever creates a branch becomes its admin: the session's roles are read again afterwards. */
export const BranchCreate = () => {
  const notify = useNotify();
  const redirect = useRedirect();
  const refreshSession = useRefreshSession();
  const onSuccess = async (branch: RaRecord) => {
    await refreshSession();
    notify('Branch created: you are its admin', { type: 'info' });
    redirect('show', 'Branches', branch.id);
  };
  return (
    <Create title="New branch" mutationOptions={{ onSuccess }}>
      <SimpleForm defaultValues={{ employerIds: [] }} aria-label="New branch">
        <BranchInputs />
      </SimpleForm>
    </Create>
  );
};
