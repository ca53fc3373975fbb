import { BooleanInput, DateInput, ReferenceInput, SelectInput, TextInput, AutocompleteInput } from 'react-admin';
import { ACTION_KIND_CHOICES } from '../choices';
import { requiredChoice, requiredName, requiredRef } from '../validation';

const KIND_CHOICES = ACTION_KIND_CHOICES;

/** An action's fields, shared by create and edit: at a ward, at a site, or online (one at most). */
export const ActionInputs = () => (
  <>
    <TextInput source="title" autoFocus validate={requiredName} fullWidth helperText="e.g. Badge day: #SafeStaffingNow" />
    <ReferenceInput source="campaignId" reference="Campaigns" sort={{ field: 'startDate', order: 'DESC' }}>
      <SelectInput label="Campaign" optionText="name" validate={requiredRef} />
    </ReferenceInput>
    <SelectInput source="kind" choices={KIND_CHOICES} validate={requiredChoice} />
    <DateInput source="date" validate={requiredRef} />
    <ReferenceInput source="wardId" reference="Wards" sort={{ field: 'name', order: 'ASC' }} filter={{ myBranches: true }}>
      <AutocompleteInput label="Ward" optionText="name" fullWidth helperText="Held on a ward (or give a site, or online)" />
    </ReferenceInput>
    <ReferenceInput source="siteId" reference="Sites" sort={{ field: 'name', order: 'ASC' }} filter={{ myBranches: true }}>
      <AutocompleteInput label="Site" optionText="name" fullWidth />
    </ReferenceInput>
    <BooleanInput source="online" label="Online" />
    <BooleanInput source="isStructureTest" label="A structure test (tests the majority, ward by ward)" />
    <TextInput source="notes" multiline fullWidth />
  </>
);
