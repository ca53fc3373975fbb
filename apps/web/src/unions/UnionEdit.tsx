import { Edit, SimpleForm } from 'react-admin';
import { useSaveNotice } from '../common/useSaveNotice';
import { FormToolbar } from '../common/FormToolbar';
import { UnionInputs } from './UnionInputs';
import { RecordLoading } from '../common/Loading';

export const UnionEdit = () => {
  const saveNotice = useSaveNotice('saved');
  return (
    <Edit loading={<RecordLoading what="union" />} mutationMode="pessimistic" mutationOptions={saveNotice}>
      <SimpleForm toolbar={<FormToolbar />}>
        <UnionInputs />
      </SimpleForm>
    </Edit>
  );
};
