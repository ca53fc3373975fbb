import type { MouseEvent } from 'react';
import { Box, Chip } from '@mui/material';
import { Link, useCreatePath, useRecordContext } from 'react-admin';
import {
  AUDIT_ACTION_COLOURS,
  AUDIT_ACTION_LABELS,
  ENTITY_RESOURCES,
  entityTypeLabel,
  formatTime,
  type AuditEventRecord,
} from './auditActions';

/** Fields of a Datagrid column take these (react-admin reads them off the element). */
interface ColumnProps {
  label?: string;
  source?: string;
  sortBy?: string;
  sortable?: boolean;
}

export const AuditActionChip = (_props: ColumnProps) => {
  const record = useRecordContext<AuditEventRecord>();
  if (!record) return null;
  const colour = AUDIT_ACTION_COLOURS[record.action] ?? 'default';
  return (
    <Chip
      size="small"
      color={colour}
      variant={colour === 'error' || colour === 'warning' ? 'filled' : 'outlined'}
      label={AUDIT_ACTION_LABELS[record.action] ?? record.action}
    />
  );
};

export const AuditTimeField = (_props: ColumnProps) => {
  const record = useRecordContext<AuditEventRecord>();
  if (!record) return null;
  return (
    <Box component="time" dateTime={record.createdAt} sx={{ whiteSpace: 'nowrap' }}>
      {formatTime(record.createdAt)}
    </Box>
  );
};

/** "Contact · <link to the contact>", or the type and the bare id for records without a page. */
export const AuditRecordField = ({ link = true, full = false }: ColumnProps & { link?: boolean; full?: boolean }) => {
  const record = useRecordContext<AuditEventRecord>();
  const createPath = useCreatePath();
  if (!record) return null;
  if (!record.entityType && !record.entityId) return <span>—</span>;
  const resource = link && record.entityType ? ENTITY_RESOURCES[record.entityType] : undefined;
  const id = record.entityId && (full ? record.entityId : shortId(record.entityId));
  return (
    <Box component="span" sx={{ wordBreak: 'break-word' }}>
      {record.entityType ? entityTypeLabel(record.entityType) : 'Record'}
      {record.entityId && (
        <>
          {' · '}
          {resource ? (
            <Link
              to={createPath({ resource, id: record.entityId, type: 'show' })}
              onClick={(e: MouseEvent) => e.stopPropagation()}
              aria-label={`Open ${entityTypeLabel(record.entityType!)} ${record.entityId}`}
            >
              {id}
            </Link>
          ) : (
            <Box component="span" sx={{ fontFamily: 'monospace', fontSize: '0.85em' }} title={record.entityId}>
              {id}
            </Box>
          )}
        </>
      )}
    </Box>
  );
};

/** The first block of a UUID is enough to tell records apart in a list. */
export function shortId(id: string): string {
  return /^[0-9a-f]{8}-[0-9a-f-]{27}$/i.test(id) ? `${id.slice(0, 8)}…` : id;
}
