import PrintIcon from '@mui/icons-material/Print';
import ViewWeekIcon from '@mui/icons-material/ViewWeek';
import { Box, Button, GlobalStyles, MenuItem, Skeleton, Stack, TextField, Typography } from '@mui/material';
import { ukToday } from '@rollcall/domain';
import { Title, useGetList, useLocation, useNavigate } from 'react-admin';
import { GRADE_CHOICES, labelOf, SHIFT_PATTERN_CHOICES, STAFF_GROUP_CHOICES, WARD_TYPE_CHOICES } from '../choices';
import { densityText } from '../common/DensityField';
import { EmptyState } from '../common/EmptyState';
import { formatDay } from '../common/dates';
import { LoadError } from '../common/LoadError';
import { count } from '../common/words';
import { WallChartCard } from './WallChartCard';
import { WallChartFilters } from './WallChartFilters';
import { type ListKey, parseWallChartQuery, type WallChartMeta, type WallChartQuery, wallChartSearch, type WallChartWard } from './wallChartTypes';

const COLUMN_WIDTH = 264;

/** " (58%)": the density, or nothing where nobody is shown. */
const pct = (members: number, headcount: number) => (headcount ? ` (${densityText(members, headcount)})` : '');

/**
 * Printing on A3 landscape: only the chart (no app bar, menu, filters or buttons), a title saying
 * what, when and which filters, the columns wrapped to the paper, no card split across pages, and
 * the assessment colours printed as they are.
 */
const PRINT_STYLES = (
  <GlobalStyles
    styles={{
      '@page': { size: 'A3 landscape', margin: '10mm' },
      '@media print': {
        '*': { printColorAdjust: 'exact', WebkitPrintColorAdjust: 'exact' },
        'header, .RaSidebar-root, .MuiDrawer-root, .wallchart-no-print': { display: 'none !important' },
        'html, body, #root': { background: '#fff !important' },
        '.RaLayout-appFrame': { marginTop: '0 !important', paddingTop: '0 !important' },
        '.RaLayout-content': { padding: '0 !important' },
        '.wallchart-print-title': { display: 'block !important' },
        '.wallchart-columns': { flexWrap: 'wrap !important', overflow: 'visible !important', gap: '4mm !important' },
        '.wallchart-column': { width: 'calc((100% - 20mm) / 6) !important', flex: '0 0 auto !important', breakInside: 'auto' },
        '.wallchart-column-head': { breakAfter: 'avoid', breakInside: 'avoid' },
        '.wallchart-card': { breakInside: 'avoid', pageBreakInside: 'avoid', boxShadow: 'none !important' },
      },
    }}
  />
);

/** The filters in words, for the printed title ("Nights; Nursing and midwifery registered; members of UNISON"). */
function filtersText(q: WallChartQuery, unions: { id: string; name: string }[]): string {
  const names = (ids: string[], choices: { id: string; name: string }[]) => ids.map((id) => choices.find((c) => c.id === id)?.name ?? id).join(', ');
  const parts = [
    q.shiftPatterns.length ? `shifts: ${names(q.shiftPatterns, SHIFT_PATTERN_CHOICES)}` : '',
    q.staffGroups.length ? `staff groups: ${names(q.staffGroups, STAFF_GROUP_CHOICES)}` : '',
    q.grades.length ? `grades: ${names(q.grades, GRADE_CHOICES)}` : '',
    q.unionIds.length ? `members of ${names(q.unionIds, unions)}` : '',
  ].filter(Boolean);
  return parts.length ? parts.join('; ') : 'everyone';
}

