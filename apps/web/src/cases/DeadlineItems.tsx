import EditIcon from '@mui/icons-material/Edit';
import { Box, IconButton, List, ListItem, Stack, Typography } from '@mui/material';
import { formatDay } from '../common/dates';
import { EmptyNote } from '../common/ItemRow';
import { DaysLeftChip, UnverifiedChip } from './CaseChips';
import type { CaseDeadlineRecord } from './caseText';

const DAY = /^\d{4}-\d{2}-\d{2}$/;

/** "proposedDate" → "Proposed date". */
function inputName(key: string): string {
  const words = key.replace(/([a-z0-9])([A-Z])/g, '$1 $2').toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/** A value as people read it: a day as "2 Dec 2026", a code such as ENGLAND_AND_WALES as "England and wales". */
function valueText(value: unknown): string {
  if (typeof value === 'string' && DAY.test(value)) return formatDay(value);
  if (typeof value === 'string' && /^[A-Z][A-Z_]+$/.test(value)) return inputName(value.toLowerCase().replace(/_/g, ' '));
  return String(value);
}

/** The rule's inputs, e.g. "Proposed date 2 Dec 2026 · Working days 5 · Region england-and-wales". */
function inputsText(inputs: Record<string, unknown> | null | undefined): string {
  return Object.entries(inputs ?? {})
    .map(([key, value]) => `${inputName(key)} ${valueText(value)}`)
    .join(' · ');
}

/** One deadline: its label, due day and days left, flagged when unverified, then how it was reached. */
export const DeadlineItem = ({ deadline: d, brief = false }: { deadline: CaseDeadlineRecord; brief?: boolean }) => (
  <Box data-testid="case-deadline" sx={{ minWidth: 0 }}>
    <Stack direction="row" spacing={1} useFlexGap sx={{ alignItems: 'center', flexWrap: 'wrap' }}>
      <Typography component="span" sx={{ fontWeight: 600 }}>
        {d.label}
      </Typography>
      <Typography component="span" variant="body2">
        {formatDay(d.due)}
      </Typography>
      <DaysLeftChip daysLeft={d.daysLeft} done={d.done} passed={d.passed} />
      {!d.verified && <UnverifiedChip />}
    </Stack>
    {!brief && (
      <>
        {d.explanation && (
          <Typography variant="body2" sx={{ mt: 0.5 }}>
            {d.explanation}
          </Typography>
        )}
        {inputsText(d.inputs) && (
          <Typography variant="body2" color="text.secondary">
            From: {inputsText(d.inputs)}
          </Typography>
        )}
        {d.source && (
          <Typography variant="body2" color="text.secondary">
            Rule: {d.source}
          </Typography>
        )}
        {d.caveats?.map((c) => (
          <Typography key={c} variant="body2" color="warning.dark">
            {c}
          </Typography>
        ))}
      </>
    )}
  </Box>
);

/** A case's deadlines, soonest first; `onEdit` (a custom deadline's id) for those who may change them. */
export const DeadlineItems = ({ deadlines, onEdit }: { deadlines: CaseDeadlineRecord[]; onEdit?: (customDeadlineId: string) => void }) => {
  if (deadlines.length === 0) return <EmptyNote>No deadlines yet: they follow from the meetings and the dates on the case.</EmptyNote>;
  const sorted = [...deadlines].sort((a, b) => a.due.localeCompare(b.due));
  return (
    <List dense disablePadding aria-label="Deadlines">
      {sorted.map((d) => (
        <ListItem
          key={d.key}
          disableGutters
          divider
          sx={{ display: 'block', py: 1 }}
          secondaryAction={
            onEdit && d.customDeadlineId ? (
              <IconButton edge="end" aria-label={`Edit deadline: ${d.label}`} onClick={() => onEdit(d.customDeadlineId!)}>
                <EditIcon />
              </IconButton>
            ) : undefined
          }
        >
          <DeadlineItem deadline={d} />
        </ListItem>
      ))}
    </List>
  );
};
