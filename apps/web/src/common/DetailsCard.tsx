import { Card, CardContent, Stack, Typography, type GridProps, type SxProps, type Theme } from '@mui/material';
import type { ReactNode } from 'react';
import { LabelledFieldGrid, type LabelledValue } from './LabelledField';

/** A show page whose panels are cards of their own, not one card around everything. */
export const CARDLESS_SHOW_SX = { '& .RaShow-card': { bgcolor: 'transparent', boxShadow: 'none' } } as const;

/** A row that wraps: `title` as the page's level-two heading, then what stands beside it (status chips). */
export const TitleRow = ({ title, sx = [], children }: { title: ReactNode; sx?: SxProps<Theme>; children?: ReactNode }) => (
  <Stack direction="row" spacing={1} useFlexGap sx={[{ alignItems: 'center', flexWrap: 'wrap' }, ...(Array.isArray(sx) ? sx : [sx])]}>
    <Typography variant="h5" component="h2" sx={{ mr: 1 }}>
      {title}
    </Typography>
    {children}
  </Stack>
);

/** A record's details on a card: its heading, then its labelled values, `size` columns each. */
export const DetailsCard = ({ heading, fields, size }: { heading: ReactNode; fields: readonly LabelledValue[]; size: GridProps['size'] }) => (
  <Card variant="outlined">
    <CardContent>
      {heading}
      <LabelledFieldGrid fields={fields} size={size} spacing={1} />
    </CardContent>
  </Card>
);
