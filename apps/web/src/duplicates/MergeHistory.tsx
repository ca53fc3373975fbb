import { Button, Card, CardContent, Chip, Stack, Typography } from '@mui/material';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Confirm, useNotify } from 'react-admin';
import { formatDateTime } from '../common/dates';
import { type ContactMerge, duplicatesApi } from './api';

/** What a merge moved, in words: "3 conversations, 1 membership". */
function movedText(m: ContactMerge): string {
  const n = Object.values(m.moved).reduce((a, b) => a + b, 0);
  const fields = Object.keys(m.fields).length;
  return `${n} record${n === 1 ? '' : 's'} moved${fields ? `, ${fields} field${fields === 1 ? '' : 's'} taken` : ''}${m.absorbed ? `, ${m.absorbed} set aside` : ''}`;
}

/** Recent merges (of one contact, or all the caller may see), each with Undo behind a confirmation. */
export const MergeHistory = ({ contactId }: { contactId?: string }) => {
  const notify = useNotify();
  const queryClient = useQueryClient();
  const [asking, setAsking] = useState<ContactMerge | null>(null);
  const { data } = useQuery({ queryKey: ['contactMerges', contactId ?? null], queryFn: () => duplicatesApi.merges(contactId) });
  const undo = useMutation({
    mutationFn: (id: string) => duplicatesApi.undo(id),
    onSuccess: (m) => {
      notify(`Merge undone: ${m.keptName} and ${m.mergedName} are two contacts again`, { type: 'success' });
      void queryClient.invalidateQueries({ queryKey: ['contactMerges'] });
      void queryClient.invalidateQueries({ queryKey: ['duplicatePairs'] });
    },
    onError: (e) => notify(`Could not undo the merge: ${e.message}`, { type: 'error' }),
  });
  if (!data?.length) return null;
  return (
    <Card variant="outlined" sx={{ mt: 3 }} component="section" aria-label="Merge history">
      <CardContent>
        <Typography variant="h6" component="h2" gutterBottom>Merge history</Typography>
        <Stack spacing={1.5}>
          {data.map((m) => (
            <Stack key={m.id} data-testid="merge-history-row" direction={{ xs: 'column', sm: 'row' }} spacing={1}
              sx={{ alignItems: { sm: 'center' }, justifyContent: 'space-between', minWidth: 0 }}>
              <div style={{ minWidth: 0, overflowWrap: 'anywhere' }}>
                <Typography variant="body1">{m.mergedName} merged into {m.keptName}</Typography>
                <Typography variant="body2" color="text.secondary">
                  {formatDateTime(m.mergedAt)}{m.mergedByEmail ? ` by ${m.mergedByEmail}` : ''} · {movedText(m)}
                </Typography>
              </div>
              {m.undoneAt
                ? <Chip size="small" label={`Undone ${formatDateTime(m.undoneAt)}`} />
                : <Button variant="outlined" size="small" disabled={undo.isPending} onClick={() => setAsking(m)}>Undo</Button>}
            </Stack>
          ))}
        </Stack>
      </CardContent>
      <Confirm
        isOpen={!!asking}
        title="Undo this merge?"
        content={asking ? `${asking.mergedName} comes back as a contact of their own, with every record that was theirs; ${asking.keptName} gets back the details the merge replaced.` : ''}
        confirm="Undo merge"
        confirmColor="warning"
        onConfirm={() => { if (asking) undo.mutate(asking.id); setAsking(null); }}
        onClose={() => setAsking(null)}
      />
    </Card>
  );
};
