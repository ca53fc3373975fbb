import ManageSearchIcon from '@mui/icons-material/ManageSearch';
import { Box, Stack } from '@mui/material';
import {
  Datagrid,
  DateInput,
  FilterButton,
  List,
  SearchInput,
  SelectInput,
  SimpleList,
  TextField,
  TextInput,
  TopToolbar,
  useListContext,
} from 'react-admin';
import { EmptyState } from '../common/EmptyState';
import { LoadingRows } from '../common/Loading';
import { useIsSmall } from '../common/useIsSmall';
import { AUDIT_ACTION_CHOICES, AUDIT_ENTITY_TYPE_CHOICES, formatTime, type AuditEventRecord } from './auditActions';
import { AuditActionChip, AuditRecordField, AuditTimeField } from './AuditFields';

const FILTER_SX = { minWidth: 170 };

const filters = [
  <SearchInput key="q" source="q" alwaysOn placeholder="Who" slotProps={{ htmlInput: { 'aria-label': 'Search who' } }} />,
  <SelectInput key="action" source="action" label="Action" choices={AUDIT_ACTION_CHOICES} sx={FILTER_SX} />,
  <SelectInput key="entityType" source="entityType" label="Record type" choices={AUDIT_ENTITY_TYPE_CHOICES} sx={FILTER_SX} />,
  <TextInput key="entityId" source="entityId" label="Record id" sx={{ minWidth: { xs: 0, sm: 360 } }} />,
  <DateInput key="from" source="from" label="From" />,
  <DateInput key="to" source="to" label="To" />,
];

/** Append-only: filters, nothing to create and nothing to export. */
const AuditListActions = () => (
  <TopToolbar>
    <FilterButton />
  </TopToolbar>
);

const empty = (
  <EmptyState
    icon={<ManageSearchIcon />}
    title="No audit events match"
    explanation="Sign-ins and sign-outs, password changes, every change to people, workplaces, unions, issue tags, branches and user accounts, and refused requests are recorded here."
    canCreate={false}
  />
);

const AuditTable = () => {
  const isSmall = useIsSmall();
  const { isPending } = useListContext();
  if (isPending) return <LoadingRows what="the audit log" tall={isSmall} />;
  if (isSmall) {
    return (
      <SimpleList<AuditEventRecord>
        primaryText={(r) => r.actorEmail ?? 'Unknown user'}
        secondaryText={(r) => formatTime(r.createdAt)}
        tertiaryText={
          <Stack direction="row" spacing={1} useFlexGap sx={{ mt: 0.5, alignItems: 'center', flexWrap: 'wrap' }}>
            <AuditActionChip />
            <Box component="span" sx={{ color: 'text.secondary', fontSize: '0.875rem' }}>
              <AuditRecordField link={false} />
            </Box>
          </Stack>
        }
        rowClick="show"
        empty={empty}
      />
    );
  }
  return (
    <Datagrid rowClick="show" bulkActionButtons={false} empty={empty}>
      <AuditTimeField label="Time" source="createdAt" />
      <TextField source="actorEmail" label="Who" emptyText="—" />
      <AuditActionChip label="Action" source="action" />
      <AuditRecordField label="Record" source="entityType" />
      <TextField source="ip" label="IP" emptyText="—" sortable={false} />
    </Datagrid>
  );
};

export const AuditList = () => (
  <List
    title="Audit log"
    filters={filters}
    actions={<AuditListActions />}
    sort={{ field: 'createdAt', order: 'DESC' }}
    perPage={25}
    exporter={false}
    empty={empty}
  >
    <AuditTable />
  </List>
);
