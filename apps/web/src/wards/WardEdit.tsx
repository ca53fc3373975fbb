import { Edit, SimpleForm } from 'react-admin';
import { useSaveNotice } from '../common/useSaveNotice';
import { FormToolbar } from '../common/FormToolbar';
import { WardInputs } from './WardInputs';

export const WardEdit = () => {
  const saveNotice = useSaveNotice('saved');
  return (
    <Edit mutationMode="pessimistic" mutationOptions={saveNotice}>
      <SimpleForm toolbar={<FormToolbar />}>
        <WardInputs />
      </SimpleForm>
    </Edit>
  );
};
