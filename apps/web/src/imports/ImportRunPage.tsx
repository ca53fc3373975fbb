import CancelIcon from '@mui/icons-material/Cancel';
import { Box, Button, Stack, Step, StepLabel, Stepper, Typography } from '@mui/material';
import { IMPORT_KIND_LABELS } from '@rollcall/domain';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Confirm, LinkBase, Title, useNotify, useParams } from 'react-admin';
import { formatDateTime } from '../common/dates';
import { LoadError } from '../common/LoadError';
import { RecordLoading } from '../common/Loading';
import { useIsSmall } from '../common/useIsSmall';
import { DryRunStep } from './DryRunStep';
import { importApi, type ImportRun } from './importApi';
import { StatusChip } from './ImportListPage';
import { isFinished, isRunning } from './importWords';
import { MappingStep } from './MappingStep';
import { ProgressStep, ResultStep } from './ProgressStep';

const STEPS = ['Columns', 'Dry run', 'Apply'];

const stepOf = (run: ImportRun, editing: boolean) => {
  if (editing || run.status === 'UPLOADED') return 0;
  if (run.status === 'DRY_RUN') return 1;
  return isFinished(run.status) ? 3 : 2;
};

/** Cancels the import, after asking: while it runs everything rolls back; before, the upload is dropped. */
const CancelButton = ({ run }: { run: ImportRun }) => {
  const [open, setOpen] = useState(false);
  const queryClient = useQueryClient();
  const notify = useNotify();
  const cancel = useMutation({
    mutationFn: () => importApi.cancel(run.id),
    onSuccess: (next) => {
      queryClient.setQueryData(['importRun', run.id], next);
      notify('Import cancelled: nothing changed', { type: 'info' });
    },
    onError: (e) => notify(e.message, { type: 'error' }),
    onSettled: () => setOpen(false),
  });
  const running = isRunning(run.status);
  return (
    <>
      <Button color="error" startIcon={<CancelIcon />} onClick={() => setOpen(true)} disabled={cancel.isPending} data-testid="import-cancel">
        Cancel import
      </Button>
      <Confirm
        isOpen={open} loading={cancel.isPending} title="Cancel this import?"
        content={running
          ? 'The rows imported so far are rolled back: nothing in Rollcall changes.'
          : 'The uploaded file and its dry run are dropped: nothing in Rollcall changes.'}
        confirm="Cancel import" cancel="Keep it" confirmColor="warning"
        onConfirm={() => cancel.mutate()} onClose={() => setOpen(false)}
      />
    </>
  );
};

/**
 * One import, by id from the address (so a reload finds it again): the columns, then the dry run,
 * then apply and its progress, then the result. While it is being applied, the page polls the run.
 */
export const ImportRunPage = () => {
  const { id = '' } = useParams();
  const isSmall = useIsSmall();
  const [editing, setEditing] = useState(false);
  const queryClient = useQueryClient();
  const { data: run, isPending, error } = useQuery({
    queryKey: ['importRun', id],
    // While it is being applied, a poll asks only for the progress and counts (not the file's rows again).
    queryFn: async () => {
      const known = queryClient.getQueryData<ImportRun>(['importRun', id]);
      return known && isRunning(known.status) ? { ...known, ...(await importApi.progress(id)) } : importApi.run(id);
    },
    enabled: !!id,
    refetchInterval: (q) => (q.state.data && isRunning(q.state.data.status) ? 1000 : false),
  });
  if (isPending) return <RecordLoading what="import" />;
  if (error || !run) {
    return (
      <Box sx={{ my: 2 }}>
        <Title title="Import" />
        <LoadError what="this import" error={error} />
        <Button component={LinkBase} to="/imports">All imports</Button>
      </Box>
    );
  }
  const step = stepOf(run, editing);
  return (
    <Box sx={{ my: 2, maxWidth: 1100, minWidth: 0 }} data-testid="import-run-page">
      <Title title={`Import: ${run.fileName}`} />
      <Stack direction="row" sx={{ alignItems: 'center', flexWrap: 'wrap', gap: 1, mb: 1 }}>
        <Typography variant="h5" component="h1" sx={{ wordBreak: 'break-word', flex: '1 1 auto' }}>{run.fileName}</Typography>
        <StatusChip run={run} />
      </Stack>
      <Typography variant="body2" color="text.secondary" sx={{ mb: 2 }}>
        {IMPORT_KIND_LABELS[run.kind] ?? run.kind} · uploaded {formatDateTime(run.createdAt)}{run.createdBy ? ` by ${run.createdBy}` : ''}
      </Typography>
      <Stepper activeStep={step} alternativeLabel={!isSmall} sx={{ mb: 3 }}>
        {STEPS.map((label) => <Step key={label}><StepLabel>{label}</StepLabel></Step>)}
      </Stepper>
      {step === 0 ? <MappingStep key={`${run.id}-${run.status}`} run={run} onDone={() => setEditing(false)} /> : null}
      {step === 1 ? <DryRunStep run={run} onChangeMapping={() => setEditing(true)} /> : null}
      {step === 2 ? <ProgressStep run={run} /> : null}
      {step === 3 ? <ResultStep run={run} /> : null}
      <Stack direction="row" sx={{ mt: 2, justifyContent: 'space-between', flexWrap: 'wrap', gap: 1 }}>
        <Button component={LinkBase} to="/imports">All imports</Button>
        {!isFinished(run.status) ? <CancelButton run={run} /> : null}
      </Stack>
    </Box>
  );
};
