import { Box, Button, Stack, Table, TableBody, TableCell, TableHead, TableRow, Typography, useTheme } from '@mui/material';
import { visuallyHidden } from '@mui/utils';
import { type ReactNode, useState } from 'react';
import { CartesianGrid, Line, LineChart, Tooltip, XAxis, YAxis } from 'recharts';
import { formatDay } from '../common/dates';
import { PercentBars } from '../common/PercentBars';
import { figure, percent } from './sliceTypes';

/** One bar: a name, its density (null: withheld or nobody to count), and what the table says of it. */
export interface Bar {
  id: string;
  name: string;
  density: number | null;
}

const BAR = 26;

/** A name cut to fit an axis (the table has it whole). */
const short = (name: string, max: number) => (name.length > max ? `${name.slice(0, max - 1)}…` : name);

/**
 * Horizontal density bars, 0–100%. A picture for sighted readers: its SVG is hidden from screen
 * readers, whose table (TableView) carries the same figures.
 */
export const DensityBars = ({ bars, label, small, testId }: { bars: Bar[]; label: string; small: boolean; testId: string }) => {
  if (!bars.some((b) => b.density !== null)) return null;
  const axis = small ? 120 : 180;
  return (
    <Box role="img" aria-label={`${label}: bar chart; the table has the same figures`} data-testid={testId}>
      <Box aria-hidden sx={{ width: '100%' }}>
        <PercentBars bars={bars} barSize={BAR} gap={10} marginRight={44}
          axis={{ width: axis, fontSize: 12, tickFormatter: (v: string) => short(v, small ? 17 : 26) }} />
      </Box>
    </Box>
  );
};

/**
 * A chart's table: always there for screen readers, shown to everyone with "Show as table".
 */
export const TableView = ({ children, what, open = false }: { children: ReactNode; what: string; open?: boolean }) => {
  const [toggled, setShown] = useState(false);
  // Without a chart (everything withheld, say) the table is all there is: shown.
  const shown = open || toggled;
  return (
    <Box>
      {!open && (
        <Button size="small" onClick={() => setShown((s) => !s)} aria-expanded={shown} sx={{ mt: 0.5 }}>
          {shown ? 'Hide the table' : 'Show as table'}
        </Button>
      )}
      <Box sx={shown ? { overflowX: 'auto', width: 0, minWidth: '100%', position: 'relative' } : visuallyHidden} data-testid={`${what}-table`} data-shown={shown}>
        {children}
      </Box>
    </Box>
  );
};

/**
 * The heat map's five steps of density (0–20%, 20–40% … 80–100%), pale to deep blue, each with the
 * text colour that reads on it at 4.5:1 or better (a smooth scale has a middle where neither does).
 */
const STEPS = [
  { bg: '#e3f2fd', fg: '#0b1f3a' },
  { bg: '#bbdefb', fg: '#0b1f3a' },
  { bg: '#64b5f6', fg: '#0b1f3a' },
  { bg: '#1976d2', fg: '#ffffff' },
  { bg: '#0d47a1', fg: '#ffffff' },
];
const heat = (d: number) => STEPS[Math.min(STEPS.length - 1, Math.max(0, Math.floor(d * STEPS.length)))];

export interface HeatCell {
  density: number | null;
  headcount: number | null;
  members: number | null;
  /** Why it is withheld, if it is. */
  withheld?: string | null;
}

/**
 * A coloured grid that is itself the table: a row per `rows` value, a column per `columns` value,
 * the density in each cell (headcount and members in its title), a blank cell where nobody is.
 */
