import { Box, Grid } from '@mui/material';
import type { ReactNode } from 'react';
import { useRecordContext } from 'react-admin';
import { CountField, DensityField } from './DensityField';
import { DetailItem } from './DetailItem';
import { TitledSection, type TitledSectionProps } from './TitledSection';

/** A show page's title: the record's name, or `fallback` while it loads. */
export const NameTitle = ({ fallback }: { fallback: string }) => {
  const record = useRecordContext<{ name: string }>();
  return <>{record ? record.name : fallback}</>;
};

/** The padded grid of `DetailItem`s at the top of a show page. */
export const DetailsGrid = ({ children }: { children: ReactNode }) => (
  <Box sx={{ p: 2 }}>
    <Grid container spacing={2}>
      {children}
    </Grid>
  </Box>
);

/** Headcount, members and density of the site or ward in context, as `DetailItem`s. */
export const DensityDetails = () => (
  <>
    <DetailItem label="Headcount">
      <CountField source="headcount" />
    </DetailItem>
    <DetailItem label="Members">
      <CountField source="memberCount" />
    </DetailItem>
    <DetailItem label="Density">
      <DensityField />
    </DetailItem>
  </>
);

/** A section under the details grid, padded like it. */
export const DetailsSection = (props: Omit<TitledSectionProps, 'sx'>) => <TitledSection {...props} sx={{ px: 2, pt: 1, pb: 2 }} />;
