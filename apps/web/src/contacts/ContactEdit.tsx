import { Edit, SimpleForm } from 'react-admin';
import { FormToolbar } from '../common/FormToolbar';
import { ContactInputs } from './ContactInputs';
import { ContactTitle } from './ContactTitle';

export const ContactEdit = () => (
  <Edit mutationMode="pessimistic" redirect="show" title={<ContactTitle />}>
    <SimpleForm toolbar={<FormToolbar />} aria-label="Edit contact">
      <ContactInputs isEdit />
    </SimpleForm>
  </Edit>
);
