import EventAvailableIcon from '@mui/icons-material/EventAvailable';
import { Box } from '@mui/material';
import { List, ReferenceInput, SearchInput, SelectInput } from 'react-admin';
import { EmptyState } from '../common/EmptyState';
import { Permission, useCan } from '../permissions';
import { readsWholeBranch } from '../session';
import { FollowUpItems } from './FollowUpItems';
import { FollowUpStateFilter } from './FollowUpStateFilter';

/**
 * The user's follow-ups: who to speak to next, overdue first ("3 days overdue" in red), due today,
 * this week and later; one tap logs the follow-up, and it leaves the list. Secretaries, admins
 * and caseworkers may look at a rep's list (the reps of their branches).
 */
export const FollowUpList = () => {
  const mayPickRep = useCan(Permission.PEOPLE_READ) && readsWholeBranch();
  const filters = [
    <SearchInput key="q" source="q" alwaysOn placeholder="Name" slotProps={{ htmlInput: { 'aria-label': 'Search follow-ups' } }} />,
    ...(mayPickRep
      ? [
          <ReferenceInput key="repUserId" source="repUserId" reference="Reps" sort={{ field: 'displayName', order: 'ASC' }} perPage={100} alwaysOn>
            <SelectInput label="Whose" optionText="displayName" emptyText="Mine" sx={{ minWidth: 200 }} />
          </ReferenceInput>,
        ]
      : []),
  ];
  return (
    <List
      title="My follow-ups"
      filters={filters}
      actions={false}
      sort={{ field: 'followUpDate', order: 'ASC' }}
      perPage={50}
      exporter={false}
      empty={
        <EmptyState
          icon={<EventAvailableIcon />}
          title="No follow-ups due — nice work"
          explanation="When you log a conversation with a follow-up date, the person appears here until you speak to them again."
          canCreate={false}
        />
      }
      sx={{ '& .RaList-content': { bgcolor: 'transparent', boxShadow: 'none' } }}
    >
      <Box>
        <FollowUpStateFilter />
        <FollowUpItems />
      </Box>
    </List>
  );
};
