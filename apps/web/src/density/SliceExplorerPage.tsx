import DownloadIcon from '@mui/icons-material/Download';
import {
  Alert, Autocomplete, Box, Button, Card, CardContent, Chip, MenuItem, Skeleton, Stack, Table, TableBody, TableCell, TableHead, TableRow, TextField, Typography,
} from '@mui/material';
import { COVERAGE_STATUS_LABELS, type CoverageStatus } from '@rollcall/domain';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { HttpError, Link as RouterLink, Title, useDataProvider, useGetList, useLocation, useNavigate, useNotify } from 'react-admin';
import { formatDateTime } from '../common/dates';
import { LoadError } from '../common/LoadError';
import { useIsSmall } from '../common/useIsSmall';
import type { DensityDataProvider } from '../dataProvider';
import { Permission, useCan } from '../permissions';
import { Caption, DensityBars, HeatMap } from './DensityCharts';
import { exportSlice } from './exportSlice';
import {
  apiFilter, COALITION_DIMENSIONS, DIMENSION_LABELS, DIMENSIONS, type DensitySlice, explorerSearch, type ExplorerQuery, figure, FILTER_FIELDS,
  type FilterField, keyOf, parseExplorerQuery, percent, type SliceDimension, type SliceRow, withheldText,
} from './sliceTypes';

const MOST_BARS = 40;

/** The server's field messages of a refusal (HttpError body.errors), if any. */
function fieldErrors(error: unknown): Record<string, string> {
  if (error instanceof HttpError && error.body && typeof error.body === 'object' && 'errors' in error.body) return (error.body as { errors: Record<string, string> }).errors ?? {};
  return {};
}

/** The choices of one filter: a fixed list, or a list resource's records. */
const FilterPicker = ({ field, label, resource, choices, value, onChange, error }: {
  field: FilterField; label: string; resource?: string; choices?: { id: string; name: string }[]; value: string[]; onChange: (v: string[]) => void; error?: string;
}) => {
  const { data } = useGetList<{ id: string; name?: string; shortName?: string }>(resource ?? 'Sites', {
    pagination: { page: 1, perPage: 500 }, sort: { field: resource === 'Unions' ? 'shortName' : 'name', order: 'ASC' },
  }, { enabled: !!resource });
  const options = choices ?? (data ?? []).map((r) => ({ id: String(r.id), name: (resource === 'Unions' ? r.shortName : r.name) ?? String(r.id) }));
  const selected = value.map((id) => options.find((o) => o.id === id) ?? { id, name: '…' });
  return (
    <Autocomplete
      multiple size="small" options={options} value={selected} getOptionLabel={(o) => o.name} isOptionEqualToValue={(a, b) => a.id === b.id}
      onChange={(_e, v) => onChange(v.map((o) => o.id))} sx={{ minWidth: 220, flex: '1 1 220px', maxWidth: { xs: '100%', sm: 360 } }}
      renderInput={(params) => (
        <TextField {...params} label={label} error={!!error} helperText={error} placeholder={value.length ? '' : 'Any'}
          slotProps={{ ...params.slotProps, inputLabel: { ...params.slotProps?.inputLabel, shrink: true } }} data-field={field} />
      )}
    />
  );
};

/** The figures of a row, in the table's columns (withheld: one cell saying why). */
const Figures = ({ row, slice, unions }: { row: SliceRow; slice: DensitySlice; unions: { id: string; name: string }[] }) => {
  const full = !slice.aggregateOnly;
  const span = full ? 12 + unions.length : 3;
  if (row.suppressed) return <TableCell colSpan={span} sx={{ fontStyle: 'italic', color: 'text.secondary' }} data-testid="withheld-cell">{withheldText(row.suppression, slice.minCell)}</TableCell>;
  const n = (v: number | null) => <TableCell align="right">{figure(v)}</TableCell>;
  return (
    <>
      {n(row.headcount)}
      {n(row.members)}
      <TableCell align="right">{row.headcount ? percent(row.density) : '—'}</TableCell>
      {full && (
        <>
          {unions.map((u) => <TableCell key={u.id} align="right">{figure(row.membersByUnion?.find((m) => m.unionId === u.id)?.members)}</TableCell>)}
          {n(row.assessed)}
          <TableCell align="right">{percent(row.assessedShare)}</TableCell>
          {n(row.ones)}
          {n(row.twos)}
          {n(row.leaders)}
          {n(row.reps)}
          <TableCell align="right">{row.workersPerRep === null ? '—' : (Math.round(row.workersPerRep * 10) / 10).toLocaleString('en-GB')}</TableCell>
          <TableCell>{row.coverage ? COVERAGE_STATUS_LABELS[row.coverage as CoverageStatus] : '—'}</TableCell>
          {n(row.conversations30d)}
          {n(row.neverSpokenTo)}
        </>
      )}
    </>
  );
};

