import { Edit, SimpleForm } from 'react-admin';
import { useSaveNotice } from '../common/useSaveNotice';
import { FormToolbar } from '../common/FormToolbar';
import { UnionInputs } from './UnionInputs';

export const UnionEdit = () => {
  const saveNotice = useSaveNotice('saved');
  return (
    <Edit mutationMode="pessimistic" mutationOptions={saveNotice}>
      <SimpleForm toolbar={<FormToolbar />}>
        <UnionInputs />
      </SimpleForm>
    </Edit>
  );
};
