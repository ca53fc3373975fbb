import { Edit, SimpleForm } from 'react-admin';
import { useSaveNotice } from '../common/useSaveNotice';
import { FormToolbar } from '../common/FormToolbar';
import { SiteInputs } from './SiteInputs';

export const SiteEdit = () => {
  const saveNotice = useSaveNotice('saved');
  return (
    <Edit mutationMode="pessimistic" mutationOptions={saveNotice}>
      <SimpleForm toolbar={<FormToolbar />}>
        <SiteInputs />
      </SimpleForm>
    </Edit>
  );
};
