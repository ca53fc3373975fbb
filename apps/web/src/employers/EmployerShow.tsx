import {
  ReferenceManyField,
  Show,
  SimpleShowLayout,
  TextField,
} from 'react-admin';
import { DateTimeField } from '../common/DayField';
import { ShowActions } from '../common/ShowActions';
import { SiteTable } from '../sites/SiteTable';
import { RecordLoading } from '../common/Loading';

export const EmployerShow = () => (
  <Show loading={<RecordLoading what="employer" />} actions={<ShowActions />}>
    <SimpleShowLayout>
      <TextField source="name" />
      <TextField source="odsCode" label="ODS code" emptyText="—" />
      <TextField source="region" emptyText="—" />
      <ReferenceManyField
        label="Sites"
        reference="Sites"
        target="employerId"
        sort={{ field: 'name', order: 'ASC' }}
        perPage={50}
        empty="No sites recorded for this employer yet."
      >
        <SiteTable />
      </ReferenceManyField>
      <DateTimeField source="updatedAt" label="Last updated" />
    </SimpleShowLayout>
  </Show>
);
