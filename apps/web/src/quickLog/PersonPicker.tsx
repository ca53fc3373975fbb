import { Box } from '@mui/material';
import { useState } from 'react';
import { required, useInput } from 'react-admin';
import { ContactAutocomplete, type PersonOption } from '../organising/ContactAutocomplete';

const validatePerson = [required('Pick the person you spoke to')];

/** Who the conversation was with (the form's `contactId`): recent people first, then a search. */
export const PersonPicker = ({ initial, autoFocus = false, onPicked }: { initial?: PersonOption; autoFocus?: boolean; onPicked: (person: PersonOption | null) => void }) => {
  const { id, field, fieldState } = useInput({ source: 'contactId', validate: validatePerson });
  const [value, setValue] = useState<PersonOption | null>(initial ?? null);
  return (
    <Box sx={{ mb: 2 }}>
      <ContactAutocomplete
        id={id}
        label="Person"
        autoFocus={autoFocus}
        value={value}
        onChange={(person) => {
          setValue(person);
          field.onChange(person ? person.id : null);
          onPicked(person);
        }}
        onBlur={field.onBlur}
        error={fieldState.error?.message}
        helperText={value?.wardName ?? 'Recent people first; type to search'}
      />
    </Box>
  );
};
