import { Create, SimpleForm } from 'react-admin';
import { useSaveNotice } from '../common/useSaveNotice';
import { SiteInputs } from './SiteInputs';

export const SiteCreate = () => {
  const saveNotice = useSaveNotice('added');
  return (
    <Create mutationOptions={saveNotice}>
      <SimpleForm>
        <SiteInputs />
      </SimpleForm>
    </Create>
  );
};
