import { Edit, SimpleForm } from 'react-admin';
import { FormToolbar } from '../common/FormToolbar';
import { WardInputs } from './WardInputs';

export const WardEdit = () => (
  <Edit mutationMode="pessimistic" redirect="show">
    <SimpleForm toolbar={<FormToolbar />}>
      <WardInputs />
    </SimpleForm>
  </Edit>
);
