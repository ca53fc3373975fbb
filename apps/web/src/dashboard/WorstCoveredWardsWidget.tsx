import { Box, List, ListItem } from '@mui/material';
import { REP_TARGET_RATIO } from '@rollcall/domain';
import { useCreatePath, useGetList } from 'react-admin';
import { StatusChip, type WardCoverage } from '../coverage/CoverageRow';
import { Widget, WidgetRowName } from './Widget';

const SHOWN = 5;

/** The wards a rep should be found for first: no rep, then failing, then below target; staff counted. */
export function worstCovered(rows: WardCoverage[]): WardCoverage[] {
  return rows.filter((r) => r.status !== 'ON_TARGET' && r.status !== 'NO_STAFF').slice(0, SHOWN);
}

/** The five worst-covered wards (rep coverage comes worst first), each with its staff and reps. */
export const WorstCoveredWardsWidget = ({ wholeBranch }: { wholeBranch: boolean }) => {
  const createPath = useCreatePath();
  const { data, total, isPending, error } = useGetList<WardCoverage>('RepCoverage');
  const rows = worstCovered(data ?? []);
  const gaps = (data ?? []).filter((r) => r.status !== 'ON_TARGET' && r.status !== 'NO_STAFF').length;
  return (
    <Widget
      title={wholeBranch ? 'Worst-covered wards' : 'Worst-covered wards on your patch'}
      subtitle={
        total ? `${gaps} of ${total} ward${total === 1 ? '' : 's'} below one rep for every ${REP_TARGET_RATIO} staff` : `One rep for every ${REP_TARGET_RATIO} staff is the target`
      }
      isPending={isPending}
      error={error}
      isEmpty={rows.length === 0}
      empty={total ? `Every ward with staff has a rep for every ${REP_TARGET_RATIO} of them.` : 'No wards with staff yet.'}
      what="rep coverage"
      testId="widget-coverage"
      more={{ to: '/coverage', label: 'All rep coverage' }}
    >
      <List dense disablePadding>
        {rows.map((row) => (
          <ListItem key={row.id} disableGutters divider data-testid="worst-ward" sx={{ display: 'block', py: 0.75 }}>
            <Box sx={{ display: 'flex', gap: 1, alignItems: 'flex-start', justifyContent: 'space-between' }}>
              <WidgetRowName
                to={createPath({ resource: 'Wards', type: 'show', id: row.ward.id })}
                name={row.ward.name}
                detail={[row.ward.site?.name, `${row.headcount} staff`, row.repCount > 0 && `${row.repCount} rep${row.repCount === 1 ? '' : 's'}`].filter(Boolean).join(' · ')}
              />
              <StatusChip status={row.status} />
            </Box>
          </ListItem>
        ))}
      </List>
    </Widget>
  );
};
