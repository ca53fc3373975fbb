import { ReferenceInput, SelectInput, TextInput } from 'react-admin';
import { WARD_TYPE_CHOICES } from '../choices';
import { speciality, requiredChoice, requiredName, requiredRef } from '../validation';

export const WardInputs = () => (
  <>
    <TextInput source="name" autoFocus validate={requiredName} fullWidth helperText="e.g. Ward 7B, A&E, Theatres, Portering" />
    <SelectInput source="type" choices={WARD_TYPE_CHOICES} validate={requiredChoice} />
    <ReferenceInput source="siteId" reference="Sites" sort={{ field: 'name', order: 'ASC' }} perPage={100}>
      <SelectInput label="Site" optionText="name" validate={requiredRef} fullWidth />
    </ReferenceInput>
    <TextInput source="speciality" validate={speciality} fullWidth />
  </>
);
