import { Chip } from '@mui/material';
import { coverageStatus, type CoverageStatus } from '@rollcall/domain';
import { useRecordContext } from 'react-admin';

const LABELS: Record<CoverageStatus, string> = {
  NO_STAFF: 'No staff',
  NO_REP: 'No rep',
  FAILING: 'Failing (over 1:50)',
  BELOW_TARGET: 'Below 1:20 target',
  ON_TARGET: 'On target',
};

const COLOURS: Record<CoverageStatus, 'default' | 'error' | 'warning' | 'success'> = {
  NO_STAFF: 'default',
  NO_REP: 'error',
  FAILING: 'error',
  BELOW_TARGET: 'warning',
  ON_TARGET: 'success',
};

/** Rep coverage of a ward: the usual target is one rep per 20 workers. */
export const CoverageField = (_props: { label?: string; sortable?: boolean }) => {
  const record = useRecordContext<{ repCount?: number; headcount?: number }>();
  if (!record) return null;
  const status = coverageStatus(Math.max(0, record.repCount ?? 0), Math.max(0, record.headcount ?? 0));
  return <Chip size="small" label={LABELS[status]} color={COLOURS[status]} variant="outlined" />;
};
