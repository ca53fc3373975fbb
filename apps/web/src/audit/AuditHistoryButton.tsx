import HistoryIcon from '@mui/icons-material/History';
import { Button, Link, useRecordContext } from 'react-admin';
import { Permission, useCan } from '../permissions';

/** For those who may read the audit log (admins): the log filtered to this record. */
export const AuditHistoryButton = () => {
  const record = useRecordContext();
  const mayRead = useCan(Permission.AUDIT_READ);
  if (!record || !mayRead) return null;
  const search = `filter=${encodeURIComponent(JSON.stringify({ entityId: String(record.id) }))}`;
  return (
    <Button component={Link} to={{ pathname: '/AuditEvents', search }} label="History">
      <HistoryIcon />
    </Button>
  );
};
