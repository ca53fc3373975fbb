import CheckIcon from '@mui/icons-material/Check';
import { Chip, type ChipProps } from '@mui/material';

interface ToggleChipProps extends Omit<ChipProps, 'color' | 'variant' | 'icon' | 'role'> {
  selected: boolean;
}

/**
 * A choice that toggles with one tap: pressed, it is filled in the primary colour with a tick (white
 * on NHS blue, 6:1), so it reads as chosen even without colour; unpressed, an outline.
 */
export const ToggleChip = ({ selected, sx, ...props }: ToggleChipProps) => (
  <Chip
    role="button"
    aria-pressed={selected}
    color={selected ? 'primary' : 'default'}
    variant={selected ? 'filled' : 'outlined'}
    icon={selected ? <CheckIcon fontSize="small" /> : undefined}
    data-selected={selected || undefined}
    {...props}
    sx={[
      {
        minHeight: 36,
        fontSize: '0.9rem',
        '& .MuiChip-label': { px: 1.5 },
        '&.MuiChip-filled, &.MuiChip-filled:hover, &.MuiChip-filled.Mui-focusVisible': { bgcolor: 'primary.main', color: 'primary.contrastText' },
        '& .MuiChip-icon': { color: 'inherit', ml: 1, mr: -0.75 },
        '&.MuiChip-outlined': { color: 'text.primary', borderColor: 'grey.500' },
      },
      ...(Array.isArray(sx) ? sx : [sx]),
    ]}
  />
);
