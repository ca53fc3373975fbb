import { AutocompleteInput, DateInput, ReferenceInput, SelectInput, TextInput } from 'react-admin';
import { MEMBERSHIP_SOURCE_CHOICES, MEMBERSHIP_STATUS_CHOICES } from '../choices';
import { membershipNumber, notBefore, requiredChoice, requiredRef } from '../validation';

const leaveAfterJoin = [notBefore('joinDate', 'The leave date must not be before the join date')];
/** A colleague or a rep recruited them, never both (the API refuses both too). */
const oneRecruiter = (value: unknown, all: { recruitedByContactId?: string | null }) =>
  value && all.recruitedByContactId ? 'Choose a colleague or a rep, not both' : undefined;

/** The fields of one membership (the contact is implied by the page it is added from). */
export const MembershipInputs = () => (
  <>
    <ReferenceInput source="unionId" reference="Unions" sort={{ field: 'name', order: 'ASC' }}>
      <SelectInput label="Union" autoFocus optionText={(u: { name: string; shortName: string }) => `${u.shortName} (${u.name})`} validate={requiredRef} fullWidth />
    </ReferenceInput>
    <SelectInput source="status" label="Status" choices={MEMBERSHIP_STATUS_CHOICES} validate={requiredChoice} fullWidth />
    <SelectInput source="source" label="Source" choices={MEMBERSHIP_SOURCE_CHOICES} validate={requiredChoice} fullWidth />
    <DateInput source="joinDate" label="Join date" fullWidth />
    <DateInput source="leaveDate" label="Leave date" validate={leaveAfterJoin} fullWidth />
    <TextInput source="membershipNumber" label="Membership number" validate={membershipNumber} fullWidth />
    <ReferenceInput source="recruitedByContactId" reference="Contacts" sort={{ field: 'lastName', order: 'ASC' }}>
      <AutocompleteInput label="Recruited by (a colleague)" optionText="fullName" helperText="When known" fullWidth />
    </ReferenceInput>
    <ReferenceInput source="recruitedByUserId" reference="Reps" sort={{ field: 'displayName', order: 'ASC' }} perPage={100}>
      <SelectInput label="… or recruited by a rep" optionText="displayName" emptyText="—" validate={oneRecruiter} fullWidth />
    </ReferenceInput>
  </>
);
