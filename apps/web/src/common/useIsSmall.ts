import { useMediaQuery, type Theme } from '@mui/material';

/** Phones (under 600 px): lists become SimpleLists and tables become stacked rows. */
export function useIsSmall(): boolean {
  // noSsr: the first render already knows the screen (no narrow-then-wide flip that remounts what is open)
  return useMediaQuery((theme: Theme) => theme.breakpoints.down('sm'), { noSsr: true });
}
