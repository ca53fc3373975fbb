import { Box, Card, CardContent, Typography } from '@mui/material';
import { Form, HttpError, PasswordInput, SaveButton, Title, useNotify, useRedirect } from 'react-admin';
import { changePassword } from '../authProvider';
import { confirmNewPassword, currentPassword, newPassword } from '../validation';

interface Values {
  currentPassword: string;
  newPassword: string;
  confirmPassword: string;
}

/**
 * The signed-in user's own password. The API signs out every other session and returns a new
 * token for this one; the server's refusals (a wrong current password) show on their field.
 */
export const ChangePasswordPage = () => {
  const notify = useNotify();
  const redirect = useRedirect();

  const submit = async (values: Record<string, unknown>) => {
    const { currentPassword: current, newPassword: next } = values as unknown as Values;
    try {
      await changePassword(current, next);
      notify('Password changed. Other sessions have been signed out.', { type: 'success' });
      redirect('/');
      return undefined;
    } catch (error) {
      // Field errors show on their inputs (and react-admin says the form is not valid).
      const errors = error instanceof HttpError ? (error.body as { errors?: Record<string, string> })?.errors : undefined;
      if (errors) return errors;
      notify(error instanceof Error ? error.message : 'Could not change the password', { type: 'error' });
      return undefined;
    }
  };

  return (
    <Box sx={{ mt: 2, mb: 2, maxWidth: 520 }}>
      <Title title="Change password" />
      <Card variant="outlined">
        <CardContent>
          <Typography variant="h5" component="h2" gutterBottom>
            Change password
          </Typography>
          <Typography variant="body2" color="text.secondary" sx={{ mb: 2 }}>
            Changing it signs you out on every other device.
          </Typography>
          <Form onSubmit={submit} noValidate id="change-password-form">
            <PasswordInput
              source="currentPassword"
              autoFocus
              label="Current password"
              autoComplete="current-password"
              validate={currentPassword}
              fullWidth
            />
            <PasswordInput
              source="newPassword"
              label="New password"
              autoComplete="new-password"
              validate={newPassword}
              helperText="At least 12 characters, not containing your email name"
              fullWidth
            />
            <PasswordInput
              source="confirmPassword"
              label="Confirm new password"
              autoComplete="new-password"
              validate={confirmNewPassword}
              fullWidth
            />
            <Box sx={{ mt: 1 }}>
              <SaveButton label="Change password" alwaysEnable />
            </Box>
          </Form>
        </CardContent>
      </Card>
    </Box>
  );
};
