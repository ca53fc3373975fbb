import { FormControlLabel, FormHelperText, Switch } from '@mui/material';
import { useState } from 'react';
import { Confirm, InputHelperText, useInput, useRecordContext } from 'react-admin';
import { getUser } from '../session';

/**
 * Whether the account may sign in. Switching it off asks first: a deactivated user is signed out
 * everywhere at once. The server's refusal (e.g. of deactivating yourself) shows below the switch.
 */
export const ActiveInput = ({ locked = false }: { locked?: boolean }) => {
  const record = useRecordContext<{ id?: string; displayName?: string }>();
  // The API refuses it anyway: an admin would lock themselves out.
  const isSelf = !!record?.id && record.id === getUser()?.id;
  const { field, fieldState } = useInput({ source: 'active' });
  const [asking, setAsking] = useState(false);
  const error = fieldState.error?.message;
  return (
    <>
      <FormControlLabel
        control={
          <Switch
            checked={field.value === true}
            onChange={(event) => (event.target.checked ? field.onChange(true) : setAsking(true))}
            onBlur={field.onBlur}
            name={field.name}
            disabled={isSelf || locked}
          />
        }
        label="Active: can sign in"
      />
      <FormHelperText error={!!error} sx={{ mt: 0, mb: 2 }}>
        <InputHelperText
          error={error}
          helperText={
            isSelf
              ? 'You cannot deactivate your own account.'
              : locked
                ? 'Only an admin of all their branches can deactivate them.'
                : 'Deactivated accounts cannot sign in; their history stays in the audit log.'
          }
        />
      </FormHelperText>
      <Confirm
        isOpen={asking}
        title={`Deactivate ${record?.displayName ?? 'this account'}?`}
        content="They are signed out everywhere at once and can no longer sign in. You can reactivate the account later."
        confirm="Deactivate"
        confirmColor="warning"
        onConfirm={() => {
          field.onChange(false);
          setAsking(false);
        }}
        onClose={() => setAsking(false)}
      />
    </>
  );
};
