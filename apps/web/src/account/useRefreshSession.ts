import { useCallback } from 'react';
import { useGetIdentity } from 'react-admin';
import { refreshSessionUser } from '../authProvider';

/**
 * Reads the signed-in user's roles again and shows them (e.g. after creating a branch, whose creator
 * becomes its admin). A failure leaves the session as it was: the API stays the authority.
 */
export function useRefreshSession(): () => Promise<void> {
  const { refetch } = useGetIdentity();
  return useCallback(async () => {
    await refreshSessionUser().catch(() => undefined);
    await refetch();
  }, [refetch]);
}
