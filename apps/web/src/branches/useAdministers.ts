import { useRecordContext } from 'react-admin';
import { administeredBranchIds, getUser } from '../session';

/** True when the signed-in user administers the branch in context (only then may they change it). */
export function useAdministers(): boolean {
  const record = useRecordContext<{ id: string }>();
  return !!record && administeredBranchIds(getUser()).includes(String(record.id));
}
