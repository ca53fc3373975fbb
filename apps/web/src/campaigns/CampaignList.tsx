import CampaignIcon from '@mui/icons-material/Campaign';
import { Chip } from '@mui/material';
import { BooleanInput, CreateButton, Datagrid, DateField, FilterButton, FunctionField, List, SimpleList, TextField, TopToolbar, useResourceDefinition } from 'react-admin';
import { EmptyState } from '../common/EmptyState';
import { searchFilter } from '../common/NameList';
import { useIsSmall } from '../common/useIsSmall';
import { type CampaignRecord, countdown } from './campaignTypes';

const filters = [
  searchFilter('campaigns'),
  <BooleanInput key="active" source="active" label="Running now" alwaysOn sx={{ mb: 0.5 }} />,
];

const Status = ({ record }: { record: CampaignRecord }) =>
  record.active ? <Chip size="small" color="success" label="Running" /> : <Chip size="small" label="Not running" />;

const Actions = () => {
  const { hasCreate } = useResourceDefinition();
  return (
    <TopToolbar>
      <FilterButton />
      {hasCreate && <CreateButton />}
    </TopToolbar>
  );
};

/** The branch's campaigns: search, running now, and each one's countdown to its join-by date. */
export const CampaignList = () => {
  const small = useIsSmall();
  return (
    <List
      filters={filters}
      actions={<Actions />}
      sort={{ field: 'startDate', order: 'DESC' }}
      perPage={25}
      empty={<EmptyState icon={<CampaignIcon />} title="No campaigns yet" explanation="A campaign has a goal, actions (meetings, petitions, badge days) and the people who take part." />}
    >
      {small ? (
        <SimpleList<CampaignRecord>
          primaryText={(r) => r.name}
          secondaryText={(r) => countdown(r.daysToJoinBy) ?? `From ${r.startDate}`}
          tertiaryText={(r) => (r.active ? 'Running' : '')}
          linkType="show"
        />
      ) : (
        <Datagrid rowClick="show" bulkActionButtons={false}>
          <TextField source="name" />
          <DateField source="startDate" label="Starts" />
          <DateField source="endDate" label="Ends" emptyText="—" />
          <FunctionField<CampaignRecord> label="Join by" render={(r) => countdown(r.daysToJoinBy) ?? '—'} />
          <FunctionField<CampaignRecord> label="Status" render={(r) => <Status record={r} />} />
        </Datagrid>
      )}
    </List>
  );
};
