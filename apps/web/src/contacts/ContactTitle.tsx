import { useRecordContext } from 'react-admin';

export const ContactTitle = () => {
  const record = useRecordContext<{ fullName?: string; firstName?: string; lastName?: string }>();
  if (!record) return <>Contact</>;
  return <>{record.fullName ?? `${record.firstName ?? ''} ${record.lastName ?? ''}`.trim()}</>;
};
