import { DeleteButton, useNotify, useRedirect } from 'react-admin';
import { useRefreshSession } from '../account/useRefreshSession';
import { useAdministers } from './useAdministers';

/**
 * Deletes a branch the user administers, after a confirmation. Their own roles in it go too, so the
 * session's roles are read again.
 */
export const BranchDeleteButton = () => {
  const notify = useNotify();
  const redirect = useRedirect();
  const refreshSession = useRefreshSession();
  const administers = useAdministers();
  if (!administers) return null;
  return (
    <DeleteButton
      mutationMode="pessimistic"
      confirmTitle="Delete this branch?"
      confirmContent="Only a branch in which nobody else holds a role can be deleted. Its employers and their staff stay."
      mutationOptions={{
        onSuccess: async () => {
          await refreshSession();
          notify('Branch deleted', { type: 'info' });
          redirect('list', 'Branches');
        },
        onError: (error: unknown) => notify(error instanceof Error ? error.message : 'Could not delete the branch', { type: 'error' }),
      }}
    />
  );
};
