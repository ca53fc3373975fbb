import { Edit, SimpleForm } from 'react-admin';
import { FormToolbar } from '../common/FormToolbar';
import { UnionInputs } from './UnionInputs';

export const UnionEdit = () => (
  <Edit mutationMode="pessimistic" redirect="show">
    <SimpleForm toolbar={<FormToolbar />}>
      <UnionInputs />
    </SimpleForm>
  </Edit>
);
