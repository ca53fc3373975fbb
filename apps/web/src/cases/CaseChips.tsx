import { Chip } from '@mui/material';
import { CaseStatus } from '@rollcall/domain';
import { caseStatusText, daysLeftText } from './caseText';

/** A case's status: closed muted, open ones coloured. */
export const CaseStatusChip = ({ status }: { status: string }) => (
  <Chip
    size="small"
    label={caseStatusText(status)}
    color={status === CaseStatus.CLOSED ? 'default' : status === CaseStatus.OPEN ? 'primary' : 'info'}
    variant={status === CaseStatus.CLOSED ? 'outlined' : 'filled'}
  />
);

/** How long is left to a deadline: overdue in red, a week or less in amber; a computed limit gone by, muted. */
export const DaysLeftChip = ({ daysLeft, done = false, passed = false }: { daysLeft: number; done?: boolean; passed?: boolean }) =>
  done ? (
    <Chip size="small" variant="outlined" label="Done" />
  ) : passed ? (
    <Chip size="small" variant="outlined" label={daysLeftText(daysLeft, true)} />
  ) : (
    <Chip
      size="small"
      label={daysLeftText(daysLeft)}
      color={daysLeft < 0 ? 'error' : daysLeft <= 7 ? 'warning' : 'default'}
      variant={daysLeft < 0 || daysLeft <= 7 ? 'filled' : 'outlined'}
    />
  );

/** A date counted over bank holidays not yet verified for its year. */
export const UnverifiedChip = () => <Chip size="small" color="warning" variant="outlined" label="Unverified: check the bank holidays" />;
