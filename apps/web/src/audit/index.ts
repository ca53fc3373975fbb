import ManageSearchIcon from '@mui/icons-material/ManageSearch';
import type { RaRecord } from 'react-admin';
import { AUDIT_ACTION_LABELS, entityTypeLabel, type AuditAction } from './auditActions';
import { AuditList } from './AuditList';
import { AuditShow } from './AuditShow';

/** The append-only audit log (admins only): a list and a show page, never create, edit or delete. */
export default {
  list: AuditList,
  show: AuditShow,
  icon: ManageSearchIcon,
  recordRepresentation: (record: RaRecord) =>
    `${AUDIT_ACTION_LABELS[record.action as AuditAction] ?? record.action} ${record.entityType ? entityTypeLabel(record.entityType) : ''}`.trim(),
};
