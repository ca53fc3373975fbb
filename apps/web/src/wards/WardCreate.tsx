import { Create, SimpleForm } from 'react-admin';
import { useSaveNotice } from '../common/useSaveNotice';
import { WardInputs } from './WardInputs';

export const WardCreate = () => {
  const saveNotice = useSaveNotice('added');
  return (
    <Create mutationOptions={saveNotice}>
      <SimpleForm>
        <WardInputs />
      </SimpleForm>
    </Create>
  );
};
