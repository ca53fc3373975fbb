import { Box, Typography } from '@mui/material';
import { useEffect, useRef, type ReactNode } from 'react';
import { useFormContext, useWatch } from 'react-hook-form';
import {
  AutocompleteInput,
  BooleanInput,
  DateInput,
  maxLength,
  ReferenceInput,
  SelectInput,
  TextInput,
  useGetOne,
  useRecordContext,
} from 'react-admin';
import { CONTRACT_TYPE_CHOICES, GRADE_CHOICES, SHIFT_PATTERN_CHOICES, STAFF_GROUP_CHOICES } from '../choices';
import {
  employeeNumber,
  notBefore,
  optionalEmail,
  optionalPhone,
  jobTitle,
  optionalName,
  personName,
  postcode,
  requiredChoice,
  requiredRef,
} from '../validation';

const leaveAfterStart = [notBefore('startDate', 'The leave date must not be before the start date')];

interface WardOption {
  id: string;
  name: string;
  site?: { id: string; name: string; employerId: string } | null;
}

const wardText = (w: WardOption | undefined) => (w ? (w.site ? `${w.name} (${w.site.name})` : w.name) : '');

/** A titled group of inputs; rows stack on phones. */
const Section = ({ title, children }: { title: string; children: ReactNode }) => (
  <Box component="fieldset" sx={{ border: 0, p: 0, m: 0, mb: 2, width: '100%', minWidth: 0 }}>
    <Typography component="legend" variant="subtitle1" sx={{ fontWeight: 600, mb: 1 }}>
      {title}
    </Typography>
    {children}
  </Box>
);

const Row = ({ children }: { children: ReactNode }) => (
  <Box
    sx={{
      display: 'flex',
      flexDirection: { xs: 'column', sm: 'row' },
      columnGap: 2,
      width: '100%',
      '& > *': { flex: 1, minWidth: 0 },
    }}
  >
    {children}
  </Box>
);

/**
 * Fills in the employer from the chosen ward's site (on create the employer follows the ward; on
 * edit only when it is empty), since every ward belongs to exactly one employer.
 */
const EmployerFromWard = ({ isEdit }: { isEdit: boolean }) => {
  const wardId = useWatch({ name: 'wardId' }) as string | undefined;
  const employerId = useWatch({ name: 'employerId' }) as string | undefined;
  const { setValue } = useFormContext();
  const { data: ward } = useGetOne<WardOption & { id: string }>('Wards', { id: wardId ?? '' }, { enabled: !!wardId });
  const lastWard = useRef<string | undefined>(undefined);
  useEffect(() => {
    const fromWard = ward?.site?.employerId;
    if (!fromWard || ward.id !== wardId) return;
    const wardChanged = lastWard.current !== wardId;
    lastWard.current = wardId;
    if (employerId === fromWard) return;
    if (!employerId || (!isEdit && wardChanged)) {
      setValue('employerId', fromWard, { shouldDirty: true, shouldValidate: true });
    }
  }, [ward, wardId, employerId, isEdit, setValue]);
  return null;
};

/** On edit, a new ward is a rotation: ask from when (the API closes the old posting that day). */
const MovedOnInput = () => {
  const record = useRecordContext<{ wardId?: string }>();
  const wardId = useWatch({ name: 'wardId' }) as string | undefined;
  if (!record || !wardId || wardId === record.wardId) return null;
  return (
    <DateInput
      source="movedOn"
      label="Moved on"
      helperText="The date the move to the new ward takes effect (blank: today)"
    />
  );
};

export const ContactInputs = ({ isEdit = false }: { isEdit?: boolean }) => (
  <>
    <Section title="Name">
      <Row>
        <TextInput source="firstName" label="First name" validate={personName} autoFocus />
        <TextInput source="lastName" label="Last name" validate={personName} />
        <TextInput source="preferredName" label="Preferred name" validate={optionalName} />
      </Row>
    </Section>

    <Section title="Job">
      <Row>
        <TextInput source="jobTitle" label="Job title" validate={jobTitle} />
        <SelectInput source="staffGroup" label="Staff group" choices={STAFF_GROUP_CHOICES} validate={requiredChoice} />
      </Row>
      <Row>
        <SelectInput source="grade" label="Grade" choices={GRADE_CHOICES} emptyText="Not known" />
        <SelectInput source="shiftPattern" label="Shift pattern" choices={SHIFT_PATTERN_CHOICES} validate={requiredChoice} />
        <SelectInput source="contractType" label="Contract" choices={CONTRACT_TYPE_CHOICES} validate={requiredChoice} />
      </Row>
    </Section>

    <Section title="Workplace">
      <Row>
        <ReferenceInput source="wardId" reference="Wards" sort={{ field: 'name', order: 'ASC' }} perPage={25}>
          <AutocompleteInput
            label="Ward"
            optionText={wardText}
            validate={requiredRef}
            helperText={isEdit ? 'Changing the ward records a move: the old posting is kept in the history' : 'Where they work now'}
          />
        </ReferenceInput>
        {isEdit ? (
          <MovedOnInput />
        ) : (
          <DateInput source="postedFrom" label="On this ward since" helperText="Blank: today" />
        )}
      </Row>
      <Row>
        <ReferenceInput source="employerId" reference="Employers" sort={{ field: 'name', order: 'ASC' }}>
          <SelectInput label="Employer" optionText="name" validate={requiredRef} helperText="Filled in from the ward" />
        </ReferenceInput>
        <TextInput
          source="employeeNumber"
          label="Employee number (ESR)"
          validate={employeeNumber}
        />
      </Row>
      <EmployerFromWard isEdit={isEdit} />
    </Section>

    <Section title="Contact details">
      <Row>
        <TextInput source="workEmail" label="Work email" type="email" validate={optionalEmail} />
        <TextInput source="workPhone" label="Work phone" type="tel" validate={optionalPhone} />
      </Row>
      <Row>
        <TextInput source="personalEmail" label="Personal email" type="email" validate={optionalEmail} />
        <TextInput source="personalPhone" label="Personal phone" type="tel" validate={optionalPhone} />
      </Row>
      <Row>
        <BooleanInput source="consentPersonalEmail" label="Consents to personal email" />
        <BooleanInput source="consentPersonalPhone" label="Consents to calls and texts on personal phone" />
      </Row>
    </Section>

    <Section title="Postal address (for ballot papers)">
      <TextInput source="postalAddressLines" label="Address" multiline minRows={2} fullWidth validate={[maxLength(300)]} />
      <Row>
        <TextInput source="postalTown" label="Town" validate={[maxLength(100)]} />
        <TextInput source="postalPostcode" label="Postcode" validate={postcode} />
        <DateInput source="addressConfirmedOn" label="Address confirmed on" helperText="Out-of-date addresses cost votes: confirm every 6 months" />
      </Row>
    </Section>

    <Section title="Employment dates">
      <Row>
        <DateInput source="startDate" label="Start date" />
        <DateInput source="leaveDate" label="Leave date" validate={leaveAfterStart} />
      </Row>
    </Section>
  </>
);
