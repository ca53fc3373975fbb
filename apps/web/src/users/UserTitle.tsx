import { useRecordContext } from 'react-admin';

/** An account's name, or "User" while it loads. */
export const UserTitle = () => {
  const record = useRecordContext<{ displayName?: string }>();
  return <>{record?.displayName ?? 'User'}</>;
};
