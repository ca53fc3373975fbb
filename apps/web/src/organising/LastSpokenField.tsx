import { Chip, Typography } from '@mui/material';
import { useRecordContext } from 'react-admin';
import { formatDay } from '../common/dates';

/** When anyone last spoke with the person; "Never spoken to" stands out (they are the next to reach). */
export const LastSpoken = ({ at }: { at: string | null | undefined }) =>
  at ? (
    <Typography component="span" variant="body2" color="text.secondary">
      Spoken to {formatDay(at)}
    </Typography>
  ) : (
    <Chip size="small" color="warning" label="Never spoken to" data-testid="never-spoken-to" />
  );

export const LastSpokenField = (_props: { label?: string; sortable?: boolean; sortBy?: string; source?: string }) => {
  const record = useRecordContext<{ lastConversationAt?: string | null }>();
  if (!record) return null;
  return <LastSpoken at={record.lastConversationAt} />;
};
