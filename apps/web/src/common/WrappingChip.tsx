import { Chip, type ChipProps } from '@mui/material';

/**
 * A small chip whose label wraps onto more lines instead of running off a phone's screen ("Coalition
 * partner (read-only) · North Riverside NHS Foundation Trust").
 */
export const WrappingChip = ({ sx, ...props }: ChipProps) => (
  <Chip
    size="small"
    {...props}
    sx={[
      { maxWidth: '100%', height: 'auto', minHeight: 24, '& .MuiChip-label': { whiteSpace: 'normal', overflowWrap: 'anywhere', py: 0.25 } },
      ...(Array.isArray(sx) ? sx : [sx]),
    ]}
  />
);
