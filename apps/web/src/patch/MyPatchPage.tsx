import MapIcon from '@mui/icons-material/Map';
import { Box, Grid, Skeleton, Stack, Typography } from '@mui/material';
import { useState } from 'react';
import { Title, useGetList } from 'react-admin';
import { EmptyState } from '../common/EmptyState';
import { FilterChip } from '../common/FilterChip';
import { LoadError } from '../common/LoadError';
import { patchName } from './patchName';
import { count } from '../common/words';
import { PatchWardCard } from './PatchWardCard';
import type { PatchWard } from './patchTypes';

/** Totals over the wards shown: the patch in one line. */
const Totals = ({ rows }: { rows: PatchWard[] }) => {
  const sum = (f: (r: PatchWard) => number) => rows.reduce((n, r) => n + f(r), 0);
  const staff = sum((r) => r.headcount);
  const spoken = sum((r) => r.spokenTo);
  const overdue = sum((r) => r.overdueFollowUps);
  return (
    <Typography variant="body2" color="text.secondary" sx={{ mb: 2 }} data-testid="patch-totals">
      {rows.length} ward{rows.length === 1 ? '' : 's'} · {staff} staff · spoken to {spoken} ({staff ? Math.round((100 * spoken) / staff) : 0}%) ·{' '}
      {sum((r) => r.supportive)} supportive · {count(sum((r) => r.leaders), 'leader')}
      {overdue > 0 ? ` · ${overdue} follow-up${overdue === 1 ? '' : 's'} overdue` : ''}
    </Typography>
  );
};

/**
 * My patch: the wards a rep covers (for a secretary, admin or caseworker "Branch wards", their whole
 * branch) with who is a member, who has been assessed and spoken to, the leaders, and follow-ups
 * due. A tap opens a ward's people.
 */
export const MyPatchPage = () => {
  const { data, isPending, error } = useGetList<PatchWard>('PatchWards'); // the view comes whole (no paging)
  const name = patchName();
  const [siteId, setSiteId] = useState<string | null>(null);
  const sites = [...new Map((data ?? []).map((r) => [r.ward.siteId, r.ward.site?.name ?? 'Site'])).entries()].sort((a, b) =>
    a[1].localeCompare(b[1]),
  );
  const rows = (data ?? []).filter((r) => !siteId || r.ward.siteId === siteId);
  return (
    <Box sx={{ my: 2 }}>
      <Title title={name.title} />
      <Typography variant="h5" component="h1" sx={{ mb: 0.5 }}>
        {name.title}
      </Typography>
      {isPending ? (
        <Grid container spacing={2} sx={{ mt: 1 }} aria-label={`Loading ${name.what}`}>
          {[0, 1, 2].map((i) => (
            <Grid key={i} size={{ xs: 12, sm: 6, lg: 4 }}>
              <Skeleton variant="rounded" height={180} />
            </Grid>
          ))}
        </Grid>
      ) : error ? (
        <LoadError what={name.what} error={error} />
      ) : rows.length === 0 && !siteId ? (
        <EmptyState icon={<MapIcon />} canCreate={false} {...name.empty} />
      ) : (
        <>
          <Totals rows={rows} />
          {sites.length > 1 && (
            <Stack direction="row" useFlexGap role="group" aria-label="Site" sx={{ flexWrap: 'wrap', gap: 1, mb: 2 }}>
              {[[null, 'All sites'] as const, ...sites].map(([id, name]) => (
                <FilterChip key={id ?? 'all'} label={name} selected={siteId === id} onClick={() => setSiteId(id)} />
              ))}
            </Stack>
          )}
          <Grid container spacing={2} component="section" aria-label={name.wards}>
            {rows.map((row) => (
              <Grid key={row.id} size={{ xs: 12, sm: 6, lg: 4 }}>
                <PatchWardCard row={row} />
              </Grid>
            ))}
          </Grid>
        </>
      )}
    </Box>
  );
};
