import { BooleanInput, DateInput, ReferenceInput, SelectInput, TextInput, AutocompleteInput } from 'react-admin';
import { useFormContext, useWatch } from 'react-hook-form';
import { ACTION_KIND_CHOICES } from '../choices';
import { requiredChoice, requiredName, requiredRef } from '../validation';

const KIND_CHOICES = ACTION_KIND_CHOICES;

/**
 * Where an action was held, as saved: a ward says its site too, so with a ward the site is left out (the
 * API takes one place at most); the site picked then served only to narrow the ward picker.
 */
export const actionPlace = (data: Record<string, unknown>): Record<string, unknown> => (data.wardId ? { ...data, siteId: null } : data);

/** The site, then a ward (of that site when one is picked: a site's wards, not the branch's). */
const PlaceInputs = () => {
  const siteId = useWatch({ name: 'siteId' }) as string | null | undefined;
  const { setValue, getValues } = useFormContext();
  return (
    <>
      <ReferenceInput source="siteId" reference="Sites" sort={{ field: 'name', order: 'ASC' }} filter={{ myBranches: true }}>
        <AutocompleteInput
          label="Site"
          optionText="name"
          fullWidth
          helperText="Held at a site (pick a ward of it below to be exact), or on a ward, or online"
          // a ward of another site no longer fits
          onChange={(value: string | null) => {
            if (value && getValues('wardId')) setValue('wardId', null, { shouldDirty: true });
          }}
        />
      </ReferenceInput>
      <ReferenceInput source="wardId" reference="Wards" sort={{ field: 'name', order: 'ASC' }} filter={siteId ? { myBranches: true, siteId } : { myBranches: true }}>
        <AutocompleteInput label="Ward" optionText="name" fullWidth helperText={siteId ? "The site's wards" : 'Held on a ward (or give a site, or online)'} />
      </ReferenceInput>
    </>
  );
};

/** An action's fields, shared by create and edit: at a ward, at a site, or online (one at most). */
export const ActionInputs = () => (
  <>
    <TextInput source="title" autoFocus validate={requiredName} fullWidth helperText="e.g. Badge day: #SafeStaffingNow" />
    <ReferenceInput source="campaignId" reference="Campaigns" sort={{ field: 'startDate', order: 'DESC' }}>
      <SelectInput label="Campaign" optionText="name" validate={requiredRef} />
    </ReferenceInput>
    <SelectInput source="kind" choices={KIND_CHOICES} validate={requiredChoice} />
    <DateInput source="date" validate={requiredRef} />
    <PlaceInputs />
    <BooleanInput source="online" label="Online" />
    <BooleanInput source="isStructureTest" label="A structure test (tests the majority, ward by ward)" />
    <TextInput source="notes" multiline fullWidth />
  </>
);
