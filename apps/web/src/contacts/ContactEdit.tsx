import { Edit, SimpleForm } from 'react-admin';
import { useSaveNotice } from '../common/useSaveNotice';
import { FormToolbar } from '../common/FormToolbar';
import { ContactInputs } from './ContactInputs';
import { ContactTitle } from './ContactTitle';
import { RecordLoading } from '../common/Loading';

export const ContactEdit = () => {
  const saveNotice = useSaveNotice('saved');
  return (
    <Edit loading={<RecordLoading what="contact" />} mutationMode="pessimistic" title={<ContactTitle />} mutationOptions={saveNotice}>
      <SimpleForm toolbar={<FormToolbar />} aria-label="Edit contact">
        <ContactInputs isEdit />
      </SimpleForm>
    </Edit>
  );
};
