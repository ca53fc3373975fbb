import { Create, SimpleForm } from 'react-admin';
import { useSaveNotice } from '../common/useSaveNotice';
import { EmployerInputs } from './EmployerInputs';

export const EmployerCreate = () => {
  const saveNotice = useSaveNotice('added');
  return (
    <Create mutationOptions={saveNotice}>
      <SimpleForm>
        <EmployerInputs />
      </SimpleForm>
    </Create>
  );
};
