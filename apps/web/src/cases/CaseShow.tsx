import AddIcon from '@mui/icons-material/Add';
import EditIcon from '@mui/icons-material/Edit';
import { Box, Button, Card, CardContent, Chip, IconButton, Link, List, ListItem, Typography } from '@mui/material';
import { useState, type ReactNode } from 'react';
import { EditButton, LinkBase, Show, type RaRecord, TopToolbar, useCreatePath, useRecordContext, useResourceDefinition } from 'react-admin';
import { AuditHistoryButton } from '../audit/AuditHistoryButton';
import { labelOf } from '../choices';
import { formatDateTime, formatDay } from '../common/dates';
import { CARDLESS_SHOW_SX, DetailsCard, TitleRow } from '../common/DetailsCard';
import { EmptyNote } from '../common/ItemRow';
import type { LabelledValue } from '../common/LabelledField';
import { PanelColumns, PanelSlot } from '../common/PanelColumns';
import { RecordLoading } from '../common/Loading';
import { TitledSection } from '../common/TitledSection';
import { Permission, useCan } from '../permissions';
import { CASE_OUTCOME_LABELS } from '@rollcall/domain';
import { CaseStatusChip } from './CaseChips';
import { CaseDocuments } from './CaseDocuments';
import { CaseTitle } from './CaseTitle';
import { caseTypeText, meetingKindText, TEAM_ROLE_LABELS, type CaseMeetingRecord, type CaseRecord } from './caseText';
import { CaseLinksPanel } from './CaseLinksPanel';
import { CaseTeamPanel } from './CaseTeamPanel';
import { CustomDeadlineDialog } from './CustomDeadlineDialog';
import { DeleteCaseButton } from './DeleteCaseButton';
import { DeadlineItem, DeadlineItems } from './DeadlineItems';
import { MeetingDialog } from './MeetingDialog';
import { NoteForm } from './NoteForm';

const Actions = () => {
  const { hasEdit } = useResourceDefinition();
  const record = useRecordContext<CaseRecord>();
  // Edit only where the API would allow it: the case's caseworkers, or the branch's secretary or admin.
  const may = hasEdit && record?.mayChange === true;
  const mayReadAudit = useCan(Permission.AUDIT_READ);
  if (!may && !mayReadAudit && record?.mayManage !== true) return null;
  return (
    <TopToolbar>
      <AuditHistoryButton />
      {may && <EditButton />}
      <DeleteCaseButton />
    </TopToolbar>
  );
};

/** Renders `render(record)` for the case on the page. */
function CaseValue({ render }: { render: (c: CaseRecord) => ReactNode }) {
  const record = useRecordContext<CaseRecord>();
  return record ? <>{render(record)}</> : null;
}

const MemberLink = () => {
  const createPath = useCreatePath();
  return (
    <CaseValue
      render={(c) =>
        c.contact ? (
          <Link component={LinkBase} to={createPath({ resource: 'Contacts', type: 'show', id: c.contactId })}>
            {c.contact.fullName}
          </Link>
        ) : (
          '—'
        )
      }
    />
  );
};

const FIELDS: readonly LabelledValue[] = [
  ['Member', <MemberLink />],
  ['Type', <CaseValue render={(c) => caseTypeText(c.type)} />],
  ['Opened', <CaseValue render={(c) => formatDay(c.openedOn)} />],
  ['Closed', <CaseValue render={(c) => formatDay(c.closedOn) || '—'} />],
  ['Employer', <CaseValue render={(c) => (c as { employer?: { name: string } | null }).employer?.name ?? '—'} />],
  ['Caseworker', <CaseValue render={(c) => c.caseworkerName ?? '—'} />],
  ['Consent to representation', <CaseValue render={(c) => ((c as { consentToRepresentation?: boolean }).consentToRepresentation ? 'Given' : 'Not recorded')} />],
  ['Outcome', <CaseValue render={(c) => labelOf(CASE_OUTCOME_LABELS, c.outcome) || 'Not yet'} />],
];

const Heading = () => {
  const record = useRecordContext<CaseRecord>();
  if (!record) return null;
  return (
    <Box sx={{ mb: 2 }}>
      <TitleRow title={<CaseTitle />}>
        <CaseStatusChip status={record.status} />
        {record.myPlace && <Chip size="small" variant="outlined" label={`You: ${labelOf(TEAM_ROLE_LABELS, record.myPlace)}`} />}
      </TitleRow>
      <Typography variant="body2" sx={{ mt: 1, whiteSpace: 'pre-wrap' }} data-testid="case-summary">
        {record.summary || 'No summary yet.'}
      </Typography>
    </Box>
  );
};

const panel = (content: ReactNode) => (
  <Card variant="outlined">
    <CardContent>{content}</CardContent>
  </Card>
);

/** The computed deadlines and those set by hand; "Add deadline" (and editing one set by hand) where the user may change the case. */
const DeadlinesPanel = () => {
  const record = useRecordContext<CaseRecord>();
  const [dialog, setDialog] = useState<{ open: boolean; deadline: RaRecord | null }>({ open: false, deadline: null });
  if (!record) return null;
  const may = record.mayChange === true;
  const custom = (record as { customDeadlines?: RaRecord[] }).customDeadlines ?? [];
  return (
    <TitledSection
      title="Deadlines"
      actions={
        may && (
          <Button size="small" variant="outlined" startIcon={<AddIcon />} onClick={() => setDialog({ open: true, deadline: null })}>
            Add deadline
          </Button>
        )
      }
    >
      <DeadlineItems
        deadlines={record.deadlines ?? []}
        onEdit={may ? (id) => setDialog({ open: true, deadline: custom.find((d) => d.id === id) ?? null }) : undefined}
      />
      {dialog.open && (
        <CustomDeadlineDialog caseId={String(record.id)} deadline={dialog.deadline} open onClose={() => setDialog({ open: false, deadline: null })} />
      )}
    </TitledSection>
  );
};

