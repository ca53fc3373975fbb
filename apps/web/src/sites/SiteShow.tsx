import { Typography } from '@mui/material';
import { ReferenceField, ReferenceManyField, SelectField, Show, TextField } from 'react-admin';
import { SITE_KIND_CHOICES } from '../choices';
import { DetailItem } from '../common/DetailItem';
import { DensityDetails, DetailsGrid, DetailsSection, NameTitle } from '../common/RecordDetails';
import { ShowActions } from '../common/ShowActions';
import { WallChartButton } from '../wallchart/WallChartButton';
import { WardTable } from '../wards/WardTable';
import { RecordLoading } from '../common/Loading';

export const SiteShow = () => (
  <Show loading={<RecordLoading what="site" />} actions={<ShowActions><WallChartButton place="site" /></ShowActions>} title={<NameTitle fallback="Site" />}>
    <DetailsGrid>
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
      <DetailItem label="ODS code">
        <TextField source="odsCode" emptyText="—" />
      </DetailItem>
      <DensityDetails />
    </DetailsGrid>
    <DetailsSection title="Wards and departments">
      <ReferenceManyField
        reference="Wards"
        target="siteId"
        sort={{ field: 'name', order: 'ASC' }}
        perPage={100}
        empty={<Typography variant="body2">No wards recorded on this site yet.</Typography>}
      >
        <WardTable />
      </ReferenceManyField>
    </DetailsSection>
  </Show>
);