const SliceTable = ({ slice }: { slice: DensitySlice }) => {
  const full = !slice.aggregateOnly;
  const unions = full ? (slice.total.membersByUnion ?? []).map((u) => ({ id: u.unionId, name: u.name })) : [];
  const heads = ['Staff', 'Members', 'Density', ...(full ? [...unions.map((u) => `${u.name} members`), 'Assessed', 'Assessed share', '1s', '2s', 'Leaders', 'Reps', 'Staff per rep', 'Coverage', 'Conversations (30 days)', 'Never spoken to'] : [])];
  const keyCells = (row: SliceRow) => slice.by.map((d, i) => {
    const k = keyOf(row, d);
    const text = k?.label ?? 'All';
    return i === 0
      ? <TableCell key={d} component="th" scope="row" sx={{ fontWeight: k ? undefined : 600 }}>{text}</TableCell>
      : <TableCell key={d} sx={{ fontWeight: k ? undefined : 600 }}>{text}</TableCell>;
  });
  const cols = slice.by.length + heads.length;
  return (
    <Box role="region" aria-label="The slice as a table" tabIndex={0} sx={{ overflowX: 'auto', width: 0, minWidth: '100%', position: 'relative' }}>
      <Table size="small" aria-label={`Density by ${slice.by.map((d) => DIMENSION_LABELS[d].toLowerCase()).join(' and ')}`} data-testid="slice-table"
        sx={{ '& td, & th': { px: 1, whiteSpace: 'nowrap' } }}>
        <TableHead>
          <TableRow>
            {slice.by.map((d) => <TableCell key={d} component="th" scope="col">{DIMENSION_LABELS[d]}</TableCell>)}
            {heads.map((h) => <TableCell key={h} component="th" scope="col" align="right" sx={{ whiteSpace: 'normal !important', minWidth: 64, maxWidth: 120, verticalAlign: 'bottom' }}>{h}</TableCell>)}
          </TableRow>
        </TableHead>
        <TableBody>
          {slice.rows.map((r, i) => (
            <TableRow key={`r${i}`} data-testid="slice-row">{keyCells(r)}<Figures row={r} slice={slice} unions={unions} /></TableRow>
          ))}
          {slice.margins.length > 0 && (
            <TableRow><TableCell colSpan={cols} component="th" scope="colgroup" sx={{ fontWeight: 700, bgcolor: 'grey.100' }}>Totals of each dimension</TableCell></TableRow>
          )}
          {slice.margins.map((r, i) => (
            <TableRow key={`m${i}`} data-testid="slice-margin">{keyCells(r)}<Figures row={r} slice={slice} unions={unions} /></TableRow>
          ))}
          <TableRow data-testid="slice-total" sx={{ '& td, & th': { fontWeight: 700, borderTop: 2, borderColor: 'divider' } }}>
            {keyCells(slice.total)}<Figures row={slice.total} slice={slice} unions={unions} />
          </TableRow>
        </TableBody>
      </Table>
    </Box>
  );
};

