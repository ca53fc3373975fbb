import { Chip, Tooltip } from '@mui/material';
import { assessmentDescription, isAssessment } from '@rollcall/domain';
import { useRecordContext } from 'react-admin';
import { ASSESSMENT_COLOURS, assessmentText } from './assessmentStyle';

/** A contact's (or a conversation's) assessment as a coloured chip; "Not assessed" outlined. */
export const AssessmentChip = ({ value, size = 'small' }: { value: unknown; size?: 'small' | 'medium' }) => {
  if (!isAssessment(value)) {
    return <Chip size={size} variant="outlined" label={assessmentText(null)} data-testid="assessment-chip" />;
  }
  const colour = ASSESSMENT_COLOURS[value];
  return (
    <Tooltip title={assessmentDescription(value)}>
      <Chip
        size={size}
        label={assessmentText(value)}
        sx={{ bgcolor: colour.bg, color: colour.fg }}
        data-testid="assessment-chip"
      />
    </Tooltip>
  );
};

/** The record's `assessment`, for Datagrids and SimpleLists. */
export const AssessmentField = (_props: { label?: string; sortable?: boolean; sortBy?: string; source?: string }) => {
  const record = useRecordContext<{ assessment?: number | null }>();
  if (!record) return null;
  return <AssessmentChip value={record.assessment ?? null} />;
};
