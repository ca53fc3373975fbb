import { Create, SimpleForm } from 'react-admin';
import { useSaveNotice } from '../common/useSaveNotice';
import { UnionInputs } from './UnionInputs';

export const UnionCreate = () => {
  const saveNotice = useSaveNotice('added');
  return (
    <Create mutationOptions={saveNotice}>
      <SimpleForm>
        <UnionInputs />
      </SimpleForm>
    </Create>
  );
};
