import { useTheme } from '@mui/material';
import { ASSESSMENT_LABELS, ASSESSMENTS } from '@rollcall/domain';
import { formatDay, formatShortDay } from '../common/dates';
import { ASSESSMENT_COLOURS } from '../organising/assessmentStyle';

export interface AssessmentPoint {
  value: number;
  assessedAt: string;
}

const W = 340;
const H = 150;
const LEFT = 96;
const RIGHT = 12;
const TOP = 10;
const BOTTOM = 24;

/**
 * The assessment history as a step chart: time across (oldest to now), the scale down (1 leader at
 * the top … 5 opposed at the bottom), each assessment a dot in its colour, held until the next.
 * Plain SVG that scales to its box; the numbers are in the list beside it for screen readers.
 */
export const AssessmentChart = ({ history, now = new Date() }: { history: readonly AssessmentPoint[]; now?: Date }) => {
  const theme = useTheme();
  const points = [...history]
    .map((h) => ({ value: h.value, at: new Date(h.assessedAt).getTime() }))
    .filter((p) => Number.isFinite(p.at) && p.value >= 1 && p.value <= 5)
    .sort((a, b) => a.at - b.at);
  if (points.length === 0) return null;
  const start = points[0].at;
  const end = Math.max(now.getTime(), points[points.length - 1].at);
  // A single assessment still gets a line: from a day before it to now.
  const span = Math.max(end - start, 24 * 3600 * 1000);
  const x = (t: number) => LEFT + ((t - start) / span) * (W - LEFT - RIGHT);
  const y = (v: number) => TOP + ((v - 1) / 4) * (H - TOP - BOTTOM);
  let path = `M ${x(points[0].at)} ${y(points[0].value)}`;
  for (let i = 1; i < points.length; i++) path += ` H ${x(points[i].at)} V ${y(points[i].value)}`;
  path += ` H ${x(end)}`;
  const latest = points[points.length - 1];
  const grey = theme.palette.text.secondary;
  return (
    <svg
      viewBox={`0 0 ${W} ${H}`}
      width="100%"
      role="img"
      aria-label={`Assessment over time: ${points.length} assessment${points.length === 1 ? '' : 's'}, now ${latest.value} (${ASSESSMENT_LABELS[latest.value as 1]})`}
      data-testid="assessment-chart"
      style={{ display: 'block', maxWidth: 520, fontFamily: theme.typography.fontFamily }}
    >
      {ASSESSMENTS.map((a) => (
        <g key={a}>
          <line x1={LEFT} x2={W - RIGHT} y1={y(a)} y2={y(a)} stroke={theme.palette.divider} strokeDasharray={a === 3 ? '0' : '3 3'} />
          <circle cx={8} cy={y(a)} r={4} fill={ASSESSMENT_COLOURS[a].bg} />
          <text x={16} y={y(a)} dy="0.35em" fontSize={11} fill={grey}>
            {a} {ASSESSMENT_LABELS[a]}
          </text>
        </g>
      ))}
      <path d={path} fill="none" stroke={theme.palette.primary.main} strokeWidth={2.5} strokeLinejoin="round" />
      {points.map((p, i) => (
        <circle key={i} cx={x(p.at)} cy={y(p.value)} r={5} fill={ASSESSMENT_COLOURS[p.value as 1].bg} stroke="#fff" strokeWidth={1.5}>
          <title>{`${formatDay(new Date(p.at))}: ${p.value} ${ASSESSMENT_LABELS[p.value as 1]}`}</title>
        </circle>
      ))}
      <text x={LEFT} y={H - 6} fontSize={11} fill={grey}>
        {formatShortDay(start)}
      </text>
      <text x={W - RIGHT} y={H - 6} fontSize={11} fill={grey} textAnchor="end">
        Today
      </text>
    </svg>
  );
};
