import { Box, Typography } from '@mui/material';
import {
  BooleanInput,
  DateInput,
  FormDataConsumer,
  ReferenceInput,
  AutocompleteInput,
  SelectInput,
  TextInput,
  required,
} from 'react-admin';
import { CASE_STATUS_CHOICES, CASE_TYPE_CHOICES, outcomeChoices } from './caseText';

const WIDE = { maxWidth: 640 };

/** The member a new case is for (pre-filled when opened from their page). */
export const MemberInput = () => (
  <ReferenceInput source="contactId" reference="Contacts" sort={{ field: 'lastName', order: 'ASC' }}>
    <AutocompleteInput label="Member" optionText="fullName" validate={required()} sx={WIDE} fullWidth />
  </ReferenceInput>
);

/** What a case is, its dates and (once decided) its outcome: the create and edit forms share them. */
export const CaseInputs = ({ editing = false }: { editing?: boolean }) => (
  <>
    <SelectInput source="type" label="Type" choices={CASE_TYPE_CHOICES} validate={required()} sx={WIDE} fullWidth />
    <SelectInput source="status" label="Status" choices={CASE_STATUS_CHOICES} sx={WIDE} fullWidth />
    <TextInput source="summary" label="Summary (the allegation or issue)" multiline minRows={3} sx={WIDE} fullWidth />
    <BooleanInput source="consentToRepresentation" label="The member agreed to be represented" />
    <DateInput source="openedOn" label="Opened on" sx={WIDE} />
    {editing && (
      <FormDataConsumer<{ type?: string }>>
        {({ formData }) => <SelectInput source="outcome" label="Outcome" choices={outcomeChoices(formData.type)} sx={WIDE} fullWidth />}
      </FormDataConsumer>
    )}
    {editing && <DateInput source="closedOn" label="Closed on" sx={WIDE} />}
    <Typography id="case-dates-label" variant="subtitle2" component="p" sx={{ mt: 2 }}>
      Dates the deadlines count from
    </Typography>
    <Box role="group" aria-labelledby="case-dates-label" sx={{ display: 'flex', flexWrap: 'wrap', columnGap: 2 }}>
      <DateInput source="outcomeLetterDate" label="Outcome letter (appeal window)" />
      <DateInput source="actDate" label="Act complained of (tribunal limit)" />
      <DateInput source="earlyConciliationStart" label="ACAS early conciliation start (Day A)" />
      <DateInput source="earlyConciliationCertificate" label="ACAS certificate received (Day B)" />
    </Box>
  </>
);

