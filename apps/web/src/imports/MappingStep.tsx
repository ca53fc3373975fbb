import AddIcon from '@mui/icons-material/Add';
import PlayArrowIcon from '@mui/icons-material/PlayArrow';
import {
  Alert, Box, Button, Card, CardContent, LinearProgress, MenuItem, Stack, Table, TableBody, TableCell, TableHead, TableRow, TextField, Typography,
} from '@mui/material';
import {
  CONTRACT_TYPE_LABELS, ContractType, IMPORT_FIELDS, ImportKind, missingFields, SHIFT_PATTERN_LABELS, ShiftPattern, suggestMapping, suggestWard, WardType,
} from '@rollcall/domain';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { useGetList } from 'react-admin';
import { FormDialog } from '../common/FormDialog';
import { useIsSmall } from '../common/useIsSmall';
import { count } from '../common/words';
import { WardInputs } from '../wards/WardInputs';
import { importApi, type ImportRun } from './importApi';

const IGNORE = '';

/** Values for fields a staff list often lacks (ESR has no shift pattern): new people get these. */
const DEFAULTABLE = [
  { key: 'shiftPattern', label: 'Shift pattern for new people', options: SHIFT_PATTERN_LABELS, fallback: ShiftPattern.DAYS },
  { key: 'contractType', label: 'Contract for new people', options: CONTRACT_TYPE_LABELS, fallback: ContractType.SUBSTANTIVE },
] as const;

function readDefaults(json: string): Record<string, string> {
  try {
    const v = JSON.parse(json || '{}') as unknown;
    return v && typeof v === 'object' ? (v as Record<string, string>) : {};
  } catch {
    return {};
  }
}

/** A new ward's name from an ESR location ("Riverside General Hospital · Catering" → "Catering"). */
export const wardNameOf = (location: string) => location.split(/\s+[·|>/–-]\s+/).pop()?.trim() || location;

/** The first few values of a column, for recognising it. */
const examples = (run: ImportRun, column: number) =>
  [...new Set(run.sampleRows.map((r) => (r[column] ?? '').trim()).filter(Boolean))].slice(0, 3);

/**
 * Step 1: what each column holds. A select per column, prefilled with the suggestion (the mapping
 * remembered for this source, else the headers' usual spellings); the first rows' values beside it;
 * each location in the file mapped to a ward (remembered for the employer's next file). Then the dry run.
 */