const SliceChart = ({ slice, small }: { slice: DensitySlice; small: boolean }) => {
  const [a, b] = slice.by;
  if (!b) {
    const bars = slice.rows.filter((r) => !r.suppressed && (r.headcount ?? 0) > 0);
    return (
      <>
        <DensityBars bars={bars.slice(0, MOST_BARS).map((r, i) => ({ id: String(i), name: keyOf(r, a)?.label ?? '', density: r.density }))}
          label={`Density by ${DIMENSION_LABELS[a].toLowerCase()}`} small={small} testId="slice-chart" />
        {bars.length > MOST_BARS && <Caption>The first {MOST_BARS} of {bars.length}: the table has them all.</Caption>}
      </>
    );
  }
  const values = (d: SliceDimension) => slice.margins.filter((m) => m.keys[0]?.dimension === d).map((m) => ({ id: m.keys[0].value ?? '', name: m.keys[0].label }));
  const cells = new Map(slice.rows.map((r) => [`${keyOf(r, a)?.value ?? ''}|${keyOf(r, b)?.value ?? ''}`, r]));
  return (
    <HeatMap
      caption={`Density by ${DIMENSION_LABELS[a].toLowerCase()} and ${DIMENSION_LABELS[b].toLowerCase()}`} rowHeading={DIMENSION_LABELS[a]}
      rows={values(a)} columns={values(b)} testId="slice-chart"
      cell={(x, y) => {
        const r = cells.get(`${x}|${y}`);
        return r && { density: r.density, headcount: r.headcount, members: r.members, withheld: r.suppressed ? withheldText(r.suppression, slice.minCell) : null };
      }}
    />
  );
};

/**
 * The slice explorer: density and organising figures by one or two dimensions, filtered, as a table
 * (rows, each dimension's totals, the total) and a chart, exportable as CSV. Choices live in the
 * address so a view can be bookmarked or shared. Coalition viewers are offered only what the API
 * gives them.
 */
