import { Edit, SimpleForm } from 'react-admin';
import { FormToolbar } from '../common/FormToolbar';
import { EmployerInputs } from './EmployerInputs';

export const EmployerEdit = () => (
  <Edit mutationMode="pessimistic" redirect="show">
    <SimpleForm toolbar={<FormToolbar />}>
      <EmployerInputs />
    </SimpleForm>
  </Edit>
);
