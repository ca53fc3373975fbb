import { Checkbox, ListItemText, MenuItem, Stack, TextField } from '@mui/material';
import { GRADE_CHOICES, SHIFT_PATTERN_CHOICES, STAFF_GROUP_CHOICES } from '../choices';
import { FilterChip } from '../common/FilterChip';
import type { ListKey, WallChartQuery } from './wallChartTypes';

interface Props {
  query: WallChartQuery;
  unions: { id: string; name: string }[];
  onChange: (key: ListKey, values: string[]) => void;
}

/** A choice of several values in a drop-down, each with a tick ("Any" when none). */
const MultiSelect = ({ label, choices, value, onChange }: { label: string; choices: { id: string; name: string }[]; value: string[]; onChange: (v: string[]) => void }) => (
  <TextField
    select
    fullWidth={false}
    size="small"
    label={label}
    value={value}
    sx={{ minWidth: 190, maxWidth: 280 }}
    slotProps={{
      select: {
        multiple: true,
        displayEmpty: true,
        renderValue: (v) => ((v as string[]).length ? (v as string[]).map((id) => choices.find((c) => c.id === id)?.name ?? id).join(', ') : 'Any'),
      },
      inputLabel: { shrink: true },
    }}
    onChange={(e) => onChange(e.target.value as unknown as string[])}
  >
    {choices.map((c) => (
      <MenuItem key={c.id} value={c.id}>
        <Checkbox size="small" checked={value.includes(c.id)} sx={{ p: 0.5, mr: 1 }} />
        <ListItemText primary={c.name} />
      </MenuItem>
    ))}
  </TextField>
);

/** The chart's filters: shift patterns as chips, staff groups, grades and unions as drop-downs. All kept in the address. */
export const WallChartFilters = ({ query, unions, onChange }: Props) => {
  const toggle = (key: ListKey, id: string) => onChange(key, query[key].includes(id) ? query[key].filter((x) => x !== id) : [...query[key], id]);
  return (
    <Stack direction="row" useFlexGap sx={{ flexWrap: 'wrap', gap: 1.5, alignItems: 'center', mb: 2 }} className="wallchart-no-print" data-testid="wallchart-filters">
      <Stack direction="row" useFlexGap role="group" aria-label="Shift" sx={{ flexWrap: 'wrap', gap: 1 }}>
        {SHIFT_PATTERN_CHOICES.map((c) => (
          <FilterChip key={c.id} label={c.name} selected={query.shiftPatterns.includes(c.id)} onClick={() => toggle('shiftPatterns', c.id)} />
        ))}
      </Stack>
      <MultiSelect label="Staff group" choices={STAFF_GROUP_CHOICES} value={query.staffGroups} onChange={(v) => onChange('staffGroups', v)} />
      <MultiSelect label="Grade" choices={GRADE_CHOICES} value={query.grades} onChange={(v) => onChange('grades', v)} />
      <MultiSelect label="Members of" choices={unions} value={query.unionIds} onChange={(v) => onChange('unionIds', v)} />
    </Stack>
  );
};