const Column = ({ ward, filtered }: { ward: WallChartWard; filtered: boolean }) => (
  <Box
    component="section"
    aria-labelledby={`wallchart-ward-${ward.id}`}
    className="wallchart-column"
    data-testid="wallchart-column"
    sx={{ flex: `0 0 ${COLUMN_WIDTH}px`, width: COLUMN_WIDTH, boxSizing: 'border-box', bgcolor: 'grey.50', border: '1px solid', borderColor: 'divider', borderRadius: 1, p: 1 }}
  >
    <Box className="wallchart-column-head" sx={{ mb: 1 }}>
      <Typography id={`wallchart-ward-${ward.id}`} component="h3" variant="subtitle1" sx={{ fontWeight: 700, lineHeight: 1.25 }}>
        {ward.name}
      </Typography>
      <Typography variant="caption" color="text.secondary" component="p" data-testid="wallchart-column-figures">
        {labelOf(Object.fromEntries(WARD_TYPE_CHOICES.map((c) => [c.id, c.name])), ward.type)} · {count(ward.headcount, 'person', 'people')} ·{' '}
        {count(ward.members, 'member')}
        {pct(ward.members, ward.headcount)}
      </Typography>
    </Box>
    {ward.shifts.length === 0 ? (
      <Typography variant="body2" color="text.secondary" sx={{ fontStyle: 'italic' }}>
        {filtered ? 'Nobody here matches the filters' : 'Nobody here you can see'}
      </Typography>
    ) : (
      ward.shifts.map((s) => (
        <Box key={s.shiftPattern} sx={{ mb: 1 }}>
          <Typography component="h4" variant="overline" sx={{ display: 'block', lineHeight: 2, breakAfter: 'avoid' }}>
            {SHIFT_PATTERN_CHOICES.find((c) => c.id === s.shiftPattern)?.name ?? s.shiftPattern} ({s.cards.length})
          </Typography>
          <Stack spacing={0.75}>
            {s.cards.map((card) => (
              <WallChartCard key={card.id} card={card} wardName={ward.name} />
            ))}
          </Stack>
        </Box>
      ))
    )}
  </Box>
);

const LoadingColumns = () => (
  <Box sx={{ display: 'flex', gap: 1.5, overflow: 'hidden' }} aria-label="Loading the wall chart" role="status">
    {[0, 1, 2, 3].map((i) => (
      <Skeleton key={i} variant="rounded" width={COLUMN_WIDTH} height={420} sx={{ flex: `0 0 ${COLUMN_WIDTH}px` }} />
    ))}
  </Box>
);

/**
 * The wall chart: the organiser's map of a site or a ward. Its wards are columns; each person the
 * user may see is a card coloured by their assessment and marked member or not, leader, rep and never
 * spoken to, grouped by shift. Filters live in the address (a chart can be bookmarked or shared), a
 * card opens the person or logs a conversation, and it prints on A3 landscape for the wall.
 */
