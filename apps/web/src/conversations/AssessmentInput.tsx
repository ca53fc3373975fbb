import { Box } from '@mui/material';
import { ASSESSMENT_LABELS, ASSESSMENTS, assessmentDescription, type Assessment } from '@rollcall/domain';
import { SegmentedInput, type SegmentChoice } from '../common/SegmentedInput';

/** "1" over "Leader", read (and named) as "1 Leader": the space between them is in the text, not the layout. */
const CHOICES: SegmentChoice<Assessment>[] = ASSESSMENTS.map((a) => ({
  id: a,
  content: (
    <Box component="span" sx={{ display: 'flex', flexDirection: 'column', alignItems: 'center' }}>
      <Box component="span" sx={{ fontSize: '1.1rem', fontWeight: 700 }}>
        {a}
      </Box>{' '}
      <Box component="span" sx={{ fontSize: '0.7rem', whiteSpace: 'normal' }}>
        {ASSESSMENT_LABELS[a]}
      </Box>
    </Box>
  ),
}));

/** Where they stand after the conversation, 1 (leader) to 5 (opposed): kept in their history. */
export const AssessmentInput = () => (
  <SegmentedInput<Assessment>
    source="assessment"
    label="Assessment"
    choices={CHOICES}
    helperText={(value) => (value ? assessmentDescription(value) : 'Where they stand now (leave blank if unsure)')}
  />
);
