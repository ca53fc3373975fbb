import { Chip, type ChipProps } from '@mui/material';

interface FilterChipProps extends Omit<ChipProps, 'color' | 'variant' | 'role'> {
  selected: boolean;
}

/** A list filter that toggles with one tap and says whether it is on: filled in the primary colour when it is, an outline when not. */
export const FilterChip = ({ selected, ...props }: FilterChipProps) => (
  <Chip role="button" aria-pressed={selected} color={selected ? 'primary' : 'default'} variant={selected ? 'filled' : 'outlined'} {...props} />
);
