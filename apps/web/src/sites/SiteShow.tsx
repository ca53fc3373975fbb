import { Box, Grid, Typography } from '@mui/material';
import {
  NumberField,
  ReferenceField,
  ReferenceManyField,
  SelectField,
  Show,
  TextField,
  useRecordContext,
} from 'react-admin';
import { SITE_KIND_CHOICES } from '../choices';
import { DensityField } from '../common/DensityField';
import { DetailItem } from '../common/DetailItem';
import { ShowActions } from '../common/ShowActions';
import { WardTable } from '../wards/WardTable';

const SiteTitle = () => {
  const record = useRecordContext<{ name: string }>();
  return <>{record ? record.name : 'Site'}</>;
};

export const SiteShow = () => (
  <Show actions={<ShowActions />} title={<SiteTitle />}>
    <Box sx={{ p: 2 }}>
      <Grid container spacing={2}>
        <DetailItem label="Name" wide>
          <TextField source="name" variant="h6" />
        </DetailItem>
        <DetailItem label="Employer" wide>
          <ReferenceField source="employerId" reference="Employers" link="show" />
        </DetailItem>
        <DetailItem label="Kind">
          <SelectField source="kind" choices={SITE_KIND_CHOICES} />
        </DetailItem>
        <DetailItem label="Address">
          <TextField source="address" emptyText="—" />
        </DetailItem>
        <DetailItem label="Postcode">
          <TextField source="postcode" emptyText="—" />
        </DetailItem>
        <DetailItem label="Headcount">
          <NumberField source="headcount" />
        </DetailItem>
        <DetailItem label="Members">
          <NumberField source="memberCount" />
        </DetailItem>
        <DetailItem label="Density">
          <DensityField />
        </DetailItem>
      </Grid>
    </Box>
    <Box component="section" aria-label="Wards and departments" sx={{ px: 2, pb: 2 }}>
      <Typography variant="h6" component="h2" sx={{ mt: 1, mb: 1 }}>
        Wards and departments
      </Typography>
      <ReferenceManyField
        reference="Wards"
        target="siteId"
        sort={{ field: 'name', order: 'ASC' }}
        perPage={100}
        empty={<Typography variant="body2">No wards recorded on this site yet.</Typography>}
      >
        <WardTable />
      </ReferenceManyField>
    </Box>
  </Show>
);
