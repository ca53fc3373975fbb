import { Create, SimpleForm } from 'react-admin';
import { WardInputs } from './WardInputs';

export const WardCreate = () => (
  <Create redirect="show">
    <SimpleForm>
      <WardInputs />
    </SimpleForm>
  </Create>
);
