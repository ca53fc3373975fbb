import GroupsIcon from '@mui/icons-material/Groups';
import { Datagrid, List, NumberField, SearchInput, SimpleList, TextField } from 'react-admin';
import { EmptyState } from '../common/EmptyState';
import { ListActions } from '../common/ListActions';
import { useIsSmall } from '../common/useIsSmall';

const filters = [
  <SearchInput key="q" source="q" alwaysOn slotProps={{ htmlInput: { 'aria-label': 'Search unions' } }} />,
];

export const UnionList = () => {
  const isSmall = useIsSmall();
  return (
    <List
      filters={filters}
      actions={<ListActions />}
      sort={{ field: 'name', order: 'ASC' }}
    perPage={25}
      empty={
        <EmptyState
          icon={<GroupsIcon />}
          title="No unions yet"
          explanation="Add the unions whose memberships you record (UNISON, RCN, BMA, Unite, GMB…)."
        />
      }
    >
      {isSmall ? (
        <SimpleList
          primaryText={(r) => r.shortName}
          secondaryText={(r) => r.name}
          tertiaryText={(r) => `${r.memberCount ?? 0} members`}
          rowClick="show"
        />
      ) : (
        <Datagrid rowClick="show" bulkActionButtons={false}>
          <TextField source="shortName" label="Short name" />
          <TextField source="name" />
          <NumberField source="memberCount" label="Members" sortable={false} />
        </Datagrid>
      )}
    </List>
  );
};
