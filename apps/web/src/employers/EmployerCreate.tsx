import { Create, SimpleForm } from 'react-admin';
import { EmployerInputs } from './EmployerInputs';

export const EmployerCreate = () => (
  <Create redirect="show">
    <SimpleForm>
      <EmployerInputs />
    </SimpleForm>
  </Create>
);
