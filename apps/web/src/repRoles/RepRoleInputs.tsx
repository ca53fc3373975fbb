import { AutocompleteArrayInput, DateInput, ReferenceArrayInput, SelectInput, required } from 'react-admin';
import { REP_ROLE_KIND_CHOICES } from '../choices';
import { notBefore, requiredChoice } from '../validation';

const endAfterStart = [notBefore('startDate', 'The end date must not be before the start date')];
const someWards = [required('Choose at least one ward this rep covers')];

export const RepRoleInputs = () => (
  <>
    <SelectInput source="kind" label="Role" autoFocus choices={REP_ROLE_KIND_CHOICES} validate={requiredChoice} fullWidth />
    <ReferenceArrayInput source="wardIds" reference="Wards" sort={{ field: 'name', order: 'ASC' }}>
      <AutocompleteArrayInput
        label="Wards covered"
        optionText={(w: { name: string; site?: { name: string } | null }) => (w.site ? `${w.name} (${w.site.name})` : w.name)}
        validate={someWards}
        fullWidth
      />
    </ReferenceArrayInput>
    <DateInput source="startDate" label="Start date" fullWidth />
    <DateInput source="endDate" label="End date" validate={endAfterStart} fullWidth />
  </>
);
