import ExpandMoreIcon from '@mui/icons-material/ExpandMore';
import {
  Accordion,
  AccordionDetails,
  AccordionSummary,
  Box,
  FormControlLabel,
  Switch,
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableRow,
  Typography,
} from '@mui/material';
import { useState } from 'react';
import { useRecordContext } from 'react-admin';
import { formatTime, type AuditEventRecord } from './auditActions';

type Snapshot = Record<string, unknown> | null | undefined;

export interface DiffRow {
  key: string;
  before: unknown;
  after: unknown;
  changed: boolean;
}

const isObject = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === 'object' && !Array.isArray(v);

/** Every key of either snapshot, in the order the record lists them, with whether its value changed. */
export function diffRows(before: Snapshot, after: Snapshot): DiffRow[] {
  const b = isObject(before) ? before : {};
  const a = isObject(after) ? after : {};
  const both = isObject(before) && isObject(after);
  const keys = [...new Set([...Object.keys(a), ...Object.keys(b)])];
  return keys.map((key) => ({
    key,
    before: b[key],
    after: a[key],
    // When both snapshots exist, a key only one of them recorded is unknown, not a change.
    changed: (!both || (key in a && key in b)) && JSON.stringify(b[key] ?? null) !== JSON.stringify(a[key] ?? null),
  }));
}

/** "jobTitle" → "Job title", "wardId" → "Ward id". */
export function humanise(key: string): string {
  const words = key.replace(/([a-z0-9])([A-Z])/g, '$1 $2').replace(/_/g, ' ').toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

const INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/;

function show(value: unknown): string {
  if (value === undefined) return 'not recorded';
  if (value === null || value === '') return '—';
  if (typeof value === 'string' && INSTANT.test(value)) return formatTime(value);
  if (typeof value === 'boolean') return value ? 'Yes' : 'No';
  if (typeof value === 'object') return JSON.stringify(value);
  return String(value);
}

const CELL_SX = { verticalAlign: 'top', wordBreak: 'break-word' } as const;

/** What changed: field, before and after side by side, changed rows highlighted; the raw JSON below. */
export const AuditDiff = () => {
  const record = useRecordContext<AuditEventRecord>();
  const [showUnchanged, setShowUnchanged] = useState(false);
  if (!record) return null;
  const { before, after } = record;
  if (!before && !after) {
    return (
      <Typography variant="body2" color="text.secondary">
        No record snapshot for this event.
      </Typography>
    );
  }
  const rows = diffRows(before, after);
  const changed = rows.filter((r) => r.changed);
  const visible = showUnchanged ? rows : changed;
  return (
    <Box>
      <Box sx={{ display: 'flex', alignItems: 'center', flexWrap: 'wrap', gap: 1, mb: 1 }}>
        <Typography variant="h6" component="h2" sx={{ flex: 1 }}>
          Changes
        </Typography>
        <FormControlLabel
          control={<Switch size="small" checked={showUnchanged} onChange={(e) => setShowUnchanged(e.target.checked)} />}
          label={`Show unchanged fields (${rows.length - changed.length})`}
        />
      </Box>
      {visible.length === 0 ? (
        <Typography variant="body2" color="text.secondary">
          No field changed.
        </Typography>
      ) : (
        <Box sx={{ overflowX: 'auto' }}>
          <Table size="small" aria-label="Changes" sx={{ tableLayout: 'fixed', minWidth: 320 }}>
            <TableHead>
              <TableRow>
                <TableCell sx={{ width: '28%' }}>Field</TableCell>
                <TableCell>Before</TableCell>
                <TableCell>After</TableCell>
              </TableRow>
            </TableHead>
            <TableBody>
              {visible.map((row) => (
                <TableRow
                  key={row.key}
                  data-changed={row.changed || undefined}
                  sx={row.changed ? { bgcolor: 'rgba(255, 193, 7, 0.12)' } : { color: 'text.secondary' }}
                >
                  <TableCell component="th" scope="row" sx={{ ...CELL_SX, fontWeight: row.changed ? 600 : 400 }}>
                    {humanise(row.key)}
                  </TableCell>
                  <TableCell
                    sx={{ ...CELL_SX, ...(row.changed && before ? { color: 'error.dark', textDecoration: 'line-through' } : {}) }}
                  >
                    {show(row.before)}
                  </TableCell>
                  <TableCell sx={{ ...CELL_SX, ...(row.changed && after ? { color: 'success.dark', fontWeight: 500 } : {}) }}>
                    {show(row.after)}
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </Box>
      )}
      <Accordion variant="outlined" disableGutters sx={{ mt: 2 }}>
        <AccordionSummary expandIcon={<ExpandMoreIcon />}>
          <Typography variant="body2">Raw JSON</Typography>
        </AccordionSummary>
        <AccordionDetails>
          {(['before', 'after'] as const).map((side) => (
            <Box key={side} sx={{ mb: 1 }}>
              <Typography variant="caption" component="h3" sx={{ fontWeight: 600, textTransform: 'capitalize' }}>
                {side}
              </Typography>
              <Box
                component="pre"
                sx={{ m: 0, p: 1, bgcolor: 'grey.100', borderRadius: 1, fontSize: 12, overflowX: 'auto', whiteSpace: 'pre-wrap', wordBreak: 'break-all' }}
              >
                {JSON.stringify(record[side] ?? null, null, 2)}
              </Box>
            </Box>
          ))}
        </AccordionDetails>
      </Accordion>
    </Box>
  );
};