export const MappingStep = ({ run, onDone }: { run: ImportRun; onDone?: () => void }) => {
  const isSmall = useIsSmall();
  const queryClient = useQueryClient();
  const fields = IMPORT_FIELDS[run.kind] ?? [];
  const initial = useMemo(() => {
    const suggested = run.mapping ?? (run.suggestedMapping.length ? run.suggestedMapping : suggestMapping(run.kind, run.headers));
    return run.headers.map((_, i) => suggested[i] ?? null);
  }, [run]);
  const [mapping, setMapping] = useState<(string | null)[]>(initial);
  const [defaults, setDefaults] = useState<Record<string, string>>(() => readDefaults(run.defaults));
  /** The ward chosen for each location ('' for none); a location not chosen yet takes the remembered or suggested ward. */
  const [wards, setWards] = useState<Record<string, string>>(() =>
    Object.fromEntries(run.locations.filter((l) => l.wardId).map((l) => [l.location, l.wardId!])));
  /** The location a new ward is being added for (the dialog is open). */
  const [adding, setAdding] = useState<string | null>(null);

  const mapsLocations = mapping.includes('location');
  const wardList = useGetList('Wards', {
    pagination: { page: 1, perPage: 500 }, sort: { field: 'name', order: 'ASC' }, filter: run.employerId ? { employerId: run.employerId } : {},
  }, { enabled: mapsLocations && run.locations.length > 0 });
  const siteList = useGetList('Sites', {
    pagination: { page: 1, perPage: 500 }, sort: { field: 'name', order: 'ASC' }, filter: run.employerId ? { employerId: run.employerId } : {},
  }, { enabled: mapsLocations && run.locations.length > 0 });
  const siteName = new Map((siteList.data ?? []).map((s) => [s.id, s.name as string]));
  const choices = (wardList.data ?? []).map((w) => ({ id: String(w.id), name: String(w.name), siteName: siteName.get(w.siteId) ?? null }));
  /** A location's ward: chosen, else remembered, else the ward it plainly names (suggestWard), else none. */
  const wardOf = (location: string) => wards[location] ?? (siteList.isPending ? '' : suggestWard(location, choices) ?? '');

  const missing = missingFields(run.kind, mapping);
  const unmappedDefaults = run.kind === ImportKind.STAFF ? DEFAULTABLE.filter((d) => !mapping.includes(d.key)) : [];

  const dryRun = useMutation({
    mutationFn: async () => {
      const usedDefaults = Object.fromEntries(unmappedDefaults.map((d) => [d.key, defaults[d.key] || d.fallback]));
      await importApi.setMapping({
        id: run.id,
        mapping,
        defaults: JSON.stringify(usedDefaults),
        locations: mapsLocations ? run.locations.map((l) => ({ location: l.location, wardId: wardOf(l.location) || null })) : [],
      });
      return importApi.dryRun(run.id);
    },
    onSuccess: (next) => {
      queryClient.setQueryData(['importRun', run.id], next);
      onDone?.();
    },
  });

  const choose = (column: number, key: string) =>
    setMapping((m) => m.map((k, i) => (i === column ? key || null : k === key && key ? null : k)));

  const fieldSelect = (column: number) => (
    <TextField
      select size="small" fullWidth label={`Column “${run.headers[column]}”`} value={mapping[column] ?? IGNORE}
      onChange={(e) => choose(column, e.target.value)}
      slotProps={{ select: { inputProps: { 'data-testid': `import-map-${column}` } } }}
    >
      <MenuItem value={IGNORE}><em>Not imported</em></MenuItem>
      {fields.map((f) => <MenuItem key={f.key} value={f.key}>{f.label}</MenuItem>)}
    </TextField>
  );

  return (
    <Stack spacing={2} data-testid="import-mapping">
      <Card variant="outlined">
        <CardContent>
          <Typography variant="h6" component="h2">Columns</Typography>
          <Typography variant="body2" color="text.secondary" sx={{ mb: 1 }}>
            {count(run.rowsTotal, 'row')} in {run.fileName}. Check what each column holds: the suggestion comes from the headers (and
            the last import of a file like this one). Columns left &ldquo;Not imported&rdquo; are ignored.
          </Typography>
          {isSmall ? (
            <Stack spacing={2}>
              {run.headers.map((_, i) => (
                <Box key={i}>
                  {fieldSelect(i)}
                  <Typography variant="caption" color="text.secondary" sx={{ wordBreak: 'break-word' }}>
                    {examples(run, i).join(' | ') || 'Empty in the first rows'}
                  </Typography>
                </Box>
              ))}
            </Stack>
          ) : (
            <Table size="small" aria-label="Columns of the file">
              <TableHead>
                <TableRow>
                  <TableCell>Column in the file</TableCell>
                  <TableCell>First values</TableCell>
                  <TableCell sx={{ width: '40%' }}>Imported as</TableCell>
                </TableRow>
              </TableHead>
              <TableBody>
                {run.headers.map((h, i) => (
                  <TableRow key={i} data-testid="import-column">
                    <TableCell sx={{ fontWeight: 500, wordBreak: 'break-word' }}>{h}</TableCell>
                    <TableCell sx={{ color: 'text.secondary', wordBreak: 'break-word' }}>{examples(run, i).join(' | ') || '—'}</TableCell>
                    <TableCell>{fieldSelect(i)}</TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          )}
        </CardContent>
      </Card>

      {unmappedDefaults.length ? (
        <Card variant="outlined">
          <CardContent>
            <Typography variant="h6" component="h2">For new people</Typography>
            <Typography variant="body2" color="text.secondary" sx={{ mb: 2 }}>
              The file does not say these: new people get the values below (people already in Rollcall keep theirs).
            </Typography>
            <Stack direction={{ xs: 'column', sm: 'row' }} spacing={2}>
              {unmappedDefaults.map((d) => (
                <TextField
                  key={d.key} select size="small" label={d.label} value={defaults[d.key] || d.fallback} sx={{ minWidth: 220 }}
                  onChange={(e) => setDefaults((v) => ({ ...v, [d.key]: e.target.value }))}
                >
                  {Object.entries(d.options).map(([value, label]) => <MenuItem key={value} value={value}>{label as string}</MenuItem>)}
                </TextField>
              ))}
            </Stack>
          </CardContent>
        </Card>
      ) : null}

      {mapsLocations && run.locations.length ? (
        <Card variant="outlined" data-testid="import-locations">
          <CardContent>
            <Typography variant="h6" component="h2">Locations and wards</Typography>
            <Typography variant="body2" color="text.secondary" sx={{ mb: 1 }}>
              The file&apos;s locations rarely match ward names: choose each one&apos;s ward once, and Rollcall remembers it for this
              employer&apos;s next file. People at a location with no ward are refused: add the ward if it is missing.
            </Typography>
            {wardList.error ? <Alert severity="error">Could not load the wards: {wardList.error.message}</Alert> : null}
            <Stack spacing={1.5}>
              {run.locations.map((l) => (
                <Stack key={l.location} direction={{ xs: 'column', sm: 'row' }} spacing={{ xs: 0.5, sm: 2 }} sx={{ alignItems: { sm: 'center' } }} data-testid="import-location">
                  <Box sx={{ flex: 1, minWidth: 0 }}>
                    <Typography variant="body2" sx={{ wordBreak: 'break-word' }}>{l.location}</Typography>
                    <Typography variant="caption" color="text.secondary">{count(l.rows, 'row')}</Typography>
                  </Box>
                  <TextField
                    select size="small" label="Ward" value={wardOf(l.location)}
                    // A long ward name must not widen the page on a phone: its width comes from the row, not from the name.
                    sx={{ flex: 1, minWidth: 0, contain: 'inline-size' }}
                    onChange={(e) => setWards((w) => ({ ...w, [l.location]: e.target.value }))} disabled={wardList.isPending}
                  >
                    <MenuItem value=""><em>No ward: refuse these rows</em></MenuItem>
                    {(wardList.data ?? []).map((w) => (
                      <MenuItem key={w.id} value={w.id}>{w.name}{siteName.get(w.siteId) ? ` · ${siteName.get(w.siteId)}` : ''}</MenuItem>
                    ))}
                  </TextField>
                  <Button size="small" startIcon={<AddIcon />} onClick={() => setAdding(l.location)} sx={{ alignSelf: { xs: 'flex-start', sm: 'center' }, flexShrink: 0 }}>
                    New ward
                  </Button>
                </Stack>
              ))}
            </Stack>
            <FormDialog
              noun="ward" resource="Wards" open={adding !== null} onClose={() => setAdding(null)}
              defaults={{ name: adding ? wardNameOf(adding) : '', type: WardType.DEPARTMENT }}
            >
              <WardInputs />
            </FormDialog>
          </CardContent>
        </Card>
      ) : null}

      {missing.length ? (
        <Alert severity="warning" data-testid="import-missing">
          {missing.map((m) => <div key={m}>{m}</div>)}
        </Alert>
      ) : null}
      {dryRun.isPending ? <LinearProgress aria-label="Checking every row" /> : null}
      {dryRun.error ? <Alert severity="error" data-testid="import-error">{dryRun.error.message}</Alert> : null}
      <Stack direction="row" sx={{ justifyContent: 'flex-end' }}>
        <Button
          variant="contained" startIcon={<PlayArrowIcon />}
          disabled={missing.length > 0 || dryRun.isPending || (mapsLocations && run.locations.length > 0 && (wardList.isPending || siteList.isPending))}
          onClick={() => dryRun.mutate()} data-testid="import-dry-run"
        >
          Dry run
        </Button>
      </Stack>
    </Stack>
  );
};
