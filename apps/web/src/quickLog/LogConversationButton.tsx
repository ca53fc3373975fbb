import AddCommentIcon from '@mui/icons-material/AddComment';
import { Button, IconButton, Tooltip, type ButtonProps } from '@mui/material';
import { useQuickLog, type QuickLogPerson } from './QuickLogContext';

interface LogConversationButtonProps {
  person: QuickLogPerson;
  /** The button's text ("Log conversation", "Log follow-up"). */
  label?: string;
  /** An icon only (in a dense list row); its accessible name still names the person. */
  iconOnly?: boolean;
  variant?: ButtonProps['variant'];
}

/** Opens the quick log with the person already chosen: one tap from a list row or a contact page. */
export const LogConversationButton = ({ person, label = 'Log conversation', iconOnly = false, variant = 'outlined' }: LogConversationButtonProps) => {
  const quickLog = useQuickLog();
  if (!quickLog.enabled) return null;
  const name = `${label} with ${person.fullName}`;
  const open = (event: React.MouseEvent) => {
    event.preventDefault();
    event.stopPropagation();
    quickLog.open(person);
  };
  if (iconOnly) {
    return (
      <Tooltip title={name}>
        <IconButton onClick={open} aria-label={name} color="primary">
          <AddCommentIcon />
        </IconButton>
      </Tooltip>
    );
  }
  return (
    <Button size="small" variant={variant} startIcon={<AddCommentIcon />} onClick={open} aria-label={name}>
      {label}
    </Button>
  );
};
