import { Stack } from '@mui/material';
import { FollowUpState } from '@rollcall/domain';
import { useListContext } from 'react-admin';
import { FilterChip } from '../common/FilterChip';

const STATES: { state: FollowUpState | null; label: string }[] = [
  { state: null, label: 'All open' },
  { state: FollowUpState.OVERDUE, label: 'Overdue' },
  { state: FollowUpState.DUE_TODAY, label: 'Due today' },
  { state: FollowUpState.DUE_SOON, label: 'Due this week' },
  { state: FollowUpState.LATER, label: 'Later' },
  { state: FollowUpState.DONE, label: 'Done' },
];

/** One tap to see only overdue, due today, due this week, later or done follow-ups. */
export const FollowUpStateFilter = () => {
  const { filterValues, setFilters, displayedFilters } = useListContext();
  const current = (filterValues.state as FollowUpState | undefined) ?? null;
  return (
    <Stack direction="row" useFlexGap role="group" aria-label="Show" sx={{ flexWrap: 'wrap', gap: 1, px: { xs: 1, sm: 0 }, py: 1 }}>
      {STATES.map(({ state, label }) => (
        <FilterChip
          key={label}
          label={label}
          selected={current === state}
          onClick={() => {
            const { state: _old, ...rest } = filterValues;
            setFilters(state ? { ...rest, state } : rest, displayedFilters);
          }}
        />
      ))}
    </Stack>
  );
};
