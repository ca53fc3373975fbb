import StarIcon from '@mui/icons-material/Star';
import { Chip, Tooltip } from '@mui/material';
import { useRecordContext } from 'react-admin';

/** "Leader": an organic leader, whom co-workers trust and follow (with why, on hover). */
export const LeaderBadge = ({ reason }: { reason?: string | null }) => (
  <Tooltip title={reason ?? 'Organic leader: co-workers look to them'}>
    <Chip
      size="small"
      icon={<StarIcon />}
      label="Leader"
      sx={{ bgcolor: '#fff4d6', color: '#5c3d00', '& .MuiChip-icon': { color: '#d18b00' } }}
      data-testid="leader-badge"
    />
  </Tooltip>
);

/** The record's leader flag, for Datagrids (nothing when not a leader). */
export const LeaderField = (_props: { label?: string; sortable?: boolean; source?: string }) => {
  const record = useRecordContext<{ leader?: boolean; leaderReason?: string | null }>();
  return record?.leader ? <LeaderBadge reason={record.leaderReason} /> : null;
};
