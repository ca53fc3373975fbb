import { Card, CardContent, Grid, Stack, Typography } from '@mui/material';
import { ListButton, Show, TextField, TopToolbar, useRecordContext } from 'react-admin';
import { LabelledField } from '../common/LabelledField';
import { AUDIT_ACTION_LABELS, entityTypeLabel, type AuditEventRecord } from './auditActions';
import { AuditDiff } from './AuditDiff';
import { AuditActionChip, AuditRecordField, AuditTimeField } from './AuditFields';
import { RecordLoading } from '../common/Loading';

/** Short values two to a row on phones; ids (UUIDs) get a row of their own there. */
const SHORT = { xs: 6, sm: 6, md: 4 };
const LONG = { xs: 12, sm: 6, md: 4 };

const FIELDS = [
  ['Time', <AuditTimeField />, SHORT],
  ['Action', <AuditActionChip />, SHORT],
  ['Who', <TextField source="actorEmail" emptyText="—" />, LONG],
  ['IP address', <TextField source="ip" emptyText="—" />, SHORT],
  ['Record', <AuditRecordField full />, LONG],
  ['User id', <TextField source="userId" emptyText="—" />, LONG],
  ['Event id', <TextField source="id" />, LONG],
] as const;

const AuditTitle = () => {
  const record = useRecordContext<AuditEventRecord>();
  if (!record) return <span>Audit event</span>;
  const what = AUDIT_ACTION_LABELS[record.action] ?? record.action;
  return <span>{record.entityType ? `${what}: ${entityTypeLabel(record.entityType)}` : what}</span>;
};

/** Read-only: the log is append-only, so back to the list and nothing else. */
const AuditShowActions = () => (
  <TopToolbar>
    <ListButton label="Audit log" />
  </TopToolbar>
);

export const AuditShow = () => (
  <Show loading={<RecordLoading what="audit entry" />} title={<AuditTitle />} actions={<AuditShowActions />} sx={{ '& .RaShow-card': { bgcolor: 'transparent', boxShadow: 'none' } }}>
    <Stack spacing={2}>
      <Card variant="outlined">
        <CardContent>
          <Typography variant="h5" component="h2" sx={{ mb: 2 }}>
            <AuditTitle />
          </Typography>
          <Grid container spacing={1}>
            {FIELDS.map(([label, field, size]) => (
              <LabelledField key={label} label={label} size={size}>
                {field}
              </LabelledField>
            ))}
          </Grid>
        </CardContent>
      </Card>
      <Card variant="outlined">
        <CardContent>
          <AuditDiff />
        </CardContent>
      </Card>
    </Stack>
  </Show>
);
