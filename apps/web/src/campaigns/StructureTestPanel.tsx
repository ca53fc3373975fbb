import { Alert, Box, Button, Stack, Table, TableBody, TableCell, TableHead, TableRow, Typography } from '@mui/material';
import { useQuery } from '@tanstack/react-query';
import { TextField } from '@mui/material';
import { useState } from 'react';
import { useNotify } from 'react-admin';
import { Permission, useCan } from '../permissions';
import { useDataProvider } from 'react-admin';
import { LoadError } from '../common/LoadError';
import { LoadingRows } from '../common/Loading';
import type { CampaignsDataProvider } from '../dataProvider';
import { percent, type StructureTestResult, type StructureTestWard } from './campaignTypes';

/** A cell's colour: green at or over the threshold, amber within ten points under it, red below. */
function heat(w: StructureTestWard, threshold: number): string {
  if (w.suppressed) return 'action.hover';
  // an aggregate-only viewer gets whether the threshold is met, not the share
  if (w.shareOfHeadcount === null) return w.meetsThreshold ? 'success.light' : 'action.hover';
  const p = w.shareOfHeadcount * 100;
  if (p >= threshold) return 'success.light';
  if (p >= threshold - 10) return 'warning.light';
  return 'error.light';
}

/**
 * A structure test, ward by ward: a heat map (each ward a tile coloured by its share of headcount
 * against the branch's threshold), and the same figures as a table for screen readers, strongest first.
 */
/** The branch's threshold, set by its secretary or an admin (1 to 100 percent). */
const ThresholdSetter = ({ branchId, current, onSet }: { branchId: string; current: number; onSet: () => void }) => {
  const dataProvider = useDataProvider<CampaignsDataProvider>();
  const notify = useNotify();
  const [value, setValue] = useState(String(current));
  const percentValue = Number(value);
  const valid = Number.isInteger(percentValue) && percentValue >= 1 && percentValue <= 100;
  const save = async () => {
    try {
      await dataProvider.setStructureTestThreshold(branchId, percentValue);
      notify(`The branch's threshold is now ${percentValue}%`, { type: 'success' });
      onSet();
    } catch (e) {
      notify(e instanceof Error ? e.message : 'Could not set the threshold', { type: 'error' });
    }
  };
  return (
    <Stack direction="row" spacing={1} sx={{ alignItems: 'center', mb: 1 }}>
      <TextField label="Branch threshold (%)" size="small" value={value} onChange={(e) => setValue(e.target.value)} error={!valid}
        helperText={valid ? undefined : 'A whole number from 1 to 100'} slotProps={{ htmlInput: { inputMode: 'numeric' } }} sx={{ width: 170 }} />
      <Button onClick={save} disabled={!valid || percentValue === current} size="small">Set threshold</Button>
    </Stack>
  );
};

export const StructureTestPanel = ({ actionId, branchId }: { actionId: string; branchId?: string | null }) => {
  const dataProvider = useDataProvider<CampaignsDataProvider>();
  const manages = useCan(Permission.CAMPAIGNS_MANAGE);
  const { data, error, isPending, refetch } = useQuery<StructureTestResult>({
    queryKey: ['structureTest', actionId],
    queryFn: () => dataProvider.structureTest(actionId),
  });
  if (isPending) return <LoadingRows what="the structure test" />;
  if (error) return <LoadError what="the structure test" error={error} />;
  const t = data;
  return (
    <Box sx={{ my: 2 }}>
      <Typography variant="h6" component="h2">Structure test by ward</Typography>
      <Typography variant="body2" color="text.secondary" sx={{ mb: 1 }}>
        {t.wardsMeeting} of {t.wards.length} wards reach the branch's threshold of {t.thresholdPercent}% of headcount
        {t.total.shareOfHeadcount === null ? '' : ` · overall ${percent(t.total.shareOfHeadcount)}`}
      </Typography>
      {manages && branchId ? <ThresholdSetter key={t.thresholdPercent} branchId={branchId} current={t.thresholdPercent} onSet={() => void refetch()} /> : null}
      {t.wards.length === 0 ? (
        <Alert severity="info">Nobody in the campaign's target group is posted on a ward yet.</Alert>
      ) : (
        <>
          <Box aria-hidden sx={{ display: 'grid', gridTemplateColumns: 'repeat(auto-fill, minmax(140px, 1fr))', gap: 1, mb: 2 }} data-testid="heat-map">
            {t.wards.map((w) => (
              <Box key={w.id} sx={{ bgcolor: heat(w, t.thresholdPercent), p: 1, borderRadius: 1, minHeight: 64 }}>
                <Typography variant="body2" sx={{ fontWeight: 600 }}>{w.ward?.name ?? 'A ward'}</Typography>
                <Typography variant="h6" component="p">{w.suppressed ? 'withheld' : w.shareOfHeadcount === null ? `${w.participants ?? 0} took part` : percent(w.shareOfHeadcount)}</Typography>
              </Box>
            ))}
          </Box>
          {/* width 0 and min-width 100%: the table scrolls inside the page instead of widening it */}
          <Box tabIndex={0} role="region" aria-label="Structure test figures" sx={{ overflowX: 'auto', width: 0, minWidth: '100%' }}>
          <Table size="small" aria-label="Structure test by ward">
            <TableHead>
              <TableRow>
                <TableCell>Ward</TableCell>
                <TableCell align="right">Took part</TableCell>
                <TableCell align="right">Headcount</TableCell>
                <TableCell align="right">Share</TableCell>
                <TableCell align="right">Of members</TableCell>
                <TableCell>Threshold</TableCell>
              </TableRow>
            </TableHead>
            <TableBody>
              {t.wards.map((w) => (
                <TableRow key={w.id}>
                  <TableCell>{w.ward?.name ?? 'A ward'}</TableCell>
                  <TableCell align="right">{w.participants ?? '—'}</TableCell>
                  <TableCell align="right">{w.headcount ?? '—'}</TableCell>
                  <TableCell align="right">{w.suppressed ? 'withheld' : percent(w.shareOfHeadcount)}</TableCell>
                  <TableCell align="right">{percent(w.shareOfMembers)}</TableCell>
                  <TableCell>{w.suppressed ? '' : w.meetsThreshold ? 'Reached' : 'Below'}</TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
          </Box>
        </>
      )}
    </Box>
  );
};
