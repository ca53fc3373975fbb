import InsightsIcon from '@mui/icons-material/Insights';
import { Alert, Box, Button, Link, List, ListItem, MenuItem, Stack, TextField, ToggleButton, ToggleButtonGroup, Typography } from '@mui/material';
import { addDays, ukToday } from '@rollcall/domain';
import { useMutation, useQuery } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { Link as RouterLink, Title, useDataProvider, useLocation, useNavigate, useNotify } from 'react-admin';
import { formatDateTime, formatDay } from '../common/dates';
import { useIsSmall } from '../common/useIsSmall';
import { Widget } from '../dashboard/Widget';
import type { DensityDataProvider } from '../dataProvider';
import { Permission, useCan } from '../permissions';
import { wallChartPath } from '../wallchart/wallChartTypes';
import { Caption, DensityBars, FiguresTable, HeatMap, TableView, TrendLine } from './DensityCharts';
import { daysBetween, type DensitySlice, figure, keyOf, percent, SHIFT_ORDER, type SliceRow, withheldText } from './sliceTypes';

/** More bars than this make the page a long scroll: the chart shows the lowest, the table all of them. */
const MOST_BARS = 12;
const GAPS = 5;

const idOf = (r: SliceRow) => r.keys.map((k) => k.value ?? '').join('|');
const nameOf = (r: SliceRow) => r.keys.map((k) => k.label).join(' · ');
/** Lowest density first; withheld and empty ones last. */
const byDensity = (rows: SliceRow[]) => [...rows].sort((a, b) => (a.density ?? 2) - (b.density ?? 2) || nameOf(a).localeCompare(nameOf(b)));

function useSlice(by: string[], filter: Record<string, string[]>, enabled = true) {
  const dataProvider = useDataProvider<DensityDataProvider>();
  return useQuery<DensitySlice>({
    queryKey: ['densitySlice', by, filter],
    queryFn: () => dataProvider.densitySlice(by as never, filter),
    enabled,
  });
}

const AsOf = ({ asOf }: { asOf: string | null | undefined }) =>
  asOf ? <Typography variant="body2" color="text.secondary" data-testid="density-as-of">Figures as of {formatDateTime(asOf)}</Typography> : null;

const WithheldNote = ({ slice }: { slice?: DensitySlice }) =>
  slice?.aggregateOnly && [...slice.rows, slice.total].some((r) => r.suppressed) ? (
    <Caption>
      Withheld: groups with fewer than {slice.minCell} members or {slice.minCell} non-members could identify people, and some others
      are withheld with them so that they cannot be worked out from the totals.
    </Caption>
  ) : null;

const figuresRows = (rows: SliceRow[], minCell: number) => rows.map((r) => ({
  id: idOf(r), name: nameOf(r), headcount: r.headcount, members: r.members, density: r.density,
  withheld: r.suppressed ? withheldText(r.suppression, minCell) : null,
}));

/** Density by site: bars (lowest first) and the table. */
const BySite = ({ small }: { small: boolean }) => {
  const { data, isPending, error } = useSlice(['SITE'], {});
  const rows = byDensity(data?.rows ?? []);
  const total = data?.total;
  return (
    <Widget
      title="Density by site"
      subtitle={total && !total.suppressed ? `${percent(total.density)} overall · ${figure(total.members)} members of ${figure(total.headcount)} staff` : 'Members ÷ current staff on each site'}
      isPending={isPending} error={error} isEmpty={rows.length === 0} empty="No staff on any site yet." what="density by site" testId="density-by-site"
    >
      <DensityBars bars={rows.slice(0, MOST_BARS).map((r) => ({ id: idOf(r), name: nameOf(r), density: r.suppressed ? null : r.density }))} label="Density by site" small={small} testId="site-chart" />
      {rows.length > MOST_BARS && <Caption>The {MOST_BARS} lowest of {rows.length} sites: the table lists them all.</Caption>}
      <TableView what="site" open={!rows.some((r) => !r.suppressed && r.density !== null)}>
        <FiguresTable label="Density by site" heading="Site" rows={[...figuresRows(rows, data?.minCell ?? 5)]} />
      </TableView>
      <WithheldNote slice={data} />
    </Widget>
  );
};

