import { Create, SimpleForm } from 'react-admin';
import { UnionInputs } from './UnionInputs';

export const UnionCreate = () => (
  <Create redirect="show">
    <SimpleForm>
      <UnionInputs />
    </SimpleForm>
  </Create>
);
