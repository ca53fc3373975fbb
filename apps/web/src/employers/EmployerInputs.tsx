import { TextInput } from 'react-admin';
import { odsCode, region, requiredName } from '../validation';

export const EmployerInputs = () => (
  <>
    <TextInput source="name" autoFocus validate={requiredName} fullWidth helperText="e.g. North Riverside NHS Foundation Trust" />
    <TextInput
      source="odsCode"
      label="ODS code"
      validate={odsCode}
      parse={(value: string) => (value ? value.trim().toUpperCase() : null)}
      helperText="NHS organisation code, e.g. RXX"
    />
    <TextInput source="region" validate={region} />
  </>
);
