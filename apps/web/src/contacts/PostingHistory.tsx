import { Box, Link, List, ListItem, ListItemText, Typography } from '@mui/material';
import { LinkBase, useCreatePath, useRecordContext } from 'react-admin';
import { formatDay } from '../common/dates';

interface Posting {
  id: string;
  wardId: string;
  startDate: string;
  endDate?: string | null;
  ward?: { id: string; name: string; site?: { id: string; name: string } | null } | null;
}

/** Every ward the contact has been posted to, newest first (postings are effective-dated). */
export const PostingHistory = () => {
  const record = useRecordContext<{ postings?: Posting[] }>();
  const createPath = useCreatePath();
  const postings = [...(record?.postings ?? [])].sort((a, b) => (b.startDate ?? '').localeCompare(a.startDate ?? ''));
  return (
    <Box component="section" aria-label="Ward history">
      <Typography variant="h6" component="h2" gutterBottom>
        Ward history
      </Typography>
      {postings.length === 0 ? (
        <Typography variant="body2" color="text.secondary">
          No postings recorded.
        </Typography>
      ) : (
        <List dense disablePadding>
          {postings.map((p) => (
            <ListItem key={p.id} disableGutters divider>
              <ListItemText
                primary={
                  <Link component={LinkBase} to={createPath({ resource: 'Wards', type: 'show', id: p.wardId })}>
                    {p.ward ? p.ward.name : 'Ward'}
                    {p.ward?.site ? `, ${p.ward.site.name}` : ''}
                  </Link>
                }
                secondary={`${formatDay(p.startDate) || 'unknown start'} to ${p.endDate ? formatDay(p.endDate) : 'now'}`}
              />
            </ListItem>
          ))}
        </List>
      )}
    </Box>
  );
};
