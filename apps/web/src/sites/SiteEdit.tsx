import { Edit, SimpleForm } from 'react-admin';
import { FormToolbar } from '../common/FormToolbar';
import { SiteInputs } from './SiteInputs';

export const SiteEdit = () => (
  <Edit mutationMode="pessimistic" redirect="show">
    <SimpleForm toolbar={<FormToolbar />}>
      <SiteInputs />
    </SimpleForm>
  </Edit>
);
