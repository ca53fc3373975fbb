import DownloadIcon from '@mui/icons-material/Download';
import EditIcon from '@mui/icons-material/Edit';
import {
  Alert, Box, Button, Card, CardContent, Checkbox, Chip, FormControlLabel, LinearProgress, List, ListItem, Pagination, Stack, Tab, Tabs,
  Typography,
} from '@mui/material';
import { IMPORT_FIELDS, ImportKind } from '@rollcall/domain';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useGetMany, useNotify } from 'react-admin';
import { count } from '../common/words';
import { downloadProblems, type ImportOutcome, importApi, type ImportRow, type ImportRun } from './importApi';
import { outcomeLabel, OUTCOME_ORDER, outcomeCount, rowName, rowValues } from './importWords';

const PER_PAGE = 25;

const fieldLabel = (kind: ImportKind, key: string) => IMPORT_FIELDS[kind]?.find((f) => f.key === key)?.label ?? (key === 'row' ? 'Row' : key);

/** A row to review: the people it may be, and the choice (one of them, a new person, or leave it out). */
const ReviewChoices = ({ run, row }: { run: ImportRun; row: ImportRow }) => {
  const queryClient = useQueryClient();
  const notify = useNotify();
  const { data: people } = useGetMany('Contacts', { ids: row.candidates }, { enabled: row.candidates.length > 0 });
  const resolve = useMutation({
    mutationFn: (choice: { contactId: string | null; skip: boolean }) => importApi.resolveRow({ importId: run.id, rowNo: row.rowNo, ...choice }),
    onSuccess: (next) => {
      queryClient.setQueryData(['importRun', run.id], next);
      void queryClient.invalidateQueries({ queryKey: ['importRows', run.id] });
      notify(`Row ${row.rowNo} decided`, { type: 'info' });
    },
    onError: (e) => notify(e.message, { type: 'error' }),
  });
  return (
    <Stack direction="row" sx={{ flexWrap: 'wrap', gap: 1, mt: 1 }}>
      {row.candidates.map((id) => {
        const person = people?.find((p) => p.id === id);
        const name = person ? `${person.preferredName || person.firstName} ${person.lastName}` : 'this person';
        return (
          <Button key={id} size="small" variant="outlined" disabled={resolve.isPending} onClick={() => resolve.mutate({ contactId: id, skip: false })}>
            Same as {name}
          </Button>
        );
      })}
      {run.kind !== ImportKind.PARTICIPATION ? (
        <Button size="small" variant="outlined" disabled={resolve.isPending} onClick={() => resolve.mutate({ contactId: null, skip: false })}>
          A new person
        </Button>
      ) : null}
      <Button size="small" disabled={resolve.isPending} onClick={() => resolve.mutate({ contactId: null, skip: true })}>Leave out</Button>
    </Stack>
  );
};

const RowItem = ({ run, row }: { run: ImportRun; row: ImportRow }) => {
  const values = rowValues(row.values);
  const reasons = row.problems.length ? row.problems.map((p) => `${fieldLabel(run.kind, p.field)}: ${p.reason}`) : row.reason ? [row.reason] : [];
  return (
    <ListItem divider sx={{ display: 'block', px: 0 }} data-testid="import-row">
      <Typography variant="body2" sx={{ wordBreak: 'break-word' }}>
        <Box component="span" sx={{ color: 'text.secondary', mr: 1 }}>Row {row.rowNo}</Box>
        <Box component="span" sx={{ fontWeight: 500 }}>{rowName(values, row.cells)}</Box>
      </Typography>
      {reasons.map((r) => (
        <Typography key={r} variant="body2" color={row.outcome === 'REFUSED' ? 'error' : 'text.secondary'} sx={{ wordBreak: 'break-word' }}>{r}</Typography>
      ))}
      {row.outcome === 'REVIEW' && run.status === 'DRY_RUN' ? <ReviewChoices run={run} row={row} /> : null}
    </ListItem>
  );
};

/** The rows of one outcome, a page at a time, each with its reason. */
export const OutcomeRows = ({ run, outcome }: { run: ImportRun; outcome: ImportOutcome }) => {
  const [page, setPage] = useState(1);
  const total = outcomeCount(run, outcome);
  const { data, isPending, error } = useQuery({
    queryKey: ['importRows', run.id, outcome, page],
    queryFn: () => importApi.rows(run.id, outcome, page - 1, PER_PAGE),
    placeholderData: keepPreviousData,
    enabled: total > 0,
  });
  if (!total) return <Typography variant="body2" color="text.secondary" sx={{ py: 2 }}>No rows.</Typography>;
  if (error) return <Alert severity="error">Could not load the rows: {error.message}</Alert>;
  if (isPending) return <LinearProgress aria-label="Loading the rows" sx={{ my: 2 }} />;
  const pages = Math.ceil(total / PER_PAGE);
  return (
    <>
      <List dense aria-label={outcomeLabel(run.kind, outcome)}>
        {(data ?? []).map((row) => <RowItem key={row.rowNo} run={run} row={row} />)}
      </List>
      {pages > 1 ? <Pagination count={pages} page={page} onChange={(_, p) => setPage(p)} size="small" /> : null}
    </>
  );
};

