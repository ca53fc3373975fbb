import { Box } from '@mui/material';
import type { ReactNode } from 'react';

/** One panel of a record's page, placed by `order` when the page is one column (a phone). */
export const PanelSlot = ({ order, children }: { order: number; children: ReactNode }) => (
  <Box sx={{ order, minWidth: 0, width: '100%' }}>{children}</Box>
);

/**
 * A record page's panels: two columns on wide screens, one on a phone. On a phone the columns
 * step aside (`display: contents`) and the panels take their slots' order, so a change of width
 * rearranges them without remounting any: an open dialog, and what was typed in it, stay.
 */
export const PanelColumns = ({ left, right }: { left: ReactNode; right: ReactNode }) => {
  const column = { display: { xs: 'contents', md: 'flex' }, flexDirection: 'column', gap: 2, minWidth: 0 } as const;
  return (
    <Box
      sx={{
        display: { xs: 'flex', md: 'grid' },
        flexDirection: 'column',
        gridTemplateColumns: { md: 'minmax(0, 7fr) minmax(0, 5fr)' },
        alignItems: 'start',
        gap: 2,
      }}
    >
      <Box sx={column}>{left}</Box>
      <Box sx={column}>{right}</Box>
    </Box>
  );
};
