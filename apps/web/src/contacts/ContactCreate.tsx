import { ContractType } from '@rollcall/domain';
import { useState } from 'react';
import { Create, SimpleForm } from 'react-admin';
import { useSaveNotice } from '../common/useSaveNotice';
import { newId } from '../common/newId';
import { ContactInputs } from './ContactInputs';

const defaults = {
  contractType: ContractType.SUBSTANTIVE,
  consentPersonalEmail: false,
  consentPersonalPhone: false,
};

/** The new contact's id is made when the page opens and sent with every save: a retried save adds one contact. */
export const ContactCreate = () => {
  const saveNotice = useSaveNotice('added');
  const [id] = useState(newId);
  return (
    <Create title="New contact" transform={(data) => ({ ...data, id })} mutationOptions={saveNotice}>
      <SimpleForm defaultValues={defaults} aria-label="New contact">
        <ContactInputs />
      </SimpleForm>
    </Create>
  );
};
