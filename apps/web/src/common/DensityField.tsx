import { Typography } from '@mui/material';
import { formatDensity } from '@rollcall/domain';
import { useRecordContext } from 'react-admin';

/** Shown where the API withholds a figure (null): a ward's or site's counts from a caller who does not see its people. */
export const WITHHELD = 'withheld';
const withheldTitle = 'Withheld: you see aggregates only here (see Line-up and density slices for suppressed figures)';

/** A count of the record in context, or "withheld" where the API gives null. */
export const CountField = ({ source }: { source: 'headcount' | 'memberCount' | 'repCount'; label?: string; sortable?: boolean; sortBy?: string }) => {
  const record = useRecordContext<Record<string, unknown>>();
  if (!record) return null;
  const value = record[source];
  if (value === null) return <Typography component="span" variant="body2" color="text.secondary" title={withheldTitle}>{WITHHELD}</Typography>;
  return <Typography component="span" variant="body2">{typeof value === 'number' ? value.toLocaleString('en-GB') : ''}</Typography>;
};

/** Members ÷ headcount for the record in context ("—" when nobody works there). */
export function densityText(memberCount: unknown, headcount: unknown): string {
  const members = Number(memberCount ?? 0);
  const staff = Number(headcount ?? 0);
  if (!Number.isFinite(members) || !Number.isFinite(staff) || members < 0 || staff < 0) return '—';
  // Members can briefly exceed headcount (a member who has just left); show it as full, not an error.
  return formatDensity(Math.min(members, staff), staff);
}

export const DensityField = (_props: { label?: string; sortable?: boolean; sortBy?: string }) => {
  const record = useRecordContext<{ memberCount?: number | null; headcount?: number | null }>();
  if (!record) return null;
  if (record.headcount === null) return <Typography component="span" variant="body2" color="text.secondary" aria-label="Density" title={withheldTitle}>{WITHHELD}</Typography>;
  return (
    <Typography component="span" variant="body2" aria-label="Density">
      {densityText(record.memberCount, record.headcount)}
    </Typography>
  );
};

/** "73% · 30 of 41 are members" ("1 of 1 is a member"): a list row's density line on phones. */
export const DensityLine = () => {
  const record = useRecordContext<{ memberCount?: number | null; headcount?: number | null }>();
  if (!record) return null;
  if (record.headcount === null) return <Typography component="span" variant="body2" color="text.secondary" sx={{ display: 'block' }}>Figures withheld (aggregates only)</Typography>;
  return (
    <Typography component="span" variant="body2" color="primary" sx={{ display: 'block' }}>
      {densityText(record.memberCount, record.headcount)} · {record.memberCount ?? 0} of {record.headcount ?? 0}{' '}
      {(record.memberCount ?? 0) === 1 ? 'is a member' : 'are members'}
    </Typography>
  );
};
