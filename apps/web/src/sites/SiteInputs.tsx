import { ReferenceInput, SelectInput, TextInput } from 'react-admin';
import { SITE_KIND_CHOICES } from '../choices';
import { address, postcode, requiredChoice, requiredName, requiredRef, siteOdsCode } from '../validation';

export const SiteInputs = () => (
  <>
    <TextInput source="name" autoFocus validate={requiredName} fullWidth />
    <SelectInput source="kind" choices={SITE_KIND_CHOICES} validate={requiredChoice} />
    <ReferenceInput source="employerId" reference="Employers" sort={{ field: 'name', order: 'ASC' }}>
      <SelectInput label="Employer" optionText="name" validate={requiredRef} fullWidth />
    </ReferenceInput>
    <TextInput source="address" validate={address} fullWidth multiline />
    <TextInput source="postcode" validate={postcode} />
    <TextInput
      source="odsCode"
      label="ODS code"
      validate={siteOdsCode}
      parse={(value: string) => (value ? value.trim().toUpperCase() : null)}
      helperText="The site's NHS code, e.g. RXX01"
    />
  </>
);