/** The counts: what the import would do (or, once applied, did). */
export const OutcomeCounts = ({ run }: { run: ImportRun }) => (
  <Stack direction="row" sx={{ flexWrap: 'wrap', gap: 1 }} data-testid="import-counts">
    {OUTCOME_ORDER.map((o) => (
      <Chip
        key={o} label={`${outcomeLabel(run.kind, o)}: ${outcomeCount(run, o).toLocaleString('en-GB')}`} data-testid={`import-count-${o}`}
        color={o === 'REFUSED' && run.refused ? 'error' : o === 'REVIEW' && run.review ? 'warning' : 'default'} variant="outlined"
      />
    ))}
    {run.leavers ? <Chip label={`Marked leavers: ${run.leavers.toLocaleString('en-GB')}`} variant="outlined" /> : null}
  </Stack>
);

/** The rows by outcome, in tabs (problems first), and the problems report. */
export const RowsByOutcome = ({ run }: { run: ImportRun }) => {
  const notify = useNotify();
  const first = OUTCOME_ORDER.find((o) => outcomeCount(run, o) > 0) ?? 'CREATE';
  const [tab, setTab] = useState<ImportOutcome>(first);
  const download = useMutation({
    mutationFn: () => downloadProblems(run),
    onSuccess: (file) => notify(`Downloaded ${file}`, { type: 'info' }),
    onError: (e) => notify(e.message, { type: 'error' }),
  });
  return (
    <Box>
      <Tabs value={tab} onChange={(_, v: ImportOutcome) => setTab(v)} variant="scrollable" scrollButtons="auto" allowScrollButtonsMobile aria-label="Rows by outcome">
        {OUTCOME_ORDER.map((o) => <Tab key={o} value={o} label={`${outcomeLabel(run.kind, o)} (${outcomeCount(run, o).toLocaleString('en-GB')})`} />)}
      </Tabs>
      <OutcomeRows key={tab} run={run} outcome={tab} />
      {run.refused ? (
        <Button sx={{ mt: 1 }} startIcon={<DownloadIcon />} onClick={() => download.mutate()} disabled={download.isPending} data-testid="import-problems">
          Download the problems (CSV)
        </Button>
      ) : null}
    </Box>
  );
};

/**
 * Step 2: the dry run's result: the counts, the rows by outcome with their reasons, the problems
 * report; then apply (all or nothing), optionally marking people absent from a staff list as leavers.
 */
export const DryRunStep = ({ run, onChangeMapping }: { run: ImportRun; onChangeMapping: () => void }) => {
  const queryClient = useQueryClient();
  const [markLeavers, setMarkLeavers] = useState(false);
  const apply = useMutation({
    mutationFn: () => importApi.apply(run.id, markLeavers),
    // The answer is the queued run without its first rows: read it whole again (the page then polls it).
    onSuccess: (next) => {
      queryClient.setQueryData(['importRun', run.id], (old: ImportRun | undefined) => ({ ...(old ?? run), ...next, sampleRows: old?.sampleRows ?? run.sampleRows, headers: old?.headers ?? run.headers, locations: old?.locations ?? run.locations, suggestedMapping: old?.suggestedMapping ?? run.suggestedMapping }));
      void queryClient.invalidateQueries({ queryKey: ['importRun', run.id] });
    },
  });
  return (
    <Stack spacing={2} data-testid="import-dry-run-result">
      <Card variant="outlined">
        <CardContent>
          <Typography variant="h6" component="h2">Dry run</Typography>
          <Typography variant="body2" color="text.secondary" sx={{ mb: 1 }}>
            Nothing has changed yet. Of {count(run.rowsTotal, 'row')}, this is what applying the import would do:
          </Typography>
          <OutcomeCounts run={run} />
          {run.review ? (
            <Alert severity="warning" sx={{ mt: 2 }}>
              {count(run.review, 'row')} may be people already in Rollcall: Rollcall does not guess. Decide each under &ldquo;To review&rdquo;,
              or they are left out.
            </Alert>
          ) : null}
        </CardContent>
      </Card>
      <Card variant="outlined">
        <CardContent>
          <RowsByOutcome run={run} />
        </CardContent>
      </Card>
      <Card variant="outlined">
        <CardContent>
          <Typography variant="h6" component="h2">Apply</Typography>
          <Typography variant="body2" color="text.secondary">
            All or nothing: if anything fails, nothing changes. Refused rows are left out. Importing the same file again changes nothing.
          </Typography>
          {run.kind === ImportKind.STAFF ? (
            <FormControlLabel
              sx={{ mt: 1 }}
              control={<Checkbox checked={markLeavers} onChange={(e) => setMarkLeavers(e.target.checked)} slotProps={{ input: { 'aria-describedby': 'leavers-help' } }} />}
              label="Mark people absent from this list as leavers"
            />
          ) : null}
          {run.kind === ImportKind.STAFF ? (
            <Typography id="leavers-help" variant="caption" color="text.secondary" sx={{ display: 'block' }}>
              Only for a complete staff list of this employer: everyone Rollcall has at this employer who is not in the file gets today as
              their leave date.
            </Typography>
          ) : null}
          {apply.error ? <Alert severity="error" sx={{ mt: 1 }}>{apply.error.message}</Alert> : null}
          <Stack direction={{ xs: 'column-reverse', sm: 'row' }} spacing={1} sx={{ mt: 2, justifyContent: 'flex-end' }}>
            <Button startIcon={<EditIcon />} onClick={onChangeMapping}>Change the columns</Button>
            <Button variant="contained" onClick={() => apply.mutate()} disabled={apply.isPending} data-testid="import-apply">
              Apply the import
            </Button>
          </Stack>
        </CardContent>
      </Card>
    </Stack>
  );
};
