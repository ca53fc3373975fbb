import { Chip, Stack } from '@mui/material';
import { TextInput } from 'react-admin';
import { useFormContext } from 'react-hook-form';
import { conversationText } from '../validation';

/** Asks reps make most often: one tap fills the field (and it can still be edited). */
const SUGGESTIONS = ['Join the union', 'Sign the petition', 'Come to the ward meeting', 'Talk to two colleagues'];

/** The ask made, with a few quick picks. */
export const AskInput = () => {
  const { setValue } = useFormContext();
  return (
    <>
      <TextInput source="ask" label="The ask" validate={conversationText} fullWidth helperText={false} sx={{ mb: 0.5 }} />
      <Stack direction="row" useFlexGap aria-label="Suggested asks" sx={{ flexWrap: 'wrap', gap: 0.75, mb: 2 }}>
        {SUGGESTIONS.map((ask) => (
          <Chip
            key={ask}
            size="small"
            variant="outlined"
            label={ask}
            onClick={() => setValue('ask', ask, { shouldDirty: true, shouldValidate: true })}
          />
        ))}
      </Stack>
    </>
  );
};
