import SwapHorizIcon from '@mui/icons-material/SwapHoriz';
import {
  Alert, Box, Button, Card, CardContent, FormControl, FormControlLabel, FormLabel, Radio, RadioGroup, Skeleton, Stack, Typography,
} from '@mui/material';
import { CONTRACT_TYPE_LABELS, SHIFT_PATTERN_LABELS, STAFF_GROUP_LABELS } from '@rollcall/domain';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Confirm, LinkBase, Title, useNotify, useParams, useRedirect } from 'react-admin';
import { LoadError } from '../common/LoadError';
import { displayName, duplicatesApi, type MergeSide } from './api';

/** The contact fields a merge may take from the merged contact (the API's MergeField), with their labels. */
const FIELDS: [string, string][] = [
  ['firstName', 'First name'], ['lastName', 'Last name'], ['preferredName', 'Preferred name'], ['jobTitle', 'Job title'],
  ['staffGroup', 'Staff group'], ['grade', 'Band'], ['shiftPattern', 'Shift pattern'], ['contractType', 'Contract'],
  ['employeeNumber', 'Employee number'], ['workEmail', 'Work email'], ['workPhone', 'Work phone'],
  ['personalEmail', 'Personal email'], ['personalPhone', 'Personal phone'], ['postalAddressLines', 'Address'], ['postalTown', 'Town'],
  ['postalPostcode', 'Postcode'], ['addressConfirmedOn', 'Address confirmed'], ['consentPersonalEmail', 'Consent to personal email'],
  ['consentPersonalPhone', 'Consent to personal phone'], ['startDate', 'Start date'], ['leaveDate', 'Leave date'], ['leader', 'Organic leader'],
];
const LABELS: Record<string, Record<string, string>> = { staffGroup: STAFF_GROUP_LABELS, shiftPattern: SHIFT_PATTERN_LABELS, contractType: CONTRACT_TYPE_LABELS };

function shown(field: string, v: unknown): string {
  if (v === null || v === undefined || v === '') return '(blank)';
  if (typeof v === 'boolean') return v ? 'Yes' : 'No';
  return LABELS[field]?.[String(v)] ?? String(v);
}

/** "1 conversation", "2 conversations". */
const counted = (n: number, noun: string) => `${n} ${noun}${n === 1 ? '' : 's'}`;

const Counts = ({ side, role }: { side: MergeSide; role: string }) => (
  <Card variant="outlined" sx={{ flex: 1, minWidth: 0 }} data-testid={`merge-side-${role}`}>
    <CardContent>
      <Typography variant="overline" color="text.secondary">{role === 'keep' ? 'Kept' : 'Merged into it'}</Typography>
      <Typography variant="h6" component="p" sx={{ overflowWrap: 'anywhere' }}>{displayName(side.contact)}</Typography>
      <Typography variant="body2" color="text.secondary">
        {[counted(side.conversations, 'conversation'), counted(side.memberships, 'membership'), counted(side.assessments, 'assessment'), counted(side.cases, 'case')].join(' · ')}
      </Typography>
    </CardContent>
  </Card>
);

/**
 * Two contacts side by side: which one is kept (swap), and for each field where they differ, whose
 * value the kept contact takes. Everything recorded about the other moves to the kept contact;
 * merging asks for confirmation, then opens the kept contact.
 */
