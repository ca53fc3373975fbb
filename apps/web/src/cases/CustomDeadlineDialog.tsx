import { BooleanInput, DateInput, TextInput, required, type RaRecord } from 'react-admin';
import { FormDialog } from '../common/FormDialog';

/** Adds (or edits) a deadline set by hand on a case ("Send the rota to HR"), shown among the computed ones. */
export const CustomDeadlineDialog = ({ caseId, deadline, open, onClose }: { caseId: string; deadline: RaRecord | null; open: boolean; onClose: () => void }) => (
  <FormDialog noun="deadline" resource="CaseCustomDeadlines" record={deadline} defaults={{ done: false }} createData={{ caseId }} open={open} onClose={onClose} maxWidth="xs">
    <TextInput source="label" label="What is due" validate={required()} fullWidth />
    <DateInput source="due" label="Due" validate={required()} fullWidth />
    {deadline && <BooleanInput source="done" label="Done" />}
  </FormDialog>
);
