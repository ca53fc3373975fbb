import ShieldIcon from '@mui/icons-material/Shield';
import { Box, Card, Link, MenuItem, Skeleton, Stack, Table, TableBody, TableCell, TableHead, TableRow, TextField, Typography } from '@mui/material';
import { REP_TARGET_RATIO } from '@rollcall/domain';
import { useState } from 'react';
import { LinkBase, Title, useCreatePath, useGetList } from 'react-admin';
import { EmptyState } from '../common/EmptyState';
import { LoadError } from '../common/LoadError';
import { useIsSmall } from '../common/useIsSmall';
import { CoverageCard, RepNames, StatusChip, UncoveredShifts, type WardCoverage } from './CoverageRow';
import { perRep } from './coverageStatus';

/** The sites the coverage reaches, by name: what the Site filter offers (no extra request, no site without wards). */
function sitesOf(rows: WardCoverage[]): [string, string][] {
  const sites = new Map(rows.map((r) => [r.ward.siteId, r.ward.site?.name ?? 'Site']));
  return [...sites.entries()].sort((a, b) => a[1].localeCompare(b[1]));
}

const CoverageTable = ({ rows }: { rows: WardCoverage[] }) => {
  const createPath = useCreatePath();
  return (
    <Card variant="outlined">
      <Table size="small" aria-label="Rep coverage by ward">
        <TableHead>
          <TableRow>
            <TableCell>Ward</TableCell>
            <TableCell>Status</TableCell>
            <TableCell>Reps (shift)</TableCell>
            <TableCell align="right">Staff</TableCell>
            <TableCell align="right">Members</TableCell>
            <TableCell align="right">Staff per rep</TableCell>
            <TableCell align="right">Members per rep</TableCell>
            <TableCell>Shifts without a rep</TableCell>
          </TableRow>
        </TableHead>
        <TableBody>
          {rows.map((row) => (
            <TableRow key={row.id} data-testid="coverage-ward">
              <TableCell>
                <Link component={LinkBase} to={createPath({ resource: 'Wards', type: 'show', id: row.ward.id })}>
                  {row.ward.name}
                </Link>
                <Typography variant="body2" color="text.secondary">
                  {row.ward.site?.name}
                </Typography>
              </TableCell>
              <TableCell>
                <StatusChip status={row.status} />
              </TableCell>
              <TableCell>
                <RepNames row={row} />
              </TableCell>
              <TableCell align="right">{row.headcount}</TableCell>
              <TableCell align="right">{row.members}</TableCell>
              <TableCell align="right">{perRep(row.staffPerRep)}</TableCell>
              <TableCell align="right">{perRep(row.membersPerRep)}</TableCell>
              <TableCell>
                <UncoveredShifts shifts={row.shiftsWithoutRep} />
              </TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </Card>
  );
};

/**
 * Rep coverage: per ward, the reps covering it (and their shifts), staff and members per rep
 * against the 1-in-20 target, and the shifts no rep reaches. Worst first, filterable by site.
 */
export const RepCoveragePage = () => {
  const isSmall = useIsSmall();
  const [siteId, setSiteId] = useState('');
  // The view comes whole (no paging): one request, and the sites to filter by are those of its wards.
  const { data, isPending, error } = useGetList<WardCoverage>('RepCoverage');
  const sites = sitesOf(data ?? []);
  const rows = (data ?? []).filter((r) => !siteId || r.ward.siteId === siteId);
  return (
    <Box sx={{ my: 2 }}>
      <Title title="Rep coverage" />
      <Stack direction={{ xs: 'column', sm: 'row' }} spacing={1} sx={{ mb: 2, alignItems: { sm: 'center' }, justifyContent: 'space-between' }}>
        <Box>
          <Typography variant="h5" component="h1">
            Rep coverage
          </Typography>
          <Typography variant="body2" color="text.secondary">
            The target is one rep for every {REP_TARGET_RATIO} staff, on every shift. Worst covered first.
          </Typography>
        </Box>
        <TextField select fullWidth={false} size="small" label="Site" value={siteId} onChange={(e) => setSiteId(e.target.value)} sx={{ minWidth: 220, width: { sm: 280 }, flexShrink: 0 }}>
          <MenuItem value="">All sites</MenuItem>
          {sites.map(([id, name]) => (
            <MenuItem key={id} value={id}>
              {name}
            </MenuItem>
          ))}
        </TextField>
      </Stack>
      {isPending ? (
        <Stack spacing={1} aria-label="Loading rep coverage">
          {[0, 1, 2, 3].map((i) => (
            <Skeleton key={i} variant="rounded" height={isSmall ? 140 : 48} />
          ))}
        </Stack>
      ) : error ? (
        <LoadError what="rep coverage" error={error} />
      ) : rows.length === 0 ? (
        <EmptyState icon={<ShieldIcon />} title="No wards to show" explanation="Wards of your patch or branch appear here with the reps who cover them." canCreate={false} />
      ) : isSmall ? (
        <Stack spacing={1.5} component="section" aria-label="Rep coverage by ward">
          {rows.map((row) => (
            <CoverageCard key={row.id} row={row} />
          ))}
        </Stack>
      ) : (
        <CoverageTable rows={rows} />
      )}
    </Box>
  );
};
