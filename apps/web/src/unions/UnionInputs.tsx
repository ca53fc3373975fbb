import { TextInput } from 'react-admin';
import { requiredName, unionShortName } from '../validation';

export const UnionInputs = () => (
  <>
    <TextInput source="name" autoFocus validate={requiredName} fullWidth helperText="e.g. British Medical Association" />
    <TextInput source="shortName" label="Short name" validate={unionShortName} helperText="e.g. BMA" />
  </>
);
