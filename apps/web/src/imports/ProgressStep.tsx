import { Alert, Box, Card, CardContent, LinearProgress, Stack, Typography } from '@mui/material';
import { formatDateTime } from '../common/dates';
import type { ImportRun } from './importApi';
import { OutcomeCounts, RowsByOutcome } from './DryRunStep';
import { duration } from './importWords';

/** Step 3: the import being applied: rows done, rate, time left. The page polls the run, so a reload finds it again. */
export const ProgressStep = ({ run }: { run: ImportRun }) => {
  const percent = run.rowsTotal ? Math.min(100, Math.round((100 * run.rowsDone) / run.rowsTotal)) : 0;
  const waiting = run.status === 'QUEUED';
  return (
    <Card variant="outlined" data-testid="import-progress">
      <CardContent>
        <Typography variant="h6" component="h2">{waiting ? 'Waiting to start' : 'Importing'}</Typography>
        <Box sx={{ my: 2 }}>
          <LinearProgress
            variant={waiting ? 'indeterminate' : 'determinate'} value={percent} sx={{ height: 10, borderRadius: 5 }}
            aria-label="Import progress" aria-valuetext={`${run.rowsDone} of ${run.rowsTotal} rows`}
          />
        </Box>
        <Stack direction={{ xs: 'column', sm: 'row' }} spacing={{ xs: 0.5, sm: 3 }}>
          <Typography variant="body2" data-testid="import-rows-done">
            {run.rowsDone.toLocaleString('en-GB')} of {run.rowsTotal.toLocaleString('en-GB')} rows ({percent}%)
          </Typography>
          {run.ratePerSecond ? <Typography variant="body2">{Math.round(run.ratePerSecond).toLocaleString('en-GB')} rows a second</Typography> : null}
          {run.secondsLeft !== null && !waiting ? <Typography variant="body2">{duration(run.secondsLeft)} left</Typography> : null}
        </Stack>
        <Typography variant="caption" color="text.secondary" sx={{ display: 'block', mt: 1 }}>
          You can leave this page: the import goes on, and Imports shows where it is. Cancelling rolls everything back.
        </Typography>
      </CardContent>
    </Card>
  );
};

/** The end: what the import did, or why nothing changed. */
export const ResultStep = ({ run }: { run: ImportRun }) => (
  <Stack spacing={2} data-testid="import-result">
    <Card variant="outlined">
      <CardContent>
        <Typography variant="h6" component="h2">
          {run.status === 'APPLIED' ? 'Imported' : run.status === 'CANCELLED' ? 'Cancelled' : 'The import failed'}
        </Typography>
        {run.finishedAt ? <Typography variant="body2" color="text.secondary">{formatDateTime(run.finishedAt)}</Typography> : null}
        {run.status === 'APPLIED' ? (
          <Box sx={{ mt: 1 }}><OutcomeCounts run={run} /></Box>
        ) : (
          <Alert severity={run.status === 'FAILED' ? 'error' : 'info'} sx={{ mt: 1 }}>
            Nothing changed{run.error ? `: ${run.error}` : '.'}
          </Alert>
        )}
      </CardContent>
    </Card>
    {run.status === 'APPLIED' ? (
      <Card variant="outlined"><CardContent><RowsByOutcome run={run} /></CardContent></Card>
    ) : null}
  </Stack>
);
