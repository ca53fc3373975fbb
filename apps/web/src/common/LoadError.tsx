import { Alert, Button, type AlertProps } from '@mui/material';
import { useRefresh } from 'react-admin';

interface LoadErrorProps extends Omit<AlertProps, 'severity' | 'action' | 'children'> {
  /** What could not be loaded ("overdue follow-ups"). */
  what: string;
  error: unknown;
}

/** A page's (or a widget's) data could not be loaded: say so, with the reason and a way to try again. */
export const LoadError = ({ what, error, sx = { my: 2 }, ...props }: LoadErrorProps) => {
  const refresh = useRefresh();
  return (
    <Alert
      severity="error"
      sx={sx}
      {...props}
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
