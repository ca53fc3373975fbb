import { DateInput, NumberInput, ReferenceArrayInput, ReferenceInput, SelectArrayInput, SelectInput, TextInput, minValue } from 'react-admin';
import { Typography } from '@mui/material';
import { notBefore, requiredName, requiredRef } from '../validation';
import { TargetGroupInputs } from './TargetGroupInputs';

const positive = [minValue(1, 'At least 1')];

/** A campaign's fields, shared by create and edit. */
export const CampaignInputs = () => (
  <>
    <TextInput source="name" autoFocus validate={requiredName} fullWidth helperText="e.g. Safe staffing now" />
    <ReferenceInput source="branchId" reference="Branches" sort={{ field: 'name', order: 'ASC' }}>
      <SelectInput label="Branch" optionText="name" validate={requiredRef} />
    </ReferenceInput>
    <TextInput source="goal" multiline fullWidth helperText="What it is for, in words" />
    <NumberInput source="targetParticipants" label="Goal: people taking part" validate={positive} />
    <DateInput source="startDate" validate={requiredRef} />
    <DateInput source="endDate" validate={notBefore('startDate', 'Must not be before the start')} />
    <DateInput source="joinByDate" label="Join-by date" helperText="A coming ballot's membership cut-off: join by this day to vote" />
    <NumberInput source="recruitmentTarget" label="Recruitment target" validate={positive} />
    <ReferenceArrayInput source="unionIds" reference="Unions" sort={{ field: 'name', order: 'ASC' }}>
      <SelectArrayInput label="Unions involved" optionText="name" fullWidth />
    </ReferenceArrayInput>
    <Typography variant="subtitle1" component="h2" sx={{ mt: 1 }}>
      Who it targets
    </Typography>
    <TargetGroupInputs />
  </>
);