export const SliceExplorerPage = () => {
  const small = useIsSmall();
  const location = useLocation();
  const navigate = useNavigate();
  const notify = useNotify();
  const dataProvider = useDataProvider<DensityDataProvider>();
  const aggregateOnly = !useCan(Permission.PEOPLE_READ);
  const query = parseExplorerQuery(location.search);
  const setQuery = (q: ExplorerQuery) => navigate(`/density/explore${explorerSearch(q)}`, { replace: true });
  const filter = apiFilter(query.filter);
  const { data: slice, error, isPending } = useQuery({
    queryKey: ['densitySlice', query.by, filter],
    queryFn: () => dataProvider.densitySlice(query.by, filter),
    retry: (n, e) => !(e instanceof HttpError && e.status === 400) && n < 2,
  });
  const [exporting, setExporting] = useState(false);
  const [exportErrors, setExportErrors] = useState<Record<string, string>>({});
  const fields = { ...fieldErrors(error), ...exportErrors };
  // What the address asks for is shown even if it is not offered, so its error can be read beside it and undone.
  const offered = aggregateOnly ? DIMENSIONS.filter((d) => COALITION_DIMENSIONS.includes(d) || query.by.includes(d)) : DIMENSIONS;
  const filters = FILTER_FIELDS.filter((f) => !aggregateOnly || query.by.includes(f.dimension) || query.filter[f.field]?.length);
  const otherError = error && !Object.keys(fieldErrors(error)).length ? error : null;
  // On a phone the filters fold away until wanted (open when some are set or refused).
  const filterCount = Object.values(filter).length;
  const hasFilterError = FILTER_FIELDS.some((f) => fields[f.field]);

  const setBy = (i: number, d: string) => {
    const by = [...query.by];
    if (d) by[i] = d as SliceDimension;
    else by.splice(i, 1);
    const next = [...new Set(by)];
    // An aggregate-only viewer may filter only by the table's dimensions: drop the others.
    const kept = aggregateOnly ? Object.fromEntries(Object.entries(query.filter).filter(([f]) => next.includes(FILTER_FIELDS.find((x) => x.field === f)!.dimension))) : query.filter;
    setExportErrors({});
    setQuery({ by: next.length ? next : ['SITE'], filter: kept });
  };
  const setFilter = (field: FilterField, values: string[]) => {
    setExportErrors({});
    setQuery({ ...query, filter: { ...query.filter, [field]: values } });
  };
  const download = async () => {
    setExporting(true);
    setExportErrors({});
    try {
      const file = await exportSlice(query.by, filter);
      notify(`Downloaded ${file}`, { type: 'success' });
    } catch (e) {
      setExportErrors(fieldErrors(e));
      notify(e instanceof Error ? e.message : 'The export failed', { type: 'error' });
    } finally {
      setExporting(false);
    }
  };

  return (
    <Box sx={{ my: 2, minWidth: 0 }} data-testid="slice-explorer">
      <Title title="Slice explorer" />
      <Stack direction={{ xs: 'column', sm: 'row' }} spacing={1} sx={{ justifyContent: 'space-between', alignItems: { sm: 'center' }, mb: 2 }}>
        <Box>
          <Typography variant="h5" component="h1">Slice explorer</Typography>
          <Typography variant="body2" color="text.secondary">
            Density and organising figures of current staff by one or two of their dimensions. <RouterLink to="/density">Back to the dashboard</RouterLink>
          </Typography>
        </Box>
        <Button variant="contained" startIcon={<DownloadIcon />} onClick={() => void download()} disabled={exporting || !slice} data-testid="slice-export">
          {exporting ? 'Exporting…' : 'Export CSV'}
        </Button>
      </Stack>
      <Card variant="outlined" sx={{ mb: 2 }}>
        <CardContent>
          <Stack direction={{ xs: 'column', sm: 'row' }} spacing={1.5} sx={{ mb: 2 }}>
            <TextField select size="small" label="Group by" value={query.by[0]} onChange={(e) => setBy(0, e.target.value)} sx={{ minWidth: 200 }}
              error={!!fields.by} helperText={fields.by} slotProps={{ htmlInput: { 'data-testid': 'by-0' } }}>
              {offered.map((d) => <MenuItem key={d} value={d}>{DIMENSION_LABELS[d]}</MenuItem>)}
            </TextField>
            <TextField select size="small" label="And by" value={query.by[1] ?? ''} onChange={(e) => setBy(1, e.target.value)} sx={{ minWidth: 200 }}
              slotProps={{ select: { displayEmpty: true }, inputLabel: { shrink: true }, htmlInput: { 'data-testid': 'by-1' } }}>
              <MenuItem value="">Nothing else</MenuItem>
              {offered.filter((d) => d !== query.by[0]).map((d) => <MenuItem key={d} value={d}>{DIMENSION_LABELS[d]}</MenuItem>)}
            </TextField>
          </Stack>
          <Box component="details" open={!small || filterCount > 0 || hasFilterError} sx={{ '& > summary': { cursor: 'pointer', mb: 1 } }}>
          <Typography component="summary" variant="subtitle2">Only these staff{filterCount ? ` (${filterCount} filter${filterCount === 1 ? '' : 's'})` : ''}</Typography>
          {aggregateOnly && (
            <Typography variant="body2" color="text.secondary" sx={{ mb: 1 }} data-testid="coalition-filter-note">
              As a coalition viewer you see aggregates only: you may group by employer, site, ward type, staff group or union, and filter only by
              the dimensions you group by. The total of a filtered table is withheld, and so are small groups.
            </Typography>
          )}
          <Stack direction="row" useFlexGap sx={{ flexWrap: 'wrap', gap: 1.5 }} data-testid="slice-filters">
            {filters.map((f) => (
              <FilterPicker key={f.field} field={f.field} label={f.label} resource={f.resource} choices={f.choices} value={query.filter[f.field] ?? []}
                onChange={(v) => setFilter(f.field, v)} error={fields[f.field]} />
            ))}
          </Stack>
          </Box>
          {Object.entries(fields).filter(([k]) => k !== 'by' && !FILTER_FIELDS.some((f) => f.field === k && filters.includes(f))).map(([k, m]) => (
            <Alert key={k} severity="error" sx={{ mt: 1 }}>{k}: {m}</Alert>
          ))}
        </CardContent>
      </Card>
      {isPending ? (
        <Skeleton variant="rounded" height={240} aria-label="Loading the slice" />
      ) : otherError ? (
        <LoadError what="the slice" error={otherError} />
      ) : !slice ? null : slice.rows.length === 0 ? (
        <Alert severity="info">Nobody matches these choices.</Alert>
      ) : (
        <Stack spacing={2}>
          {slice.asOf && <Typography variant="body2" color="text.secondary">Figures as of {formatDateTime(slice.asOf)}</Typography>}
          {slice.aggregateOnly && (
            <Stack direction="row" spacing={1} sx={{ alignItems: 'center' }}>
              <Chip size="small" label="Aggregates only" />
              <Typography variant="body2" color="text.secondary">
                "Fewer than {slice.minCell}": too few members or non-members to publish. "Withheld so a small cell cannot be worked out": hidden with them.
              </Typography>
            </Stack>
          )}
          <Card variant="outlined"><CardContent><SliceChart slice={slice} small={small} /></CardContent></Card>
          <Card variant="outlined"><CardContent><SliceTable slice={slice} /></CardContent></Card>
        </Stack>
      )}
    </Box>
  );
};
