import { Alert, Box, Table, TableBody, TableCell, TableHead, TableRow, Typography } from '@mui/material';
import { useQuery } from '@tanstack/react-query';
import { useDataProvider } from 'react-admin';
import { LoadError } from '../common/LoadError';
import { LoadingRows } from '../common/Loading';
import type { CampaignsDataProvider } from '../dataProvider';
import { percent, type StructureTestResult, type StructureTestWard } from './campaignTypes';

/** A cell's colour: green at or over the threshold, amber within ten points under it, red below. */
function heat(w: StructureTestWard, threshold: number): string {
  if (w.suppressed || w.shareOfHeadcount === null) return 'action.hover';
  const p = w.shareOfHeadcount * 100;
  if (p >= threshold) return 'success.light';
  if (p >= threshold - 10) return 'warning.light';
  return 'error.light';
}

/**
 * A structure test, ward by ward: a heat map (each ward a tile coloured by its share of headcount
 * against the branch's threshold), and the same figures as a table for screen readers, strongest first.
 */
export const StructureTestPanel = ({ actionId }: { actionId: string }) => {
  const dataProvider = useDataProvider<CampaignsDataProvider>();
  const { data, error, isPending } = useQuery<StructureTestResult>({
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
        {t.wardsMeeting} of {t.wards.length} wards reach the branch's threshold of {t.thresholdPercent}% of headcount · overall {percent(t.total.shareOfHeadcount)}
      </Typography>
      {t.wards.length === 0 ? (
        <Alert severity="info">Nobody in the campaign's target group is posted on a ward yet.</Alert>
      ) : (
        <>
          <Box aria-hidden sx={{ display: 'grid', gridTemplateColumns: 'repeat(auto-fill, minmax(140px, 1fr))', gap: 1, mb: 2 }} data-testid="heat-map">
            {t.wards.map((w) => (
              <Box key={w.id} sx={{ bgcolor: heat(w, t.thresholdPercent), p: 1, borderRadius: 1, minHeight: 64 }}>
                <Typography variant="body2" sx={{ fontWeight: 600 }}>{w.ward?.name ?? 'A ward'}</Typography>
                <Typography variant="h6" component="p">{w.suppressed ? 'withheld' : percent(w.shareOfHeadcount)}</Typography>
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
