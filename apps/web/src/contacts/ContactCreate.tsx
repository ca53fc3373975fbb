import { ContractType } from '@rollcall/domain';
import { Create, SimpleForm } from 'react-admin';
import { ContactInputs } from './ContactInputs';

const defaults = {
  contractType: ContractType.SUBSTANTIVE,
  consentPersonalEmail: false,
  consentPersonalPhone: false,
};

export const ContactCreate = () => (
  <Create redirect="show" title="New contact">
    <SimpleForm defaultValues={defaults} aria-label="New contact">
      <ContactInputs />
    </SimpleForm>
  </Create>
);
