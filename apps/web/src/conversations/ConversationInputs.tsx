import ExpandMoreIcon from '@mui/icons-material/ExpandMore';
import { Box, Button, Collapse, Typography } from '@mui/material';
import { ConversationChannel, CONVERSATION_CHANNEL_LABELS, CONVERSATION_TYPE_LABELS, ConversationType } from '@rollcall/domain';
import { useState, type ReactNode } from 'react';
import { DateTimeInput, TextInput } from 'react-admin';
import { useFormState, useWatch } from 'react-hook-form';
import { CHANNEL_CHOICES, CONVERSATION_TYPE_CHOICES, labelOf } from '../choices';
import { ChipToggleInput } from '../common/ChipToggleInput';
import { formatDateTime } from '../common/dates';
import { conversationNotes, conversationText } from '../validation';
import { AeiouInput } from './AeiouInput';
import { AnswerInput } from './AnswerInput';
import { AskInput } from './AskInput';
import { AssessmentInput } from './AssessmentInput';
import { FollowUpDateInput } from './FollowUpDateInput';
import { IssueTagsInput } from './IssueTagsInput';

/** A `datetime-local` value (the browser's time) as the instant the API stores. */
const toInstant = (value: unknown) => {
  if (typeof value !== 'string' || !value) return null;
  const at = new Date(value);
  return Number.isNaN(at.getTime()) ? value : at.toISOString();
};

/** A part of the form that starts folded away (on the quick log), with a summary on its button. */
const Optional = ({ label, summary, open, fields, children }: { label: string; summary?: ReactNode; open: boolean; fields: string[]; children: ReactNode }) => {
  const [toggled, setShown] = useState(open);
  // A field in here with an error (e.g. the server's) unfolds it, so the error is seen.
  const { errors } = useFormState({ name: fields });
  const shown = toggled || fields.some((f) => !!errors[f]);
  return (
    <Box sx={{ mb: 1 }}>
      {!open && (
        <Button
          size="small"
          onClick={() => setShown((s) => !s)}
          aria-expanded={shown}
          endIcon={<ExpandMoreIcon sx={{ transform: shown ? 'rotate(180deg)' : 'none', transition: 'transform 150ms' }} />}
          sx={{ textTransform: 'none', px: 0.5 }}
        >
          {label}
          {summary ? (
            <Typography component="span" variant="body2" color="text.secondary" sx={{ ml: 1 }}>
              {summary}
            </Typography>
          ) : null}
        </Button>
      )}
      <Collapse in={shown} unmountOnExit={false}>
        <Box sx={{ pt: open ? 0 : 1 }}>{children}</Box>
      </Collapse>
    </Box>
  );
};

/** "In person · one-to-one · now": how and when, at a glance, while the details are folded away. */
const HowSummary = () => {
  const channel = useWatch({ name: 'channel' }) as string | undefined;
  const type = useWatch({ name: 'type' }) as string | undefined;
  const occurredAt = useWatch({ name: 'occurredAt' }) as string | undefined;
  return (
    <>
      {[
        labelOf(CONVERSATION_CHANNEL_LABELS, channel ?? ConversationChannel.IN_PERSON),
        labelOf(CONVERSATION_TYPE_LABELS, type ?? ConversationType.ONE_TO_ONE).toLowerCase(),
        occurredAt ? formatDateTime(occurredAt) : 'now',
      ].join(' · ')}
    </>
  );
};

/**
 * A conversation's inputs, most used first, all on one screen: issues, AEIOU steps, assessment,
 * the ask and the answer, next step and follow-up. Notes and how/when (in person, one-to-one, now
 * by default) are folded away on the quick log (`quick`) and open when editing. `focusIssues`: the
 * issues are the first thing to fill (the person is already chosen), so they take the focus.
 */
export const ConversationInputs = ({ quick = false, focusIssues = false }: { quick?: boolean; focusIssues?: boolean }) => (
  <>
    <IssueTagsInput autoFocus={focusIssues} />
    <AeiouInput />
    <AssessmentInput />
    <AskInput />
    <AnswerInput />
    <TextInput source="nextStep" label="Next step" validate={conversationText} fullWidth helperText={false} sx={{ mb: 2 }} />
    <FollowUpDateInput />
    <Optional label="Notes" open={!quick} fields={['notes']}>
      <TextInput source="notes" label="Notes" validate={conversationNotes} multiline minRows={3} fullWidth helperText="About the person: kept confidential to your branch" />
    </Optional>
    <Optional label="How and when" summary={<HowSummary />} open={!quick} fields={['channel', 'type', 'occurredAt']}>
      <ChipToggleInput source="channel" label="Channel" choices={CHANNEL_CHOICES} multiple={false} />
      <ChipToggleInput source="type" label="Type" choices={CONVERSATION_TYPE_CHOICES} multiple={false} />
      <DateTimeInput source="occurredAt" label="When" parse={toInstant} helperText={quick ? 'Blank: now' : false} />
    </Optional>
  </>
);