/** The case's meetings by date, each with the deadline it sets (a hearing's s.10 date); add and edit for those who may. */
const MeetingsPanel = () => {
  const record = useRecordContext<CaseRecord>();
  const [dialog, setDialog] = useState<{ open: boolean; meeting: CaseMeetingRecord | null }>({ open: false, meeting: null });
  if (!record) return null;
  const may = record.mayChange === true;
  const meetings = [...(record.meetings ?? [])].sort((a, b) => `${a.date} ${a.time ?? ''}`.localeCompare(`${b.date} ${b.time ?? ''}`));
  return (
    <TitledSection
      title="Meetings"
      actions={
        may && (
          <Button size="small" variant="outlined" startIcon={<AddIcon />} onClick={() => setDialog({ open: true, meeting: null })}>
            Add meeting
          </Button>
        )
      }
    >
      {meetings.length === 0 ? (
        <EmptyNote>No meetings yet.</EmptyNote>
      ) : (
        <List dense disablePadding aria-label="Meetings">
          {meetings.map((m) => (
            <ListItem
              key={m.id}
              disableGutters
              divider
              data-testid="case-meeting"
              sx={{ display: 'block', py: 1 }}
              secondaryAction={
                may && (
                  <IconButton edge="end" aria-label={`Edit ${meetingKindText(m.kind).toLowerCase()} of ${formatDay(m.date)}`} onClick={() => setDialog({ open: true, meeting: m })}>
                    <EditIcon />
                  </IconButton>
                )
              }
            >
              <Typography sx={{ fontWeight: 600, pr: 5 }}>
                {meetingKindText(m.kind)}, {formatDay(m.date)}
                {m.time ? ` at ${m.time}` : ''}
              </Typography>
              <Typography variant="body2" color="text.secondary">
                {[m.place, m.panel && `panel: ${m.panel}`, m.accompanied ? `accompanied${m.accompaniedBy ? ` by ${m.accompaniedBy}` : ''}` : 'not accompanied']
                  .filter(Boolean)
                  .join(' · ')}
              </Typography>
              {m.outcome && <Typography variant="body2">Outcome: {m.outcome}</Typography>}
              {m.notes && (
                <Typography variant="body2" sx={{ whiteSpace: 'pre-wrap' }}>
                  {m.notes}
                </Typography>
              )}
              {(record.deadlines ?? [])
                .filter((d) => d.meetingId === m.id)
                .map((d) => (
                  <Box key={d.key} sx={{ mt: 0.5 }}>
                    <DeadlineItem deadline={d} brief />
                  </Box>
                ))}
            </ListItem>
          ))}
        </List>
      )}
      {dialog.open && <MeetingDialog caseId={String(record.id)} meeting={dialog.meeting} open onClose={() => setDialog({ open: false, meeting: null })} />}
    </TitledSection>
  );
};

/** Notes, newest first, with who wrote them and when; a note form for the team (and the branch's officers). */
const NotesPanel = () => (
  <CaseValue
    render={(c) => (
      <TitledSection title="Notes">
        {c.mayAddNote && <NoteForm caseId={String(c.id)} />}
        {(c.notes ?? []).length === 0 ? (
          <EmptyNote>No notes yet.</EmptyNote>
        ) : (
          <List dense disablePadding aria-label="Notes">
            {(c.notes ?? []).map((n) => (
              <ListItem key={n.id} disableGutters divider data-testid="case-note" sx={{ display: 'block', py: 1 }}>
                <Typography variant="body2" color="text.secondary">
                  {[n.authorName ?? 'Someone', formatDateTime(n.writtenAt)].join(' · ')}
                </Typography>
                <Typography variant="body2" sx={{ whiteSpace: 'pre-wrap' }}>
                  {n.body ?? '—'}
                </Typography>
              </ListItem>
            ))}
          </List>
        )}
      </TitledSection>
    )}
  />
);

/** Where each panel goes when the page is one column (a phone): what is due before what happened. */
const NARROW_ORDER = { details: 1, deadlines: 2, meetings: 3, notes: 4, team: 5, links: 6 } as const;

/** Two columns on wide screens (the case and its meetings; deadlines, notes and the team), one on a phone. */
const CasePanels = () => (
  <PanelColumns
    left={
      <>
        <PanelSlot order={NARROW_ORDER.details}>
          <DetailsCard heading={<Heading />} fields={FIELDS} size={{ xs: 6, sm: 6, md: 4 }} />
        </PanelSlot>
        <PanelSlot order={NARROW_ORDER.meetings}>{panel(<MeetingsPanel />)}</PanelSlot>
        <PanelSlot order={NARROW_ORDER.notes}>{panel(<NotesPanel />)}</PanelSlot>
      </>
    }
    right={
      <>
        <PanelSlot order={NARROW_ORDER.deadlines}>{panel(<DeadlinesPanel />)}</PanelSlot>
        <CaseDocuments order={NARROW_ORDER.notes} />
        <PanelSlot order={NARROW_ORDER.team}>{panel(<CaseTeamPanel />)}</PanelSlot>
        <PanelSlot order={NARROW_ORDER.links}>{panel(<CaseLinksPanel />)}</PanelSlot>
      </>
    }
  />
);

export const CaseShow = () => (
  <Show loading={<RecordLoading what="case" />} actions={<Actions />} title={<CaseTitle />} sx={CARDLESS_SHOW_SX}>
    <CasePanels />
  </Show>
);