export const MergePage = () => {
  const params = useParams<{ a: string; b: string }>();
  const [swapped, setSwapped] = useState(false);
  const [keepId, mergeId] = swapped ? [params.b!, params.a!] : [params.a!, params.b!];
  const [fromMerged, setFromMerged] = useState<Set<string>>(new Set());
  const [asking, setAsking] = useState(false);
  const notify = useNotify();
  const redirect = useRedirect();
  const queryClient = useQueryClient();
  const { data, isPending, error } = useQuery({ queryKey: ['mergeSides', params.a, params.b], queryFn: () => duplicatesApi.sides(params.a!, params.b!) });
  const merge = useMutation({
    mutationFn: (names: { kept: string; merged: string }) => duplicatesApi.merge(keepId, mergeId, [...fromMerged]).then((m) => ({ m, names })),
    onSuccess: ({ m, names }) => {
      notify(`Merged: ${names.merged} is now part of ${names.kept}. You can undo this from the duplicates page.`, { type: 'success' });
      void queryClient.invalidateQueries({ queryKey: ['duplicatePairs'] });
      void queryClient.invalidateQueries({ queryKey: ['contactMerges'] });
      redirect('show', 'Contacts', m.keptId);
    },
    onError: (e) => notify(`Could not merge: ${e.message}`, { type: 'error' }),
  });
  if (error) return <LoadError what="the two contacts" error={error} />;
  if (isPending || !data) return <Skeleton variant="rounded" height={300} sx={{ my: 2 }} />;
  const byId = new Map(data.map((s) => [s.contact.id, s]));
  const keep = byId.get(keepId)!;
  const other = byId.get(mergeId)!;
  const differing = FIELDS.filter(([f]) => shown(f, keep.contact[f]) !== shown(f, other.contact[f]));
  const choose = (field: string, fromOther: boolean) => setFromMerged((s) => {
    const next = new Set(s);
    if (fromOther) next.add(field); else next.delete(field);
    return next;
  });
  return (
    <Box sx={{ my: 2, minWidth: 0 }}>
      <Title title="Merge contacts" />
      <Stack direction={{ xs: 'column', sm: 'row' }} spacing={2} sx={{ mb: 2, alignItems: { sm: 'center' } }}>
        <Counts side={keep} role="keep" />
        <Button startIcon={<SwapHorizIcon />} onClick={() => { setSwapped((v) => !v); setFromMerged(new Set()); }} aria-label="Keep the other contact instead">
          Swap
        </Button>
        <Counts side={other} role="merge" />
      </Stack>
      <Typography variant="body2" color="text.secondary" sx={{ mb: 2 }}>
        Every conversation, membership, assessment, case, posting and rep role of {displayName(other.contact)} moves to {displayName(keep.contact)},
        and {displayName(other.contact)} is removed. Where both are members of the same union, the verified membership is kept;
        where both have a current ward, the kept contact's stays current.
      </Typography>
      {differing.length ? (
        <Stack spacing={1.5} sx={{ mb: 2 }}>
          {differing.map(([field, label]) => (
            <Card key={field} variant="outlined">
              <CardContent sx={{ py: 1.5, '&:last-child': { pb: 1.5 } }}>
                <FormControl sx={{ minWidth: 0, width: '100%' }}>
                  <FormLabel id={`merge-${field}`}>{label}</FormLabel>
                  <RadioGroup aria-labelledby={`merge-${field}`} value={fromMerged.has(field) ? 'merge' : 'keep'}
                    onChange={(e) => choose(field, e.target.value === 'merge')} sx={{ flexDirection: { xs: 'column', sm: 'row' } }}>
                    <FormControlLabel value="keep" control={<Radio />} label={shown(field, keep.contact[field])} sx={{ flex: 1, minWidth: 0, overflowWrap: 'anywhere' }} />
                    <FormControlLabel value="merge" control={<Radio />} label={shown(field, other.contact[field])} sx={{ flex: 1, minWidth: 0, overflowWrap: 'anywhere' }} />
                  </RadioGroup>
                </FormControl>
              </CardContent>
            </Card>
          ))}
        </Stack>
      ) : <Alert severity="info" sx={{ mb: 2 }}>Their details are the same: only their records move.</Alert>}
      <Stack direction="row" spacing={2}>
        <Button variant="contained" color="warning" disabled={merge.isPending} onClick={() => setAsking(true)}>Merge…</Button>
        <Button component={LinkBase} to="/duplicates">Back to duplicates</Button>
      </Stack>
      <Confirm
        isOpen={asking}
        title={`Merge ${displayName(other.contact)} into ${displayName(keep.contact)}?`}
        content={`${counted(other.conversations, 'conversation')}, ${counted(other.memberships, 'membership')}, ${counted(other.assessments, 'assessment')} and ${counted(other.cases, 'case')} move to ${displayName(keep.contact)}. You can undo this from the merge history.`}
        confirm="Merge"
        confirmColor="warning"
        onConfirm={() => { setAsking(false); merge.mutate({ kept: displayName(keep.contact), merged: displayName(other.contact) }); }}
        onClose={() => setAsking(false)}
      />
    </Box>
  );
};