export const WallChartPage = () => {
  const location = useLocation();
  const navigate = useNavigate();
  const query = parseWallChartQuery(location.search);
  const setQuery = (next: WallChartQuery) => navigate(`/wall-chart${wallChartSearch(next)}`, { replace: true });
  const siteId = query.siteId;
  const { data: sites, isPending: sitesPending } = useGetList<{ id: string; name: string }>('Sites', {
    pagination: { page: 1, perPage: 500 }, sort: { field: 'name', order: 'ASC' },
  });
  const { data: unionRows } = useGetList<{ id: string; shortName: string }>('Unions', { pagination: { page: 1, perPage: 200 }, sort: { field: 'shortName', order: 'ASC' } });
  const unions = (unionRows ?? []).map((u) => ({ id: u.id, name: u.shortName }));
  const placed = !!(query.siteId || query.wardId);
  const { data: wards, meta, isPending, error } = useGetList<WallChartWard>(
    'WallChart',
    { filter: query, pagination: { page: 1, perPage: 1000 } },
    { enabled: placed },
  );
  const chart = meta as WallChartMeta | undefined;
  const chartSiteId = chart?.site.id ?? siteId ?? '';
  const { data: siteWards } = useGetList<{ id: string; name: string }>(
    'Wards', { filter: { siteId: chartSiteId }, pagination: { page: 1, perPage: 500 }, sort: { field: 'name', order: 'ASC' } }, { enabled: !!chartSiteId },
  );
  const place = chart ? `${chart.site.name}${chart.ward ? ` · ${chart.ward.name}` : ''}` : '';
  const change = (key: ListKey, values: string[]) => setQuery({ ...query, [key]: values });
  const filtered = [query.shiftPatterns, query.staffGroups, query.grades].some((l) => l.length > 0);

  return (
    <Box sx={{ my: 2 }} className="wallchart-page">
      {PRINT_STYLES}
      <Title title={place ? `Wall chart · ${place}` : 'Wall chart'} />
      <Box className="wallchart-print-title" sx={{ display: 'none', mb: 2 }} data-testid="wallchart-print-title">
        <Typography component="p" variant="h5" sx={{ fontWeight: 700 }}>
          Wall chart: {place}
        </Typography>
        <Typography component="p" variant="body2">
          {formatDay(ukToday())} · {filtersText(query, unions)}
          {chart ? ` · ${count(chart.headcount, 'person', 'people')}, ${count(chart.members, 'member')}${pct(chart.members, chart.headcount)}` : ''}
        </Typography>
      </Box>
      <Stack direction="row" useFlexGap className="wallchart-no-print" sx={{ flexWrap: 'wrap', gap: 1.5, alignItems: 'center', mb: 2 }}>
        <TextField
          select
          fullWidth={false}
          size="small"
          label="Site"
          value={sites?.some((s) => s.id === chartSiteId) ? chartSiteId : ''}
          disabled={sitesPending}
          sx={{ minWidth: 240 }}
          onChange={(e) => setQuery({ ...query, siteId: e.target.value || null, wardId: null })}
          slotProps={{ select: { displayEmpty: true }, inputLabel: { shrink: true } }}
        >
          <MenuItem value="" disabled>
            Choose a site
          </MenuItem>
          {(sites ?? []).map((s) => (
            <MenuItem key={s.id} value={s.id}>
              {s.name}
            </MenuItem>
          ))}
        </TextField>
        {chartSiteId && (
          <TextField
            select
            fullWidth={false}
            size="small"
            label="Ward"
            value={query.wardId && siteWards?.some((w) => w.id === query.wardId) ? query.wardId : ''}
            sx={{ minWidth: 220 }}
            onChange={(e) => setQuery({ ...query, wardId: e.target.value || null, siteId: e.target.value ? null : chartSiteId })}
            slotProps={{ select: { displayEmpty: true }, inputLabel: { shrink: true } }}
          >
            <MenuItem value="">All wards of the site</MenuItem>
            {(siteWards ?? []).map((w) => (
              <MenuItem key={w.id} value={w.id}>
                {w.name}
              </MenuItem>
            ))}
          </TextField>
        )}
        <Box sx={{ flex: 1 }} />
        {placed && (
          <Button variant="outlined" startIcon={<PrintIcon />} onClick={() => window.print()} disabled={isPending || !!error}>
            Print
          </Button>
        )}
      </Stack>
      {placed && <WallChartFilters query={query} unions={unions} onChange={change} />}
      {!placed ? (
        <EmptyState
          icon={<ViewWeekIcon />}
          canCreate={false}
          title="Choose a site"
          explanation="The wall chart shows a site's wards side by side, with a card for everyone on them: who is a member, who leads, who nobody has spoken to yet."
        />
      ) : isPending ? (
        <LoadingColumns />
      ) : error ? (
        <LoadError what="the wall chart" error={error} />
      ) : (wards ?? []).length === 0 ? (
        <EmptyState icon={<ViewWeekIcon />} canCreate={false} title="No wards here yet" explanation="Add wards to this site to chart the people on them." />
      ) : (
        <>
          <Typography variant="body2" color="text.secondary" sx={{ mb: 1.5 }} className="wallchart-no-print" data-testid="wallchart-totals">
            {count((wards ?? []).length, 'ward')} · {count(chart?.headcount ?? 0, 'person', 'people')} · {count(chart?.members ?? 0, 'member')}
            {pct(chart?.members ?? 0, chart?.headcount ?? 0)}
            {chart?.headcount === 0 ? ' · nobody you can see matches: try fewer filters' : ''}
          </Typography>
          <Box
            className="wallchart-columns"
            role="region"
            aria-label="Wards"
            tabIndex={0}
            // width 0 and min-width 100%: the columns scroll inside the page's width instead of widening it
            sx={{ display: 'flex', gap: 1.5, overflowX: 'auto', alignItems: 'flex-start', pb: 2, width: 0, minWidth: '100%', WebkitOverflowScrolling: 'touch' }}
          >
            {(wards ?? []).map((w) => (
              <Column key={w.id} ward={w} filtered={filtered} />
            ))}
          </Box>
        </>
      )}
    </Box>
  );
};
