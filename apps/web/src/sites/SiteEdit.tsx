import { Edit, SimpleForm } from 'react-admin';
import { useSaveNotice } from '../common/useSaveNotice';
import { FormToolbar } from '../common/FormToolbar';
import { SiteInputs } from './SiteInputs';
import { RecordLoading } from '../common/Loading';

export const SiteEdit = () => {
  const saveNotice = useSaveNotice('saved');
  return (
    <Edit loading={<RecordLoading what="site" />} mutationMode="pessimistic" mutationOptions={saveNotice}>
      <SimpleForm toolbar={<FormToolbar />}>
        <SiteInputs />
      </SimpleForm>
    </Edit>
  );
};