/** A ward's links: its page and its wall chart. */
const WardLinks = ({ row, children }: { row: SliceRow; children: ReactNode }) => {
  const ward = keyOf(row, 'WARD');
  if (!ward?.value) return <>{children}</>;
  return (
    <>
      <Link component={RouterLink} to={`/Wards/${ward.value}/show`}>{children}</Link>
      {' · '}
      <Link component={RouterLink} to={wallChartPath({ wardId: ward.value })} aria-label={`Wall chart of ${ward.label}`}>wall chart</Link>
    </>
  );
};

/** A short ranked list of wards. */
const GapList = ({ title, rows, figureOf, testId, none }: { title: string; rows: SliceRow[]; figureOf: (r: SliceRow) => string; testId: string; none: string }) => (
  <Box data-testid={testId} sx={{ minWidth: 0 }}>
    <Typography variant="subtitle2" component="h3">{title}</Typography>
    {rows.length === 0 ? (
      <Typography variant="body2" color="text.secondary">{none}</Typography>
    ) : (
      <List dense component="ol" sx={{ listStyle: 'decimal', pl: 3, py: 0 }}>
        {rows.map((r) => (
          <ListItem key={idOf(r)} sx={{ display: 'list-item', px: 0 }}>
            <WardLinks row={r}>{nameOf(r)}</WardLinks> <Typography component="span" variant="body2" color="text.secondary">({figureOf(r)})</Typography>
          </ListItem>
        ))}
      </List>
    )}
  </Box>
);

