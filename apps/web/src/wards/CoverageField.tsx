import { Chip, Typography } from '@mui/material';
import { coverageStatus } from '@rollcall/domain';
import { useRecordContext } from 'react-admin';
import { WITHHELD } from '../common/DensityField';
import { COVERAGE_COLOURS, COVERAGE_LABELS } from '../coverage/coverageStatus';

/** Rep coverage of a ward: the usual target is one rep per 20 workers. */
export const CoverageField = (_props: { label?: string; sortable?: boolean }) => {
  const record = useRecordContext<{ repCount?: number | null; headcount?: number | null }>();
  if (!record) return null;
  if (record.headcount === null || record.repCount === null) return <Typography component="span" variant="body2" color="text.secondary">{WITHHELD}</Typography>;
  const status = coverageStatus(Math.max(0, record.repCount ?? 0), Math.max(0, record.headcount ?? 0));
  return <Chip size="small" label={COVERAGE_LABELS[status]} color={COVERAGE_COLOURS[status]} variant="outlined" />;
};
