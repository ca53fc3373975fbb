import { Grid, type GridProps } from '@mui/material';
import type { ReactElement } from 'react';
import { Labeled } from 'react-admin';

type GridSize = GridProps['size'];

/** One labelled value in a grid of details, taking `size` columns of it. */
export const LabelledField = ({ label, size, children }: { label: string; size: GridSize; children: ReactElement }) => (
  <Grid size={size} sx={{ minWidth: 0 }}>
    <Labeled label={label} sx={{ wordBreak: 'break-word' }}>
      {children}
    </Labeled>
  </Grid>
);

/** A label and the field that shows its value. */
export type LabelledValue = readonly [label: string, field: ReactElement];

/** A grid of labelled values, all the same size. */
export const LabelledFieldGrid = ({
  fields,
  size,
  spacing = 2,
}: {
  fields: readonly LabelledValue[];
  size: GridSize;
  spacing?: number;
}) => (
  <Grid container spacing={spacing}>
    {fields.map(([label, field]) => (
      <LabelledField key={label} label={label} size={size}>
        {field}
      </LabelledField>
    ))}
  </Grid>
);