export const HeatMap = ({ caption, rowHeading, rows, columns, cell, testId }: {
  caption: string;
  rowHeading: string;
  rows: { id: string; name: ReactNode }[];
  columns: { id: string; name: string }[];
  cell: (row: string, column: string) => HeatCell | undefined;
  testId: string;
}) => (
  // position: relative keeps the visually hidden text of cells far right inside the scrolling box (not widening the page)
  <Box role="region" aria-label={caption} tabIndex={0} sx={{ overflowX: 'auto', width: 0, minWidth: '100%', position: 'relative' }} data-testid={testId}>
    <Table size="small" sx={{ borderCollapse: 'separate', borderSpacing: 2, '& td, & th': { px: 1, py: 0.5, border: 0 } }}>
      <caption style={visuallyHidden as React.CSSProperties}>{caption}: density (members ÷ staff); a blank cell has nobody</caption>
      <TableHead>
        <TableRow>
          <TableCell component="th" scope="col">{rowHeading}</TableCell>
          {columns.map((c) => (
            <TableCell key={c.id} component="th" scope="col" align="center" sx={{ fontSize: 12, lineHeight: 1.2, minWidth: 64 }}>
              {c.name}
            </TableCell>
          ))}
        </TableRow>
      </TableHead>
      <TableBody>
        {rows.map((r) => (
          <TableRow key={r.id}>
            <TableCell component="th" scope="row" sx={{ fontSize: 13, minWidth: 120 }}>{r.name}</TableCell>
            {columns.map((c) => {
              const v = cell(r.id, c.id);
              if (!v || (!v.withheld && !v.headcount)) return <TableCell key={c.id} data-testid="heat-cell" />;
              if (v.withheld) {
                return (
                  <TableCell key={c.id} align="center" data-testid="heat-cell" title={v.withheld} sx={{ bgcolor: 'grey.200', fontSize: 12, fontStyle: 'italic' }}>
                    withheld
                  </TableCell>
                );
              }
              const { bg, fg } = heat(v.density ?? 0);
              const title = `${figure(v.members)} members of ${figure(v.headcount)} staff`;
              return (
                <TableCell key={c.id} align="center" data-testid="heat-cell" title={title} sx={{ bgcolor: bg, color: fg, fontWeight: 600, fontVariantNumeric: 'tabular-nums' }}>
                  {percent(v.density)}
                  <Box component="span" sx={visuallyHidden}> ({title})</Box>
                </TableCell>
              );
            })}
          </TableRow>
        ))}
      </TableBody>
    </Table>
    <Stack direction="row" aria-hidden sx={{ alignItems: 'center', mt: 1, fontSize: 12, color: 'text.secondary', gap: 0.25 }}>
      {STEPS.map((step, i) => (
        <Box key={step.bg} sx={{ bgcolor: step.bg, color: step.fg, px: 0.75, py: 0.25, fontSize: 11, whiteSpace: 'nowrap' }}>
          {i * 20}–{(i + 1) * 20}%
        </Box>
      ))}
    </Stack>
  </Box>
);

/** A day's point on the trend: density null where that day has no snapshot (a gap, not zero) or is withheld. */
export interface TrendPoint {
  day: string;
  density: number | null;
}

/** Density over time: a line with gaps on days without a snapshot. Hidden from screen readers (the table has it). */
export const TrendLine = ({ points, label }: { points: TrendPoint[]; label: string }) => {
  const theme = useTheme();
  const data = points.map((p) => ({ day: p.day, value: p.density === null ? null : Math.round(p.density * 1000) / 10 }));
  // A few snapshots among gaps would draw no line at all: dots show each one.
  const dots = data.filter((d) => d.value !== null).length <= 60;
  return (
    <Box role="img" aria-label={`${label}: line chart; the table has the same figures`} data-testid="trend-chart">
      <Box aria-hidden>
        <LineChart data={data} responsive accessibilityLayer={false} style={{ width: '100%', height: 240 }} margin={{ top: 8, right: 16, bottom: 4, left: 0 }}>
          <CartesianGrid strokeDasharray="3 3" />
          <XAxis dataKey="day" fontSize={12} minTickGap={32} tickFormatter={(d: string) => formatDay(d).replace(/ \d{4}$/, '')} />
          <YAxis domain={[0, 100]} ticks={[0, 25, 50, 75, 100]} tickFormatter={(v: number) => `${v}%`} fontSize={12} width={44} />
          <Tooltip formatter={(v) => (v === null || v === undefined ? 'no snapshot' : `${String(v)}%`)} labelFormatter={(d) => formatDay(String(d))} />
          <Line type="monotone" dataKey="value" stroke={theme.palette.primary.main} strokeWidth={2} dot={dots ? { r: 3 } : false} connectNulls={false} isAnimationActive={false} />
        </LineChart>
      </Box>
    </Box>
  );
};

/** A plain table of bars' figures (the charts' table view). */
export const FiguresTable = ({ label, heading, rows }: {
  label: string;
  heading: string;
  rows: { id: string; name: ReactNode; headcount: number | null; members: number | null; density: number | null; withheld?: string | null }[];
}) => (
  <Table size="small" aria-label={label} sx={{ '& td, & th': { px: 1 } }}>
    <TableHead>
      <TableRow>
        <TableCell component="th" scope="col">{heading}</TableCell>
        <TableCell component="th" scope="col" align="right">Members</TableCell>
        <TableCell component="th" scope="col" align="right">Staff</TableCell>
        <TableCell component="th" scope="col" align="right">Density</TableCell>
      </TableRow>
    </TableHead>
    <TableBody>
      {rows.map((r) => (
        <TableRow key={r.id} data-testid="figures-row">
          <TableCell component="th" scope="row">{r.name}</TableCell>
          {r.withheld ? (
            <TableCell colSpan={3} align="right" sx={{ fontStyle: 'italic' }}>{r.withheld}</TableCell>
          ) : (
            <>
              <TableCell align="right">{figure(r.members)}</TableCell>
              <TableCell align="right">{figure(r.headcount)}</TableCell>
              <TableCell align="right">{r.headcount === 0 ? 'no staff' : percent(r.density)}</TableCell>
            </>
          )}
        </TableRow>
      ))}
    </TableBody>
  </Table>
);

export const Caption = ({ children }: { children: ReactNode }) => (
  <Typography variant="caption" color="text.secondary" component="p" sx={{ mt: 0.5 }}>{children}</Typography>
);
