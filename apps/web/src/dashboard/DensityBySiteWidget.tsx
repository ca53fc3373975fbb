import { Box, Skeleton, Table, TableBody, TableCell, TableHead, TableRow, Typography } from '@mui/material';
import { lazy, Suspense } from 'react';
import { useGetList } from 'react-admin';
import { useIsSmall } from '../common/useIsSmall';
import { byDensity, type DensityTotal, percent, type SiteDensityRow } from './densityRows';
import { Widget, WidgetTotal } from './Widget';

/** The chart library loads with the chart, not with every page. */
const DensityChart = lazy(() => import('./DensityChart').then((m) => ({ default: m.DensityChart })));

const count = (n: number | null) => (n === null ? 'withheld' : n.toLocaleString('en-GB'));

/** The whole branch in one line: "41% · 1,020 members of 2,480 staff". */
const Overall = ({ total }: { total?: DensityTotal }) =>
  !total ? null : total.suppressed ? (
    <>Figures for the whole branch are withheld: too few people to publish.</>
  ) : (
    <>
      <WidgetTotal testId="density-total">
        {percent(total.density)}
      </WidgetTotal>{' '}
      across the branch · {count(total.members)} members of {count(total.headcount)} staff
    </>
  );

const DensityTable = ({ rows }: { rows: SiteDensityRow[] }) => (
  <Table size="small" aria-label="Membership density by site" sx={{ '& td, & th': { px: 1 } }}>
    <TableHead>
      <TableRow>
        <TableCell>Site</TableCell>
        <TableCell align="right">Members</TableCell>
        <TableCell align="right">Staff</TableCell>
        <TableCell align="right">Density</TableCell>
      </TableRow>
    </TableHead>
    <TableBody>
      {rows.map((r) => (
        <TableRow key={r.id} data-testid="density-row">
          <TableCell component="th" scope="row">
            {r.site.name}
          </TableCell>
          <TableCell align="right">{count(r.members)}</TableCell>
          <TableCell align="right">{count(r.headcount)}</TableCell>
          <TableCell align="right">{r.suppressed ? 'withheld' : r.headcount === 0 ? 'no staff' : percent(r.density)}</TableCell>
        </TableRow>
      ))}
    </TableBody>
  </Table>
);

/**
 * Membership density (members ÷ current staff) on every site of the branch: a bar chart, lowest
 * first, and the same figures as a table beside it. Small groups are withheld from coalition partners.
 */
export const DensityBySiteWidget = () => {
  const isSmall = useIsSmall();
  const { data, meta, isPending, error } = useGetList<SiteDensityRow>('DensityBySite');
  const rows = byDensity(data ?? []);
  const withheld = rows.some((r) => r.suppressed);
  // Bars for the sites with a density to show (not those withheld, nor those with nobody counted).
  const charted = rows.some((r) => r.density !== null);
  const minCell = (meta?.minCell as number | undefined) ?? 5;
  return (
    <Widget
      title="Membership density by site"
      subtitle={rows.length ? <Overall total={meta?.total as DensityTotal | undefined} /> : 'Members ÷ current staff, on each site of your branch'}
      isPending={isPending}
      error={error}
      isEmpty={rows.length === 0}
      empty="No sites on your branch's map yet."
      what="density by site"
      testId="widget-density"
      more={{ to: '/Sites', label: 'All sites' }}
      skeletonLines={5}
    >
      <Box sx={{ display: 'grid', gridTemplateColumns: { xs: '1fr', md: charted ? 'minmax(0, 3fr) minmax(0, 2fr)' : '1fr' }, gap: 2, alignItems: 'start' }}>
        {charted && (
          <Suspense fallback={<Skeleton variant="rounded" height={rows.length * 46 + 40} aria-label="Loading the chart" />}>
            <DensityChart rows={rows} small={isSmall} />
          </Suspense>
        )}
        <Box>
          <DensityTable rows={rows} />
          {withheld && (
            <Typography variant="caption" color="text.secondary" component="p" sx={{ mt: 1 }}>
              Withheld: figures with fewer than {minCell} members or {minCell} non-members could identify people, and others
              are withheld with them so that they cannot be worked out from the total.
            </Typography>
          )}
        </Box>
      </Box>
    </Widget>
  );
};
