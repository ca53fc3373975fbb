import { Create, SimpleForm } from 'react-admin';
import { SiteInputs } from './SiteInputs';

export const SiteCreate = () => (
  <Create redirect="show">
    <SimpleForm>
      <SiteInputs />
    </SimpleForm>
  </Create>
);
