import { Stack } from '@mui/material';
import type { ReactNode } from 'react';
import { AutocompleteInput, DateInput, ReferenceInput, SelectInput, TextInput } from 'react-admin';
import { MEMBERSHIP_SOURCE_CHOICES, MEMBERSHIP_STATUS_CHOICES } from '../choices';
import { membershipNumber, notBefore, requiredChoice, requiredRef } from '../validation';

const leaveAfterJoin = [notBefore('joinDate', 'The leave date must not be before the join date')];
/** A colleague or a rep recruited them, never both (the API refuses both too). */
const oneRecruiter = (value: unknown, all: { recruitedByContactId?: string | null }) =>
  value && all.recruitedByContactId ? 'Choose a colleague or a rep, not both' : undefined;

/** Two fields side by side from a small tablet up, one above the other on a phone. */
const Pair = ({ children }: { children: ReactNode }) => (
  <Stack direction={{ xs: 'column', sm: 'row' }} sx={{ width: '100%', columnGap: 2, '& > *': { flex: 1, minWidth: 0 } }}>{children}</Stack>
);

/**
 * The fields of one membership (the contact is implied by the page it is added from), paired so the
 * dialog fits a laptop's screen with its buttons in view.
 */
export const MembershipInputs = () => (
  <>
    <ReferenceInput source="unionId" reference="Unions" sort={{ field: 'name', order: 'ASC' }}>
      <SelectInput label="Union" autoFocus optionText={(u: { name: string; shortName: string }) => `${u.shortName} (${u.name})`} validate={requiredRef} fullWidth />
    </ReferenceInput>
    <Pair>
      <SelectInput source="status" label="Status" choices={MEMBERSHIP_STATUS_CHOICES} validate={requiredChoice} fullWidth />
      <SelectInput source="source" label="Source" choices={MEMBERSHIP_SOURCE_CHOICES} validate={requiredChoice} fullWidth />
    </Pair>
    <Pair>
      <DateInput source="joinDate" label="Join date" fullWidth />
      <DateInput source="leaveDate" label="Leave date" validate={leaveAfterJoin} fullWidth />
    </Pair>
    <TextInput source="membershipNumber" label="Membership number" validate={membershipNumber} fullWidth />
    <Pair>
      <ReferenceInput source="recruitedByContactId" reference="Contacts" sort={{ field: 'lastName', order: 'ASC' }}>
        <AutocompleteInput label="Recruited by (a colleague)" optionText="fullName" helperText="When known" fullWidth />
      </ReferenceInput>
      <ReferenceInput source="recruitedByUserId" reference="Reps" sort={{ field: 'displayName', order: 'ASC' }} perPage={100}>
        <SelectInput label="… or by a rep" optionText="displayName" emptyText="—" validate={oneRecruiter} fullWidth />
      </ReferenceInput>
    </Pair>
  </>
);
