import LocalOfferIcon from '@mui/icons-material/LocalOffer';
import { Chip, Stack } from '@mui/material';
import {
  CreateButton,
  Datagrid,
  DeleteButton,
  EditButton,
  List,
  NullableBooleanInput,
  SearchInput,
  SimpleList,
  TextField,
  TopToolbar,
  useRecordContext,
} from 'react-admin';
import { EmptyState } from '../common/EmptyState';
import { useIsSmall } from '../common/useIsSmall';
import { RetireButton } from './RetireButton';

const filters = [
  <SearchInput key="q" source="q" alwaysOn slotProps={{ htmlInput: { 'aria-label': 'Search issue tags' } }} />,
  <NullableBooleanInput key="active" source="active" label="Offered" sx={{ minWidth: 160 }} />,
];

const ActiveChip = (_props: { label?: string; sortBy?: string }) => {
  const record = useRecordContext<{ active: boolean }>();
  if (!record) return null;
  return record.active ? <Chip size="small" color="success" label="Offered" /> : <Chip size="small" variant="outlined" label="Retired" />;
};

const DeleteTag = (_props: { label?: string }) => {
  const record = useRecordContext<{ name: string }>();
  return (
    <DeleteButton
      mutationMode="pessimistic"
      redirect={false}
      label=""
      aria-label={`Delete ${record?.name ?? 'tag'}`}
      confirmTitle={`Delete ${record?.name ?? 'this tag'}?`}
      confirmContent="Only a tag no conversation uses can be deleted; retire a used one instead."
    />
  );
};

const Actions = () => (
  <TopToolbar>
    <CreateButton />
  </TopToolbar>
);

const TagRows = () => {
  const isSmall = useIsSmall();
  if (isSmall) {
    return (
      <SimpleList
        primaryText={(r) => r.name}
        secondaryText={(r) => (r.active ? 'Offered on the quick log' : 'Retired')}
        rightIcon={() => (
          <Stack direction="row" onClick={(e) => e.stopPropagation()}>
            <RetireButton />
          </Stack>
        )}
        rowClick="edit"
      />
    );
  }
  return (
    <Datagrid rowClick="edit" bulkActionButtons={false}>
      <TextField source="name" />
      <ActiveChip label="Status" sortBy="active" />
      <Stack direction="row" spacing={1} sx={{ justifyContent: 'flex-end' }}>
        <EditButton label="Rename" />
        <RetireButton />
        <DeleteTag />
      </Stack>
    </Datagrid>
  );
};

/** The organisation's issue tags (admins): add, rename, retire, or delete an unused one. */
export const IssueTagList = () => (
  <List
    title="Issue tags"
    filters={filters}
    actions={<Actions />}
    sort={{ field: 'name', order: 'ASC' }}
    perPage={50}
    exporter={false}
    empty={
      <EmptyState
        icon={<LocalOfferIcon />}
        title="No issue tags yet"
        explanation="Issue tags are what reps tick on the quick log: pay, staffing, safety, rota…"
      />
    }
  >
    <TagRows />
  </List>
);
