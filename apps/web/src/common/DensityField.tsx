import { Typography } from '@mui/material';
import { formatDensity } from '@rollcall/domain';
import { useRecordContext } from 'react-admin';

/** Members ÷ headcount for the record in context ("—" when nobody works there). */
export function densityText(memberCount: unknown, headcount: unknown): string {
  const members = Number(memberCount ?? 0);
  const staff = Number(headcount ?? 0);
  if (!Number.isFinite(members) || !Number.isFinite(staff) || members < 0 || staff < 0) return '—';
  // Members can briefly exceed headcount (a member who has just left); show it as full, not an error.
  return formatDensity(Math.min(members, staff), staff);
}

export const DensityField = (_props: { label?: string; sortable?: boolean; sortBy?: string }) => {
  const record = useRecordContext<{ memberCount?: number; headcount?: number }>();
  if (!record) return null;
  return (
    <Typography component="span" variant="body2" aria-label="Density">
      {densityText(record.memberCount, record.headcount)}
    </Typography>
  );
};

/** "73% · 30 of 41 are members" ("1 of 1 is a member"): a list row's density line on phones. */
export const DensityLine = () => {
  const record = useRecordContext<{ memberCount?: number; headcount?: number }>();
  if (!record) return null;
  return (
    <Typography component="span" variant="body2" color="primary" sx={{ display: 'block' }}>
      {densityText(record.memberCount, record.headcount)} · {record.memberCount ?? 0} of {record.headcount ?? 0}{' '}
      {(record.memberCount ?? 0) === 1 ? 'is a member' : 'are members'}
    </Typography>
  );
};
