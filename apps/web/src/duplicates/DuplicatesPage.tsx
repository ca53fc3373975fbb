import PeopleAltIcon from '@mui/icons-material/PeopleAlt';
import {
  Box, Button, Card, CardActions, CardContent, Chip, MenuItem, Pagination, Skeleton, Stack, TextField, Typography,
} from '@mui/material';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Confirm, LinkBase, Title, useGetList, useNotify } from 'react-admin';
import { EmptyState } from '../common/EmptyState';
import { LoadError } from '../common/LoadError';
import { type DuplicatePair, type DuplicateReason, type DuplicateSide, duplicatesApi, displayName, REASON_LABELS } from './api';
import { MergeHistory } from './MergeHistory';

const PER_PAGE = 20;

const Side = ({ side }: { side: DuplicateSide }) => (
  <Box sx={{ flex: 1, minWidth: 0, overflowWrap: 'anywhere' }}>
    <Typography variant="subtitle1" component="p">{displayName(side)}</Typography>
    <Typography variant="body2" color="text.secondary">
      {[side.jobTitle, side.wardName, side.siteName].filter(Boolean).join(' · ') || 'No current ward'}
    </Typography>
    <Typography variant="body2" color="text.secondary">{side.employerName}</Typography>
    <Typography variant="body2" color="text.secondary">
      {[side.employeeNumber && `No. ${side.employeeNumber}`, side.workEmail].filter(Boolean).join(' · ')}
    </Typography>
  </Box>
);

const PairCard = ({ pair, onDismiss }: { pair: DuplicatePair; onDismiss: (p: DuplicatePair) => void }) => (
  <Card variant="outlined" data-testid="duplicate-pair" aria-label={`${displayName(pair.a)} and ${displayName(pair.b)}`}>
    <CardContent>
      <Stack direction="row" spacing={1} sx={{ mb: 1, flexWrap: 'wrap', rowGap: 1 }}>
        {pair.reasons.map((r) => <Chip key={r} size="small" color="primary" variant="outlined" label={REASON_LABELS[r]} />)}
        <Chip size="small" label={`Score ${Math.round(pair.score * 100)}%`} />
      </Stack>
      <Stack direction={{ xs: 'column', sm: 'row' }} spacing={2}>
        <Side side={pair.a} />
        <Side side={pair.b} />
      </Stack>
    </CardContent>
    <CardActions sx={{ flexWrap: 'wrap' }}>
      <Button component={LinkBase} to={`/duplicates/merge/${pair.a.id}/${pair.b.id}`} variant="contained" size="small">Compare and merge</Button>
      <Button size="small" onClick={() => onDismiss(pair)}>Not the same person</Button>
    </CardActions>
  </Card>
);

/**
 * Likely duplicate contacts (same employee number, same email, similar names on one ward), best
 * first, with filters; each pair opens the side-by-side merge or is dismissed as "not the same
 * person". The merge history below offers Undo.
 */
export const DuplicatesPage = () => {
  const notify = useNotify();
  const queryClient = useQueryClient();
  const [page, setPage] = useState(0);
  const [reason, setReason] = useState('');
  const [siteId, setSiteId] = useState('');
  const [dismissing, setDismissing] = useState<DuplicatePair | null>(null);
  const { data: sites } = useGetList('Sites', { pagination: { page: 1, perPage: 500 }, sort: { field: 'name', order: 'ASC' } });
  const filter: Record<string, string> = { ...(reason ? { reason } : {}), ...(siteId ? { siteId } : {}) };
  const { data, isPending, error } = useQuery({
    queryKey: ['duplicatePairs', page, reason, siteId],
    queryFn: () => duplicatesApi.pairs({ page, perPage: PER_PAGE, filter }),
  });
  const dismiss = useMutation({
    mutationFn: (p: DuplicatePair) => duplicatesApi.dismiss(p.a.id, p.b.id),
    onSuccess: () => { notify('Marked as two different people: the pair will not be shown again', { type: 'info' }); void queryClient.invalidateQueries({ queryKey: ['duplicatePairs'] }); },
    onError: (e) => notify(`Could not dismiss the pair: ${e.message}`, { type: 'error' }),
  });
  const total = data?._allDuplicateContactsMeta.count ?? 0;
  const pairs = data?.allDuplicateContacts ?? [];
  return (
    <Box sx={{ my: 2, minWidth: 0 }}>
      <Title title="Duplicates" />
      <Typography variant="body2" color="text.secondary" sx={{ mb: 2 }}>
        Contacts that may be one person: the same employee number, the same work or personal email, or very similar names on the same ward.
        Merging keeps every conversation, membership, assessment and case of both, and can be undone.
      </Typography>
      <Stack direction={{ xs: 'column', sm: 'row' }} spacing={2} sx={{ mb: 2 }}>
        <TextField select size="small" label="Reason" value={reason} onChange={(e) => { setReason(e.target.value); setPage(0); }} sx={{ minWidth: 220 }}>
          <MenuItem value="">Any reason</MenuItem>
          {(Object.keys(REASON_LABELS) as DuplicateReason[]).map((r) => <MenuItem key={r} value={r}>{REASON_LABELS[r]}</MenuItem>)}
        </TextField>
        <TextField select size="small" label="Site" value={siteId} onChange={(e) => { setSiteId(e.target.value); setPage(0); }} sx={{ minWidth: 220 }}>
          <MenuItem value="">Every site</MenuItem>
          {(sites ?? []).map((s) => <MenuItem key={s.id} value={s.id}>{s.name}</MenuItem>)}
        </TextField>
      </Stack>
      {error ? <LoadError what="the likely duplicates" error={error} /> : null}
      {isPending ? <Stack spacing={2}>{[0, 1, 2].map((i) => <Skeleton key={i} variant="rounded" height={140} />)}</Stack> : null}
      {!isPending && !error && !pairs.length ? (
        <EmptyState icon={<PeopleAltIcon />} title="No likely duplicates" canCreate={false}
          explanation={reason || siteId ? 'None match these filters.' : 'Nobody you can see looks like anyone else here. Pairs you marked as different people are not shown again.'} />
      ) : null}
      <Stack spacing={2}>
        {pairs.map((p) => <PairCard key={p.id} pair={p} onDismiss={setDismissing} />)}
      </Stack>
      {total > PER_PAGE ? (
        <Pagination sx={{ mt: 2 }} count={Math.ceil(total / PER_PAGE)} page={page + 1} onChange={(_e, p) => setPage(p - 1)} />
      ) : null}
      {total ? <Typography variant="body2" color="text.secondary" sx={{ mt: 1 }}>{total} likely pair{total === 1 ? '' : 's'}</Typography> : null}
      <MergeHistory />
      <Confirm
        isOpen={!!dismissing}
        title="Not the same person?"
        content={dismissing ? `${displayName(dismissing.a)} and ${displayName(dismissing.b)} will not be shown as a likely duplicate again.` : ''}
        confirm="Not the same person"
        onConfirm={() => { if (dismissing) dismiss.mutate(dismissing); setDismissing(null); }}
        onClose={() => setDismissing(null)}
      />
    </Box>
  );
};