/** Wards: bars, the ward × shift heat map and the gaps, all for one site or all of them. */
const Wards = ({ small }: { small: boolean }) => {
  const location = useLocation();
  const navigate = useNavigate();
  const siteId = new URLSearchParams(location.search).get('site') ?? '';
  const filter: Record<string, string[]> = siteId ? { siteIds: [siteId] } : {};
  const sites = useSlice(['SITE'], {});
  const wards = useSlice(['WARD'], filter);
  const heat = useSlice(['WARD', 'SHIFT_PATTERN'], filter);
  const rows = (wards.data?.rows ?? []).filter((r) => (r.headcount ?? 0) > 0);
  const lowest = byDensity(rows);
  const siteRows = sites.data?.rows ?? [];
  const pickSite = (id: string) => navigate(`/density${id ? `?site=${id}` : ''}`, { replace: true });

  const shifts = (heat.data?.margins ?? []).filter((m) => m.keys[0]?.dimension === 'SHIFT_PATTERN' && m.keys[0].value)
    .map((m) => ({ id: m.keys[0].value!, name: m.keys[0].label }))
    .sort((a, b) => SHIFT_ORDER.indexOf(a.id) - SHIFT_ORDER.indexOf(b.id));
  const heatRows = (heat.data?.margins ?? []).filter((m) => m.keys[0]?.dimension === 'WARD' && (m.headcount ?? 0) > 0)
    .map((m) => ({ id: m.keys[0].value ?? '', name: m.keys[0].label }));
  const cells = new Map((heat.data?.rows ?? []).map((r) => [`${keyOf(r, 'WARD')?.value}|${keyOf(r, 'SHIFT_PATTERN')?.value}`, r]));

  const noRep = rows.filter((r) => r.reps === 0).sort((a, b) => (b.headcount ?? 0) - (a.headcount ?? 0)).slice(0, GAPS);
  const neverSpoken = rows.filter((r) => (r.neverSpokenTo ?? 0) > 0).sort((a, b) => (b.neverSpokenTo ?? 0) - (a.neverSpokenTo ?? 0)).slice(0, GAPS);

  return (
    <>
      <Typography variant="h6" component="h2" sx={{ mb: 1 }}>Wards</Typography>
      <TextField
        select fullWidth={false} size="small" label="Site" value={siteRows.some((s) => keyOf(s, 'SITE')?.value === siteId) ? siteId : ''}
        onChange={(e) => pickSite(e.target.value)} sx={{ minWidth: 260, maxWidth: '100%', mb: 2 }}
        slotProps={{ select: { displayEmpty: true }, inputLabel: { shrink: true } }} data-testid="density-site-picker"
      >
        <MenuItem value="">All sites</MenuItem>
        {siteRows.map((s) => (
          <MenuItem key={idOf(s)} value={keyOf(s, 'SITE')?.value ?? ''}>{nameOf(s)}</MenuItem>
        ))}
      </TextField>
      <Stack spacing={2}>
        <Widget
          title="Density by ward" subtitle={siteId ? 'The wards of the site chosen above' : 'Every ward you organise'}
          isPending={wards.isPending} error={wards.error} isEmpty={rows.length === 0} empty="No staff on any ward here yet." what="density by ward" testId="density-by-ward"
        >
          <DensityBars bars={lowest.slice(0, MOST_BARS).map((r) => ({ id: idOf(r), name: nameOf(r), density: r.density }))} label="Density by ward" small={small} testId="ward-chart" />
          {lowest.length > MOST_BARS && <Caption>The {MOST_BARS} lowest of {lowest.length} wards: the table lists them all.</Caption>}
          <TableView what="ward">
            <FiguresTable label="Density by ward" heading="Ward" rows={figuresRows(lowest, wards.data?.minCell ?? 5)} />
          </TableView>
        </Widget>
        <Widget
          title="Wards by shift pattern" subtitle="Density of each ward's staff on each shift pattern: darker is stronger; hover a cell for its staff and members"
          isPending={heat.isPending} error={heat.error} isEmpty={heatRows.length === 0} empty="No staff on any ward here yet." what="the ward and shift heat map" testId="density-heat-map"
        >
          <HeatMap
            caption="Density by ward and shift pattern" rowHeading="Ward" rows={heatRows} columns={shifts} testId="heat-map"
            cell={(w, s) => {
              const r = cells.get(`${w}|${s}`);
              return r && { density: r.density, headcount: r.headcount, members: r.members };
            }}
          />
        </Widget>
        <Widget
          title="Gaps" subtitle="Where to organise next: wards with no rep (largest first), the lowest density, the most staff nobody has spoken to"
          isPending={wards.isPending} error={wards.error} isEmpty={rows.length === 0} empty="No staff on any ward here yet." what="the gaps" testId="density-gaps"
        >
          <Box sx={{ display: 'grid', gridTemplateColumns: { xs: '1fr', md: 'repeat(3, minmax(0, 1fr))' }, gap: 2 }}>
            <GapList title="No rep" rows={noRep} figureOf={(r) => `${figure(r.headcount)} staff`} testId="gaps-no-rep" none="Every ward here has a rep." />
            <GapList title="Lowest density" rows={lowest.slice(0, GAPS)} figureOf={(r) => percent(r.density)} testId="gaps-lowest" none="No wards here." />
            <GapList title="Most never spoken to" rows={neverSpoken} figureOf={(r) => `${figure(r.neverSpokenTo)} never spoken to`} testId="gaps-never-spoken" none="Somebody has spoken to everyone here." />
          </Box>
        </Widget>
      </Stack>
    </>
  );
};

