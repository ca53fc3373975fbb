import HowToVoteIcon from '@mui/icons-material/HowToVote';
import { Datagrid, SimpleList, TextField } from 'react-admin';
import { DayField } from '../common/DayField';
import { NameList, searchFilter } from '../common/NameList';
import { useIsSmall } from '../common/useIsSmall';
import { formatDay } from '../common/formatDay';

const filters = [searchFilter('ballots')];

export const BallotList = () => {
  const isSmall = useIsSmall();
  return (
    <NameList
      filters={filters}
      empty={{
        icon: <HowToVoteIcon />,
        title: 'No ballots yet',
        explanation: 'Add an industrial-action ballot to see who can vote, chase every member and project the turnout.',
      }}
    >
      {isSmall ? (
        <SimpleList
          primaryText={(r) => r.name}
          secondaryText={(r) => `${formatDay(r.openingDate)} – ${formatDay(r.closingDate)}`}
          tertiaryText={(r) => r.ruleSet?.name ?? ''}
          rowClick="show"
        />
      ) : (
        <Datagrid rowClick="show" bulkActionButtons={false}>
          <TextField source="name" />
          <DayField source="cutOffDate" label="Cut-off" />
          <DayField source="openingDate" label="Opens" />
          <DayField source="closingDate" label="Closes" />
          <TextField source="ruleSet.name" label="Rule set" sortable={false} />
        </Datagrid>
      )}
    </NameList>
  );
};
