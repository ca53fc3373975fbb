import { useMediaQuery, type Theme } from '@mui/material';

/** Phones (under 600 px): lists become SimpleLists and tables become stacked rows. */
export function useIsSmall(): boolean {
  return useMediaQuery((theme: Theme) => theme.breakpoints.down('sm'));
}
