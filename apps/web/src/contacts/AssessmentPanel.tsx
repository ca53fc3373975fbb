import { Button, List, ListItem, ListItemText, Stack, Typography } from '@mui/material';
import { assessmentDescription, isAssessment } from '@rollcall/domain';
import { useState } from 'react';
import { useRecordContext } from 'react-admin';
import { AssessmentChip } from '../organising/AssessmentChip';
import { assessmentText } from '../organising/assessmentStyle';
import { formatDay } from '../common/dates';
import { TitledSection } from '../common/TitledSection';
import { Permission, useCan } from '../permissions';
import { AssessDialog } from './AssessDialog';
import { AssessmentChart } from './AssessmentChart';

interface AssessmentEntry {
  id: string;
  value: number;
  assessedAt: string;
  assessedByName?: string | null;
  conversationId?: string | null;
}

/** Where the contact stands (1 leader … 5 opposed), how that changed over time, and who judged it. */
export const AssessmentPanel = () => {
  const record = useRecordContext<{ id: string; fullName: string; assessment?: number | null; assessmentHistory?: AssessmentEntry[] }>();
  const canAssess = useCan(Permission.PEOPLE_WRITE);
  const [assessing, setAssessing] = useState(false);
  if (!record) return null;
  const history = record.assessmentHistory ?? [];
  const current = record.assessment ?? null;
  return (
    <TitledSection
      title="Assessment"
      actions={
        canAssess && (
          <Button size="small" variant="outlined" onClick={() => setAssessing(true)}>
            Assess
          </Button>
        )
      }
    >
      <Stack direction="row" spacing={1} sx={{ alignItems: 'center', mb: 1 }}>
        <AssessmentChip value={current} size="medium" />
      </Stack>
      <Typography variant="body2" color="text.secondary" sx={{ mb: 1 }}>
        {assessmentDescription(isAssessment(current) ? current : null)}
      </Typography>
      {history.length > 0 && (
        <>
          <AssessmentChart history={history} />
          <List dense disablePadding aria-label="Assessment history">
            {history.slice(0, 5).map((h) => (
              <ListItem key={h.id} disableGutters divider>
                <ListItemText
                  primary={assessmentText(h.value)}
                  secondary={[formatDay(h.assessedAt), h.assessedByName ? `by ${h.assessedByName}` : null, h.conversationId ? 'after a conversation' : null]
                    .filter(Boolean)
                    .join(' · ')}
                />
              </ListItem>
            ))}
          </List>
          {history.length > 5 && (
            <Typography variant="caption" color="text.secondary">
              and {history.length - 5} earlier (on the timeline)
            </Typography>
          )}
        </>
      )}
      {assessing && <AssessDialog contactId={record.id} name={record.fullName} current={current} onClose={() => setAssessing(false)} />}
    </TitledSection>
  );
};
