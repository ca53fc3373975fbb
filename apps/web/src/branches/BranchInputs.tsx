import { AutocompleteArrayInput, ReferenceArrayInput, TextInput } from 'react-admin';
import { requiredName } from '../validation';

export const BranchInputs = () => (
  <>
    <TextInput source="name" autoFocus validate={requiredName} helperText="e.g. North Riverside Health" fullWidth sx={{ maxWidth: 480 }} />
    <ReferenceArrayInput source="employerIds" reference="Employers" sort={{ field: 'name', order: 'ASC' }} perPage={100}>
      <AutocompleteArrayInput
        label="Employers"
        optionText="name"
        helperText="The NHS trusts and health boards whose staff this branch organises"
        fullWidth
        sx={{ maxWidth: 480 }}
      />
    </ReferenceArrayInput>
  </>
);
