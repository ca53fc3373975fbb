import { Chip } from '@mui/material';
import { FollowUpState } from '@rollcall/domain';
import { formatDay } from '../common/dates';

interface FollowUp {
  followUpDate?: string | null;
  followUpState?: string | null;
  daysOverdue?: number;
}

/** A follow-up's state: "3 days overdue" in red, "Due today", "Due 25 Nov", "Done". */
export const FollowUpChip = ({ followUp }: { followUp: FollowUp }) => {
  const { followUpDate, followUpState, daysOverdue = 0 } = followUp;
  if (!followUpDate || !followUpState) return null;
  switch (followUpState) {
    case FollowUpState.OVERDUE:
      return <Chip size="small" color="error" label={`${daysOverdue} day${daysOverdue === 1 ? '' : 's'} overdue`} data-testid="follow-up-state" />;
    case FollowUpState.DUE_TODAY:
      return <Chip size="small" color="warning" label="Due today" data-testid="follow-up-state" />;
    case FollowUpState.DONE:
      return <Chip size="small" color="success" variant="outlined" label="Done" data-testid="follow-up-state" />;
    default:
      return <Chip size="small" variant="outlined" label={`Due ${formatDay(followUpDate)}`} data-testid="follow-up-state" />;
  }
};