/** Density over 90 days or a year, from the daily snapshots; a day without one is a gap. */
const Trend = () => {
  const dataProvider = useDataProvider<DensityDataProvider>();
  const notify = useNotify();
  const location = useLocation();
  const navigate = useNavigate();
  const params = new URLSearchParams(location.search);
  const range = params.get('trend') === 'year' ? 'year' : '90';
  const to = ukToday();
  const from = addDays(to, range === 'year' ? -364 : -89);
  const mayTake = useCan(Permission.SETTINGS_MANAGE);
  const { data, isPending, error, refetch } = useQuery({ queryKey: ['densityTrend', from, to], queryFn: () => dataProvider.densityTrend(from, to) });
  const take = useMutation({
    mutationFn: () => dataProvider.takeDensitySnapshot(),
    onSuccess: () => { notify('Snapshot taken', { type: 'success' }); void refetch(); },
    onError: (e: Error) => notify(`Could not take a snapshot: ${e.message}`, { type: 'error' }),
  });
  const setRange = (r: string | null) => {
    if (!r) return;
    if (r === 'year') params.set('trend', 'year');
    else params.delete('trend');
    const s = params.toString();
    navigate(`/density${s ? `?${s}` : ''}`, { replace: true });
  };
  const points = data?.points ?? [];
  const byDay = new Map(points.map((p) => [p.day, p]));
  const line = daysBetween(data?.from ?? from, data?.to ?? to).map((day) => ({ day, density: byDay.get(day)?.suppressed ? null : byDay.get(day)?.density ?? null }));
  return (
    <Widget
      title="Density over time"
      subtitle={data?.asOf ? `From the daily snapshots; the latest taken ${formatDateTime(data.asOf)}` : 'From the daily snapshots of the figures'}
      isPending={isPending} error={error} isEmpty={false} empty="" what="the density trend" testId="density-trend"
    >
      <ToggleButtonGroup size="small" exclusive value={range} onChange={(_e, v: string | null) => setRange(v)} aria-label="Period" sx={{ mb: 1 }}>
        <ToggleButton value="90">90 days</ToggleButton>
        <ToggleButton value="year">1 year</ToggleButton>
      </ToggleButtonGroup>
      {points.length === 0 ? (
        <Alert severity="info" data-testid="trend-empty" action={mayTake ? (
          <Button color="inherit" size="small" onClick={() => take.mutate()} disabled={take.isPending}>Take a snapshot now</Button>
        ) : undefined}>
          No snapshot yet in this period: the figures are recorded once a day{mayTake ? '.' : ', and the trend starts with the first.'}
        </Alert>
      ) : (
        <>
          <TrendLine points={line} label={`Density from ${formatDay(from)} to ${formatDay(to)}`} />
          <Caption>Days without a snapshot are gaps in the line, not zero.</Caption>
          <TableView what="trend">
            <FiguresTable
              label="Density by day (days with a snapshot)" heading="Day"
              rows={[...points].reverse().map((p) => ({
                id: p.day, name: formatDay(p.day), headcount: p.headcount, members: p.members, density: p.density,
                withheld: p.suppressed ? withheldText(p.suppression, data?.minCell ?? 5) : null,
              }))}
            />
          </TableView>
        </>
      )}
    </Widget>
  );
};

/**
 * The density dashboard: where the union is strong and where it is absent. Density by site and by
 * ward, a ward × shift heat map, the trend and the gaps, each chart with its table. A rep's figures
 * are their patch's (the API counts them so). Coalition viewers (aggregates only) get the sites and
 * the trend: wards and shift patterns are not theirs to see.
 */
export const DensityDashboardPage = () => {
  const small = useIsSmall();
  const seesPeople = useCan(Permission.PEOPLE_READ);
  const { data } = useSlice(['SITE'], {});
  return (
    <Box sx={{ my: 2, minWidth: 0 }} data-testid="density-dashboard">
      <Title title="Density" />
      <Stack direction={{ xs: 'column', sm: 'row' }} spacing={1} sx={{ justifyContent: 'space-between', alignItems: { sm: 'center' }, mb: 2 }}>
        <Box>
          <Typography variant="h5" component="h1">Membership density</Typography>
          <AsOf asOf={data?.asOf} />
          {data?.aggregateOnly && (
            <Typography variant="body2" color="text.secondary">Aggregates only: figures for small groups are withheld.</Typography>
          )}
        </Box>
        <Button component={RouterLink} to="/density/explore" startIcon={<InsightsIcon />} variant="outlined">Slice explorer</Button>
      </Stack>
      <Box sx={{ display: 'grid', gridTemplateColumns: { xs: 'minmax(0, 1fr)', lg: 'repeat(2, minmax(0, 1fr))' }, gap: 2, mb: 2, alignItems: 'start' }}>
        <BySite small={small} />
        <Trend />
      </Box>
      {seesPeople && <Wards small={small} />}
    </Box>
  );
};
