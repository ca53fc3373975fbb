import { useTheme } from '@mui/material';
import type { ReactElement } from 'react';
import { Bar, BarChart, CartesianGrid, LabelList, XAxis, YAxis } from 'recharts';

/** A bar: its name and density (0–1); a bar whose density is null is left out. */
export interface PercentBar {
  name: string;
  density: number | null;
}

/**
 * Horizontal density bars on a 0–100% axis, each labelled with its percentage, names down the left:
 * the bar chart of the dashboard's density by site and of the density pages. Bars `barSize` px thick
 * and `gap` px apart; `axis`: the name axis's width and how it draws a name (a `tick` of its own, or
 * `tickFormatter` and `fontSize`). The caller wraps it (its role and label) and shows nothing when no
 * bar has a density.
 */
export const PercentBars = ({ bars, barSize, gap, marginRight, axis }: {
  bars: PercentBar[];
  barSize: number;
  gap: number;
  marginRight: number;
  axis: { width: number; tick?: ReactElement; tickFormatter?: (name: string) => string; fontSize?: number };
}) => {
  const theme = useTheme();
  const data = bars.filter((b) => b.density !== null).map((b) => {
    const value = Math.round((b.density ?? 0) * 100);
    return { name: b.name, value, label: `${value}%` };
  });
  return (
    <BarChart
      layout="vertical"
      data={data}
      responsive
      accessibilityLayer={false}
      style={{ width: '100%', height: data.length * (barSize + gap) + 40 }}
      margin={{ top: 4, right: marginRight, bottom: 4, left: 4 }}
    >
      <CartesianGrid horizontal={false} strokeDasharray="3 3" />
      <XAxis type="number" domain={[0, 100]} ticks={[0, 25, 50, 75, 100]} tickFormatter={(v: number) => `${v}%`} fontSize={12} />
      <YAxis type="category" dataKey="name" interval={0} {...axis} />
      <Bar dataKey="value" fill={theme.palette.primary.main} barSize={barSize} isAnimationActive={false}>
        <LabelList dataKey="label" position="right" fontSize={12} fill={theme.palette.text.primary} />
      </Bar>
    </BarChart>
  );
};
