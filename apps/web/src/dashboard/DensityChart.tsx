import { Typography, useTheme } from '@mui/material';
import { PercentBars } from '../common/PercentBars';
import type { SiteDensityRow } from './densityRows';

const BAR = 34;
/** More bars than this make the dashboard a scroll: the chart shows the lowest, the table all of them. */
export const MOST_BARS = 12;

/** A site's name over as many lines as it needs (an SVG tick does not wrap by itself). */
function lines(name: string, width: number): string[] {
  const perLine = Math.max(8, Math.floor(width / 7));
  const out: string[] = [];
  for (const word of name.split(/\s+/)) {
    const last = out.length - 1;
    if (last >= 0 && (out[last] + ' ' + word).length <= perLine) out[last] += ' ' + word;
    else out.push(word);
  }
  return out;
}

interface TickProps {
  x?: number | string;
  y?: number | string;
  payload?: { value: string };
  width: number;
}

const SiteTick = ({ x = 0, y = 0, payload, width }: TickProps) => {
  const theme = useTheme();
  const rows = lines(payload?.value ?? '', width);
  return (
    <text x={Number(x) - 6} y={Number(y)} textAnchor="end" fill={theme.palette.text.primary} fontSize={12}>
      {rows.map((line, i) => (
        <tspan key={i} x={Number(x) - 6} dy={i === 0 ? `${0.35 - (rows.length - 1) * 0.6}em` : '1.2em'}>
          {line}
        </tspan>
      ))}
    </text>
  );
};

/**
 * Density by site as horizontal bars (site names stay readable on a phone), lowest first. A picture
 * for sighted readers: the table beside it carries the same figures for everyone.
 */
export const DensityChart = ({ rows, small }: { rows: SiteDensityRow[]; small: boolean }) => {
  const shown = rows.filter((r) => r.density !== null);
  const axis = small ? 110 : 170;
  if (shown.length === 0) return null;
  return (
    <div role="img" aria-label="Bar chart of membership density by site: the table has the same figures" data-testid="density-chart">
      {shown.length > MOST_BARS && (
        <Typography variant="caption" color="text.secondary" component="p">
          The {MOST_BARS} lowest of {shown.length} sites
        </Typography>
      )}
      <PercentBars bars={shown.slice(0, MOST_BARS).map((r) => ({ name: r.site.name, density: r.density }))} barSize={BAR} gap={12} marginRight={40}
        axis={{ width: axis, tick: <SiteTick width={axis} /> }} />
    </div>
  );
};
