import WorkIcon from '@mui/icons-material/Work';
import { Box, Stack, Typography } from '@mui/material';
import {
  BooleanInput,
  CreateButton,
  Datagrid,
  FilterButton,
  FunctionField,
  List,
  SearchInput,
  SelectInput,
  SimpleList,
  TopToolbar,
  useListContext,
} from 'react-admin';
import { formatDay } from '../common/dates';
import { EmptyState } from '../common/EmptyState';
import { LoadingRows } from '../common/Loading';
import { SortMenu, type SortKind } from '../common/SortMenu';
import { useIsSmall } from '../common/useIsSmall';
import { CaseStatusChip } from './CaseChips';
import { CASE_STATUS_CHOICES, CASE_TYPE_CHOICES, caseTypeText, type CaseRecord } from './caseText';

const FILTER_SX = { minWidth: 170 };
/** What a phone sorts by, where there are no column headers. */
const PHONE_SORTS: Record<string, SortKind> = { openedOn: 'date', closedOn: 'date', status: 'text', type: 'text' };

const filters = [
  <SearchInput key="q" source="q" alwaysOn placeholder="Member's name" slotProps={{ htmlInput: { 'aria-label': 'Search cases by member' } }} />,
  <BooleanInput key="mine" source="mine" label="Only mine" alwaysOn sx={{ mb: 0.5 }} />,
  <BooleanInput key="open" source="open" label="Only open" alwaysOn sx={{ mb: 0.5 }} />,
  <SelectInput key="status" source="status" label="Status" choices={CASE_STATUS_CHOICES} sx={FILTER_SX} />,
  <SelectInput key="type" source="type" label="Type" choices={CASE_TYPE_CHOICES} sx={FILTER_SX} />,
  <BooleanInput key="noNextStep" source="noNextStep" label="No next step" sx={{ mb: 0.5 }} />,
];

const Actions = () => (
  <TopToolbar>
    <FilterButton />
    <CreateButton label="Open a case" />
  </TopToolbar>
);

const empty = (
  <EmptyState
    icon={<WorkIcon />}
    title="No cases"
    explanation="A case is opened from the member's page (Open a case), or here. Only the cases you are on, or your branch's as its secretary or admin, are listed."
  />
);

const CaseTable = () => {
  const isSmall = useIsSmall();
  const { isPending } = useListContext();
  if (isPending) return <LoadingRows what="cases" tall={isSmall} />;
  if (isSmall) {
    return (
      <>
        <SortMenu fields={PHONE_SORTS} />
        <SimpleList<CaseRecord>
          primaryText={(r) => r.contact?.fullName ?? 'A member'}
          secondaryText={(r) => (
            <Box component="span" sx={{ display: 'block' }}>
              <Box component="span" sx={{ display: 'block' }}>
                {[caseTypeText(r.type), `opened ${formatDay(r.openedOn)}`, r.caseworkerName].filter(Boolean).join(' · ')}
              </Box>
              <Stack component="span" direction="row" sx={{ mt: 0.5 }}>
                <CaseStatusChip status={r.status} />
              </Stack>
            </Box>
          )}
          rowClick="show"
          empty={empty}
        />
      </>
    );
  }
  return (
    <Datagrid rowClick="show" bulkActionButtons={false} empty={empty}>
      <FunctionField<CaseRecord> label="Member" render={(r) => r.contact?.fullName ?? '—'} />
      <FunctionField<CaseRecord> source="type" label="Type" render={(r) => caseTypeText(r.type)} />
      <FunctionField<CaseRecord> source="status" label="Status" render={(r) => <CaseStatusChip status={r.status} />} />
      <FunctionField<CaseRecord> source="openedOn" label="Opened" render={(r) => formatDay(r.openedOn)} />
      <FunctionField<CaseRecord> source="closedOn" label="Closed" render={(r) => formatDay(r.closedOn) || '—'} />
      <FunctionField<CaseRecord> label="Caseworker" render={(r) => <Typography variant="body2">{r.caseworkerName ?? '—'}</Typography>} />
    </Datagrid>
  );
};

/** The cases the user reads (their own, or their branch's as secretary or admin), newest first. */
export const CaseList = () => (
  <List title="Cases" filters={filters} actions={<Actions />} sort={{ field: 'openedOn', order: 'DESC' }} perPage={25} empty={empty}>
    <CaseTable />
  </List>
);
