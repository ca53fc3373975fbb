import { Alert, Button } from '@mui/material';
import { useRefresh } from 'react-admin';

/** A page's data could not be loaded: say so, with the reason and a way to try again. */
export const LoadError = ({ what, error }: { what: string; error: unknown }) => {
  const refresh = useRefresh();
  return (
    <Alert
      severity="error"
      sx={{ my: 2 }}
      action={
        <Button color="inherit" size="small" onClick={() => refresh()}>
          Try again
        </Button>
      }
    >
      Could not load {what}
      {error instanceof Error && error.message ? `: ${error.message}` : '.'}
    </Alert>
  );
};
