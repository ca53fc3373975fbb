import { Box } from '@mui/material';
import { useState } from 'react';
import { Form, HttpError, SaveButton, TextInput, required, useCreate, useNotify, useRefresh } from 'react-admin';
import { newId } from '../common/newId';

/**
 * Adds a note to a case from its page (a phone in a corridor included). The note's id is made when the
 * form is fresh and kept across retries, so a save retried after a lost answer adds one note.
 */
export const NoteForm = ({ caseId }: { caseId: string }) => {
  const [create] = useCreate();
  const notify = useNotify();
  const refresh = useRefresh();
  const [id, setId] = useState(newId);
  const save = async (values: Record<string, unknown>) => {
    try {
      await create('CaseNotes', { data: { body: values.body, caseId, id } }, { returnPromise: true });
      notify('Note added', { type: 'success' });
      setId(newId());
      refresh();
      return undefined;
    } catch (error) {
      const errors = error instanceof HttpError ? (error.body as { errors?: Record<string, string> })?.errors : undefined;
      notify(errors ? 'Please correct the highlighted fields' : error instanceof Error ? error.message : 'Could not add the note', { type: 'error' });
      return errors;
    }
  };
  return (
    <Form key={id} onSubmit={save} resource="CaseNotes" noValidate>
      <Box sx={{ display: 'flex', flexDirection: 'column', alignItems: 'flex-start' }}>
        <TextInput source="body" label="New note" multiline minRows={2} validate={required()} fullWidth />
        <SaveButton label="Add note" alwaysEnable />
      </Box>
    </Form>
  );
};
