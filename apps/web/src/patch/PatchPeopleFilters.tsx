import { MenuItem, Stack, TextField } from '@mui/material';
import { MembershipStatus } from '@rollcall/domain';
import { useListContext } from 'react-admin';
import { ASSESSMENT_CHOICES } from '../choices';
import { FilterChip } from '../common/FilterChip';

/** Toggle filters: each sets (or clears) one key of the list's filter. */
const TOGGLES: { label: string; key: string; value: unknown }[] = [
  { label: 'Members', key: 'membershipStatus', value: MembershipStatus.MEMBER },
  { label: 'Non-members', key: 'membershipStatus', value: MembershipStatus.NON_MEMBER },
  { label: 'Not yet spoken to', key: 'spokenTo', value: false },
  { label: 'Not assessed', key: 'assessed', value: false },
  { label: 'Leaders', key: 'leader', value: true },
];

const SORTS = [
  { id: 'lastName:ASC', name: 'Name' },
  { id: 'assessment:ASC', name: 'Assessment (leaders first)' },
  { id: 'lastConversationAt:ASC', name: 'Last conversation (oldest first)' },
  { id: 'lastConversationAt:DESC', name: 'Last conversation (newest first)' },
];

/** Who to show on a ward (members, not yet spoken to, leaders, an assessment) and in what order. */
export const PatchPeopleFilters = () => {
  const { filterValues, setFilters, displayedFilters, sort, setSort } = useListContext();
  const set = (key: string, value: unknown) => {
    const { [key]: _old, ...rest } = filterValues;
    setFilters(value === undefined ? rest : { ...rest, [key]: value }, displayedFilters);
  };
  const sortId = `${sort.field}:${sort.order}`;
  return (
    <Stack direction="row" useFlexGap sx={{ flexWrap: 'wrap', gap: 1, alignItems: 'center', py: 1, px: { xs: 1, sm: 0 } }}>
      <Stack direction="row" useFlexGap role="group" aria-label="Show only" sx={{ flexWrap: 'wrap', gap: 1 }}>
        {TOGGLES.map(({ label, key, value }) => {
          const on = filterValues[key] === value;
          return <FilterChip key={label} label={label} selected={on} onClick={() => set(key, on ? undefined : value)} />;
        })}
      </Stack>
      <TextField
        select
        fullWidth={false}
        size="small"
        label="Assessment"
        value={filterValues.assessment ?? ''}
        onChange={(e) => set('assessment', e.target.value === '' ? undefined : Number(e.target.value))}
        sx={{ minWidth: 170 }}
      >
        <MenuItem value="">Any</MenuItem>
        {ASSESSMENT_CHOICES.map((c) => (
          <MenuItem key={c.id} value={c.id}>
            {c.name}
          </MenuItem>
        ))}
      </TextField>
      <TextField
        select
        fullWidth={false}
        size="small"
        label="Sort by"
        value={SORTS.some((s) => s.id === sortId) ? sortId : 'lastName:ASC'}
        onChange={(e) => {
          const [field, order] = e.target.value.split(':');
          setSort({ field, order: order as 'ASC' | 'DESC' });
        }}
        sx={{ minWidth: 170 }}
      >
        {SORTS.map((s) => (
          <MenuItem key={s.id} value={s.id}>
            {s.name}
          </MenuItem>
        ))}
      </TextField>
    </Stack>
  );
};
