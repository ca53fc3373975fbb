import { Stack, Typography } from '@mui/material';
import { addDays } from '@rollcall/domain';
import { DateInput } from 'react-admin';
import { useFormContext, useWatch } from 'react-hook-form';
import { ToggleChip } from '../common/ToggleChip';
import { ukDayOfInput } from '../common/dates';
import { followUpNotBeforeConversation } from '../validation';

const PICKS = [
  { days: 2, label: '+2 days' },
  { days: 7, label: '+1 week' },
  { days: 14, label: '+2 weeks' },
];

/** When to follow up: one tap for the usual gaps, or any date. */
export const FollowUpDateInput = () => {
  const { setValue } = useFormContext();
  const occurredAt = useWatch({ name: 'occurredAt' });
  const value = useWatch({ name: 'followUpDate' }) as string | null | undefined;
  const from = ukDayOfInput(occurredAt);
  return (
    <Stack role="group" aria-labelledby="follow-up-label" sx={{ mb: 1 }}>
      <Typography id="follow-up-label" variant="subtitle2" component="p" sx={{ mb: 0.75 }}>
        Follow up
      </Typography>
      <Stack direction="row" useFlexGap sx={{ flexWrap: 'wrap', gap: 1, mb: 1.5 }}>
        {PICKS.map(({ days, label }) => {
          const day = addDays(from, days);
          const on = value === day;
          return (
            <ToggleChip
              key={label}
              label={label}
              selected={on}
              onClick={() => setValue('followUpDate', on ? null : day, { shouldDirty: true, shouldValidate: true })}
            />
          );
        })}
      </Stack>
      <DateInput
        source="followUpDate"
        label="Follow-up date"
        validate={followUpNotBeforeConversation}
        helperText="When to speak to them next (on your follow-up list)"
        fullWidth
      />
    </Stack>
  );
};
