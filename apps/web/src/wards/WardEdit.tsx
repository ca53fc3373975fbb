import { Edit, SimpleForm } from 'react-admin';
import { useSaveNotice } from '../common/useSaveNotice';
import { FormToolbar } from '../common/FormToolbar';
import { WardInputs } from './WardInputs';
import { RecordLoading } from '../common/Loading';

export const WardEdit = () => {
  const saveNotice = useSaveNotice('saved');
  return (
    <Edit loading={<RecordLoading what="ward" />} mutationMode="pessimistic" mutationOptions={saveNotice}>
      <SimpleForm toolbar={<FormToolbar />}>
        <WardInputs />
      </SimpleForm>
    </Edit>
  );
};
