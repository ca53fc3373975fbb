import GroupsIcon from '@mui/icons-material/Groups';
import { Datagrid, NumberField, SimpleList, TextField } from 'react-admin';
import { count } from '../common/words';
import { NameList, searchFilter } from '../common/NameList';
import { useIsSmall } from '../common/useIsSmall';

const filters = [searchFilter('unions')];

export const UnionList = () => {
  const isSmall = useIsSmall();
  return (
    <NameList
      filters={filters}
      empty={{
        icon: <GroupsIcon />,
        title: 'No unions yet',
        explanation: 'Add the unions whose memberships you record (UNISON, RCN, BMA, Unite, GMB…).',
      }}
    >
      {isSmall ? (
        <SimpleList
          primaryText={(r) => r.shortName}
          secondaryText={(r) => r.name}
          tertiaryText={(r) => count(r.memberCount ?? 0, 'member')}
          rowClick="show"
        />
      ) : (
        <Datagrid rowClick="show" bulkActionButtons={false}>
          <TextField source="shortName" label="Short name" />
          <TextField source="name" />
          <NumberField source="memberCount" label="Members" sortable={false} />
        </Datagrid>
      )}
    </NameList>
  );
};
