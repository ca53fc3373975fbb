import { Card, CardContent, Grid, Stack, Typography } from '@mui/material';
import { ASK_ANSWER_LABELS } from '@rollcall/domain';
import {
  DeleteButton,
  EditButton,
  FunctionField,
  ReferenceField,
  Show,
  TextField,
  TopToolbar,
  useRecordContext,
  useResourceDefinition,
} from 'react-admin';
import { Permission, useCan } from '../permissions';
import { AuditHistoryButton } from '../audit/AuditHistoryButton';
import { labelOf } from '../choices';
import { DayField } from '../common/DayField';
import { LabelledFieldGrid, type LabelledValue } from '../common/LabelledField';
import { AssessmentField } from '../organising/AssessmentChip';
import { FollowUpChip } from '../organising/FollowUpChip';
import { formatDateTime } from '../common/dates';
import { AeiouChips, IssueChips } from './ConversationChips';
import { ConversationTitle } from './ConversationTitle';
import { howText, type ConversationRecord } from './conversationText';
import { RecordLoading } from '../common/Loading';

const Actions = () => {
  const { hasEdit } = useResourceDefinition();
  // Edit and Delete only where the API would allow them: whoever logged it, or the branch's secretary or admin.
  const record = useRecordContext<ConversationRecord>();
  const may = hasEdit && record?.mayChange === true;
  const mayReadAudit = useCan(Permission.AUDIT_READ);
  // Nothing to offer: no empty toolbar taking the top of a phone's screen.
  if (!may && !mayReadAudit) return null;
  return (
    <TopToolbar>
      <AuditHistoryButton />
      {may && <EditButton />}
      {may && (
        <DeleteButton
          mutationMode="pessimistic"
          confirmTitle="Delete this conversation?"
          confirmContent="Only for a conversation logged by mistake: the assessment it recorded is removed from the person's history too."
        />
      )}
    </TopToolbar>
  );
};

const FIELDS: readonly LabelledValue[] = [
  ['Person', <ReferenceField source="contactId" reference="Contacts" link="show" />],
  ['Ward', <TextField source="contact.ward.name" emptyText="—" />],
  ['When', <FunctionField<ConversationRecord> render={(r) => formatDateTime(r.occurredAt)} />],
  ['Who', <TextField source="repName" emptyText="—" />],
  ['How', <FunctionField<ConversationRecord> render={howText} />],
  ['Assessment after it', <AssessmentField />],
  ['Issues raised', <IssueChipsOrDash />],
  ['AEIOU steps', <AeiouChips />],
  ['The ask', <TextField source="ask" emptyText="—" />],
  ['Their answer', <FunctionField<ConversationRecord> render={(r) => labelOf(ASK_ANSWER_LABELS, r.answer) || '—'} />],
  ['Next step', <TextField source="nextStep" emptyText="—" />],
  ['Follow-up', <FollowUpField />],
];

function IssueChipsOrDash() {
  const record = useRecordContext<{ issueTags?: unknown[] }>();
  return record?.issueTags?.length ? <IssueChips /> : <>—</>;
}

function FollowUpField() {
  const record = useRecordContext<ConversationRecord>();
  if (!record?.followUpDate) return <>—</>;
  return (
    <Stack direction="row" spacing={1} useFlexGap sx={{ alignItems: 'center', flexWrap: 'wrap' }}>
      <DayField source="followUpDate" />
      <FollowUpChip followUp={record} />
    </Stack>
  );
}

const Notes = () => {
  const record = useRecordContext<{ notes?: string | null }>();
  if (!record?.notes) return null;
  return (
    <>
      <Typography variant="subtitle2" component="h2" sx={{ mt: 2 }}>
        Notes
      </Typography>
      <Typography variant="body2" sx={{ whiteSpace: 'pre-wrap' }}>
        {record.notes}
      </Typography>
    </>
  );
};

export const ConversationShow = () => (
  <Show loading={<RecordLoading what="conversation" />} actions={<Actions />} title={<ConversationTitle />}>
    <Card variant="outlined" sx={{ border: 0 }}>
      <CardContent>
        <Typography variant="h5" component="h2" sx={{ mb: 2 }}>
          <ConversationTitle />
        </Typography>
        <LabelledFieldGrid fields={FIELDS} size={{ xs: 12, sm: 6, md: 4 }} spacing={1} />
        <Grid container>
          <Grid size={12}>
            <Notes />
          </Grid>
        </Grid>
      </CardContent>
    </Card>
  </Show>
);
