import { Box, FormHelperText, Typography } from '@mui/material';
import type { ReactNode } from 'react';
import { InputHelperText } from 'react-admin';

interface InputGroupProps {
  /** Names the group (its accessible name too). */
  label: string;
  /** An id prefix for the label and helper text. */
  id: string;
  error?: string;
  helperText?: ReactNode;
  children: ReactNode;
}

/**
 * A labelled group of buttons that together set one input (chips, a segmented choice), with the
 * helper text or the validation error below it, as a text input shows them.
 */
export const InputGroup = ({ label, id, error, helperText, children }: InputGroupProps) => (
  <Box role="group" aria-labelledby={`${id}-label`} sx={{ mb: 2, minWidth: 0 }}>
    <Typography id={`${id}-label`} variant="subtitle2" component="p" color={error ? 'error' : 'text.primary'} sx={{ mb: 0.75 }}>
      {label}
    </Typography>
    {children}
    {(error || (helperText !== undefined && helperText !== false && helperText !== null)) && (
      <FormHelperText id={`${id}-helper`} error={!!error} sx={{ mx: 0 }}>
        <InputHelperText error={error} helperText={helperText} />
      </FormHelperText>
    )}
  </Box>
);
