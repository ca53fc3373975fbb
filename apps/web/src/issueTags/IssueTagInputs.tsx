import { BooleanInput, TextInput } from 'react-admin';
import { issueTagName } from '../validation';

export const IssueTagInputs = () => (
  <>
    <TextInput source="name" autoFocus validate={issueTagName} fullWidth sx={{ maxWidth: 400 }} helperText="As reps will see it on the quick log, e.g. Staffing, Parking" />
    <BooleanInput source="active" label="Offered for new conversations" helperText="Switch off to retire it: past conversations keep it" />
  </>
);
