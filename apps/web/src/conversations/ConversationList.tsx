import ForumIcon from '@mui/icons-material/Forum';
import { Box, Stack, Typography } from '@mui/material';
import { ASK_ANSWER_LABELS } from '@rollcall/domain';
import {
  AutocompleteInput,
  BooleanInput,
  Datagrid,
  DateInput,
  FilterButton,
  FunctionField,
  List,
  ReferenceInput,
  SearchInput,
  SelectInput,
  SimpleList,
  TopToolbar,
} from 'react-admin';
import { ANSWER_CHOICES, labelOf } from '../choices';
import { EmptyState } from '../common/EmptyState';
import { ExportCsvButton } from '../common/ExportCsvButton';
import { useIsSmall } from '../common/useIsSmall';
import { AssessmentChip, AssessmentField } from '../organising/AssessmentChip';
import { FollowUpChip } from '../organising/FollowUpChip';
import { formatTime } from '../organising/formatTime';
import { IssueChips } from './ConversationChips';
import { askText, howText, type ConversationRecord } from './conversationText';

const FILTER_SX = { minWidth: 170 };
const wardText = (w: { name: string; site?: { name: string } | null }) => (w.site ? `${w.name} (${w.site.name})` : w.name);

const filters = [
  <SearchInput key="q" source="q" alwaysOn placeholder="Ask, notes, next step" slotProps={{ htmlInput: { 'aria-label': 'Search conversations' } }} />,
  <BooleanInput key="mine" source="mine" label="Only mine" alwaysOn sx={{ mb: 0.5 }} />,
  <ReferenceInput key="issueTagId" source="issueTagId" reference="IssueTags" sort={{ field: 'name', order: 'ASC' }} perPage={100}>
    <SelectInput label="Issue" optionText="name" sx={FILTER_SX} />
  </ReferenceInput>,
  <SelectInput key="answer" source="answer" label="Answer" choices={ANSWER_CHOICES} sx={FILTER_SX} />,
  <ReferenceInput key="wardId" source="wardId" reference="Wards" sort={{ field: 'name', order: 'ASC' }} filter={{ myBranches: true }}>
    <AutocompleteInput label="Ward" optionText={wardText} sx={{ minWidth: 240 }} />
  </ReferenceInput>,
  <DateInput key="from" source="from" label="From" />,
  <DateInput key="to" source="to" label="To" />,
];

const Actions = () => (
  <TopToolbar>
    <FilterButton />
    <ExportCsvButton />
  </TopToolbar>
);

const empty = (
  <EmptyState
    icon={<ForumIcon />}
    title="No conversations logged yet"
    explanation="One-to-one conversations are the unit of organising: log each one (the button at the top), with the issues raised, the ask and a follow-up."
    canCreate={false}
  />
);

/** A cell's main line and a muted one under it. */
const TwoLines = ({ first, second }: { first: string; second?: string | null }) => (
  <>
    <Typography variant="body2" component="span" sx={{ display: 'block' }}>
      {first}
    </Typography>
    {second && (
      <Typography variant="body2" component="span" sx={{ display: 'block', color: 'text.secondary' }}>
        {second}
      </Typography>
    )}
  </>
);

const ConversationTable = () => {
  const isSmall = useIsSmall();
  if (isSmall) {
    return (
      <SimpleList<ConversationRecord>
        primaryText={(r) => r.contact?.fullName ?? 'Someone'}
        secondaryText={(r) => (
          <Box component="span" sx={{ display: 'block' }}>
            <Box component="span" sx={{ display: 'block' }}>
              {[formatTime(r.occurredAt), r.repName, howText(r)].filter(Boolean).join(' · ')}
            </Box>
            {askText(r) && (
              <Typography component="span" variant="body2" color="text.primary" sx={{ display: 'block', mt: 0.25 }}>
                {askText(r)}
              </Typography>
            )}
            <Stack component="span" direction="row" useFlexGap sx={{ flexWrap: 'wrap', gap: 0.5, mt: 0.5 }}>
              {r.assessment ? <AssessmentChip value={r.assessment} /> : null}
              <FollowUpChip followUp={r} />
              <IssueChips />
            </Stack>
          </Box>
        )}
        rowClick="show"
        empty={empty}
      />
    );
  }
  return (
    <Datagrid rowClick="show" bulkActionButtons={false} empty={empty}>
      <FunctionField<ConversationRecord> source="occurredAt" label="When" render={(r) => formatTime(r.occurredAt)} />
      <FunctionField<ConversationRecord>
        label="Person"
        render={(r) => <TwoLines first={r.contact?.fullName ?? '—'} second={r.contact?.ward?.name} />}
      />
      <FunctionField<ConversationRecord> source="channel" label="Who and how" render={(r) => <TwoLines first={r.repName ?? '—'} second={howText(r)} />} />
      <IssueChips label="Issues" sortable={false} />
      <FunctionField<ConversationRecord>
        source="answer"
        label="Ask and answer"
        render={(r) => <TwoLines first={r.ask ?? '—'} second={r.answer ? labelOf(ASK_ANSWER_LABELS, r.answer) : undefined} />}
      />
      <AssessmentField label="Assessment" source="assessment" />
      <FunctionField<ConversationRecord> source="followUpDate" label="Follow-up" render={(r) => <FollowUpChip followUp={r} />} />
    </Datagrid>
  );
};

/** Every conversation the user may see (their patch for a rep), newest first. */
export const ConversationList = () => (
  <List
    title="Conversations"
    filters={filters}
    actions={<Actions />}
    sort={{ field: 'occurredAt', order: 'DESC' }}
    perPage={25}
    empty={empty}
  >
    <ConversationTable />
  </List>
);
