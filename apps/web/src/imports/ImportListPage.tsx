import UploadFileIcon from '@mui/icons-material/UploadFile';
import {
  Box, Button, Card, Chip, Link, Pagination, Stack, Table, TableBody, TableCell, TableHead, TableRow, Typography,
} from '@mui/material';
import { IMPORT_KIND_LABELS } from '@rollcall/domain';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { LinkBase, Title } from 'react-admin';
import { formatDateTime } from '../common/dates';
import { LoadError } from '../common/LoadError';
import { LoadingRows } from '../common/Loading';
import { useIsSmall } from '../common/useIsSmall';
import { count } from '../common/words';
import { importApi, type ImportRun } from './importApi';
import { isRunning, STATUS_COLOURS, STATUS_LABELS } from './importWords';

const PER_PAGE = 25;

/** "12 new, 3 updated, 40 unchanged, 2 refused": what an import did (or would do). */
export function countsText(run: ImportRun): string {
  if (run.status === 'UPLOADED') return count(run.rowsTotal, 'row');
  const parts = [
    run.created && `${run.created.toLocaleString('en-GB')} new`,
    run.updated && `${run.updated.toLocaleString('en-GB')} updated`,
    run.unchanged && `${run.unchanged.toLocaleString('en-GB')} unchanged`,
    run.review && `${run.review.toLocaleString('en-GB')} to review`,
    run.refused && `${run.refused.toLocaleString('en-GB')} refused`,
    run.leavers && `${run.leavers.toLocaleString('en-GB')} marked leavers`,
  ].filter(Boolean);
  return parts.length ? parts.join(', ') : count(run.rowsTotal, 'row');
}

export const StatusChip = ({ run }: { run: Pick<ImportRun, 'status'> }) => (
  <Chip size="small" label={STATUS_LABELS[run.status]} color={STATUS_COLOURS[run.status]} variant="outlined" data-testid="import-status" />
);

const runPath = (run: ImportRun) => `/imports/${run.id}`;

const RunsTable = ({ runs }: { runs: ImportRun[] }) => (
  <Card variant="outlined">
    <Table size="small" aria-label="Imports">
      <TableHead>
        <TableRow>
          <TableCell>When</TableCell>
          <TableCell>File</TableCell>
          <TableCell>Kind</TableCell>
          <TableCell>By</TableCell>
          <TableCell>Rows</TableCell>
          <TableCell>Status</TableCell>
        </TableRow>
      </TableHead>
      <TableBody>
        {runs.map((run) => (
          <TableRow key={run.id} data-testid="import-run" hover>
            <TableCell sx={{ whiteSpace: 'nowrap' }}>{formatDateTime(run.createdAt)}</TableCell>
            <TableCell sx={{ wordBreak: 'break-word' }}>
              <Link component={LinkBase} to={runPath(run)}>{run.fileName}</Link>
            </TableCell>
            <TableCell>{IMPORT_KIND_LABELS[run.kind] ?? run.kind}</TableCell>
            <TableCell>{run.createdBy ?? '—'}</TableCell>
            <TableCell>{countsText(run)}</TableCell>
            <TableCell><StatusChip run={run} /></TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  </Card>
);

/** On a phone: one card per import, nothing wider than the screen. */
const RunCards = ({ runs }: { runs: ImportRun[] }) => (
  <Stack spacing={1}>
    {runs.map((run) => (
      <Card key={run.id} variant="outlined" data-testid="import-run" sx={{ p: 1.5 }}>
        <Link component={LinkBase} to={runPath(run)} sx={{ wordBreak: 'break-word', fontWeight: 500 }}>{run.fileName}</Link>
        <Typography variant="body2" color="text.secondary">
          {IMPORT_KIND_LABELS[run.kind] ?? run.kind} · {formatDateTime(run.createdAt)}{run.createdBy ? ` · ${run.createdBy}` : ''}
        </Typography>
        <Typography variant="body2" sx={{ my: 0.5 }}>{countsText(run)}</Typography>
        <StatusChip run={run} />
      </Card>
    ))}
  </Stack>
);

/** The import history: who imported which file when, what it did, and where each import stands. */
export const ImportListPage = () => {
  const isSmall = useIsSmall();
  const [page, setPage] = useState(1);
  const { data, isPending, error } = useQuery({
    queryKey: ['imports', page],
    queryFn: () => importApi.list(page - 1, PER_PAGE),
    placeholderData: keepPreviousData,
    // While one is being applied, the list follows it.
    refetchInterval: (q) => (q.state.data?.items.some((r) => isRunning(r.status)) ? 3000 : false),
  });
  const runs = data?.items ?? [];
  const pages = Math.ceil((data?.total ?? 0) / PER_PAGE);
  return (
    <Box sx={{ my: 2, maxWidth: '100%' }} data-testid="import-list">
      <Title title="Imports" />
      <Stack direction="row" sx={{ mb: 2, alignItems: 'center', justifyContent: 'space-between', flexWrap: 'wrap', gap: 1 }}>
        <Typography variant="body2" color="text.secondary" sx={{ flex: '1 1 16rem' }}>
          Staff lists from the employer and the union&apos;s membership lists: check the columns, see a dry run, then apply.
        </Typography>
        <Button component={LinkBase} to="/imports/new" variant="contained" startIcon={<UploadFileIcon />}>New import</Button>
      </Stack>
      {error ? <LoadError what="the imports" error={error} /> : null}
      {isPending ? <LoadingRows what="imports" /> : null}
      {!isPending && !error && runs.length === 0 ? (
        <Box role="status" sx={{ textAlign: 'center', mt: 6, color: 'text.secondary' }}>
          <UploadFileIcon sx={{ fontSize: 64, opacity: 0.5 }} />
          <Typography variant="h6" component="p">No imports yet</Typography>
          <Typography variant="body2">Upload a staff list or a membership list to bring people in.</Typography>
        </Box>
      ) : null}
      {runs.length > 0 ? (isSmall ? <RunCards runs={runs} /> : <RunsTable runs={runs} />) : null}
      {pages > 1 ? (
        <Pagination sx={{ mt: 2 }} count={pages} page={page} onChange={(_, p) => setPage(p)} size={isSmall ? 'small' : 'medium'} />
      ) : null}
    </Box>
  );
};
