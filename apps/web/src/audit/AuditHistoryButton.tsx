import HistoryIcon from '@mui/icons-material/History';
import { Role } from '@rollcall/domain';
import { Button, Link, usePermissions, useRecordContext } from 'react-admin';

/** For admins: the audit log filtered to this record. */
export const AuditHistoryButton = () => {
  const record = useRecordContext();
  const { permissions } = usePermissions();
  if (!record || permissions !== Role.ADMIN) return null;
  const search = `filter=${encodeURIComponent(JSON.stringify({ entityId: String(record.id) }))}`;
  return (
    <Button component={Link} to={{ pathname: '/AuditEvents', search }} label="History">
      <HistoryIcon />
    </Button>
  );
};
