import { Alert, Box, CardContent, Typography } from '@mui/material';
import { useEffect, useState, useSyncExternalStore } from 'react';
import {
  Form,
  Login,
  PasswordInput,
  required,
  SaveButton,
  TextInput,
  email,
  useLogin,
  useNotify,
} from 'react-admin';
import { onSessionEnded, sessionWasEnded } from '../session';

const validateEmail = [required(), email('Enter a valid email address')];
const validatePassword = [required()];

/** Sign in with an email address (react-admin's stock form asks for a "username"). */
const LoginForm = () => {
  const login = useLogin();
  const notify = useNotify();
  const [loading, setLoading] = useState(false);
  // Said on the page itself (a notification may come and go during the redirect), and heard even
  // when the sign-in page was already on screen as the old session was found out (no remount).
  const ended = useSyncExternalStore(onSessionEnded, sessionWasEnded);

  const submit = async (values: Record<string, unknown>) => {
    setLoading(true);
    try {
      await login({ email: values.email, password: values.password });
    } catch (error) {
      notify(error instanceof Error ? error.message : 'Sign-in failed', { type: 'error' });
    } finally {
      setLoading(false);
    }
  };

  return (
    <Form onSubmit={submit} noValidate>
      <CardContent sx={{ width: { xs: 300, sm: 340 } }}>
        <Typography variant="h5" component="h1" sx={{ textAlign: 'center', mb: 0.5 }}>
          Rollcall
        </Typography>
        <Typography variant="body2" color="text.secondary" sx={{ textAlign: 'center', mb: 2 }}>
          Workplace organising for NHS union reps
        </Typography>
        {ended && (
          <Alert severity="info" sx={{ mb: 2 }}>
            Your session has ended: please sign in again
          </Alert>
        )}
        <TextInput
          source="email"
          label="Email"
          type="email"
          autoComplete="username"
          autoFocus
          validate={validateEmail}
          fullWidth
        />
        <PasswordInput
          source="password"
          label="Password"
          autoComplete="current-password"
          validate={validatePassword}
          fullWidth
        />
        <Box sx={{ mt: 1 }}>
          <SaveButton label="Sign in" icon={<></>} fullWidth alwaysEnable disabled={loading} />
        </Box>
      </CardContent>
    </Form>
  );
};

/** The sign-in page: its own main landmark and tab title (it sits outside the app's layout). */
export const LoginPage = () => {
  useEffect(() => {
    document.title = 'Sign in · Rollcall';
  }, []);
  return (
    <Box component="main">
      <Login sx={{ backgroundImage: 'none', backgroundColor: '#005eb8' }}>
        <LoginForm />
      </Login>
    </Box>
  );
};
