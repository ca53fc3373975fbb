import { Edit, SimpleForm } from 'react-admin';
import { useSaveNotice } from '../common/useSaveNotice';
import { FormToolbar } from '../common/FormToolbar';
import { EmployerInputs } from './EmployerInputs';
import { RecordLoading } from '../common/Loading';

export const EmployerEdit = () => {
  const saveNotice = useSaveNotice('saved');
  return (
    <Edit loading={<RecordLoading what="employer" />} mutationMode="pessimistic" mutationOptions={saveNotice}>
      <SimpleForm toolbar={<FormToolbar />}>
        <EmployerInputs />
      </SimpleForm>
    </Edit>
  );
};
