import { Grid } from '@mui/material';
import type { ReactElement } from 'react';
import { Labeled } from 'react-admin';

/** One labelled value in a details grid: two per row on phones, more on wider screens. */
export const DetailItem = ({ label, children, wide = false }: { label: string; children: ReactElement; wide?: boolean }) => (
  <Grid size={wide ? { xs: 12, sm: 6 } : { xs: 6, sm: 4, md: 2 }} sx={{ minWidth: 0 }}>
    <Labeled label={label} sx={{ wordBreak: 'break-word' }}>
      {children}
    </Labeled>
  </Grid>
);
