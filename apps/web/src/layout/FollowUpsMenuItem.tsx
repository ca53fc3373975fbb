import EventRepeatIcon from '@mui/icons-material/EventRepeat';
import { Box } from '@mui/material';
import { FollowUpState } from '@rollcall/domain';
import { Menu, useGetList } from 'react-admin';

const OVERDUE = { state: FollowUpState.OVERDUE };

/** "Follow-ups", with a red count of the user's overdue ones. */
export const FollowUpsMenuItem = () => {
  const { total } = useGetList('FollowUps', { filter: OVERDUE, pagination: { page: 1, perPage: 1 } });
  const overdue = total ?? 0;
  return (
    <Menu.Item
      to="/FollowUps"
      leftIcon={<EventRepeatIcon />}
      primaryText={
        <Box component="span" sx={{ display: 'inline-flex', alignItems: 'center', gap: 1 }}>
          Follow-ups
          {overdue > 0 && (
            <Box
              component="span"
              data-testid="overdue-badge"
              sx={{
                bgcolor: 'error.main', color: 'error.contrastText', borderRadius: 10, px: 0.75, minWidth: 20,
                fontSize: '0.75rem', lineHeight: '20px', textAlign: 'center', fontWeight: 700,
              }}
            >
              {overdue}
              <Box component="span" sx={visuallyHidden}> overdue</Box>
            </Box>
          )}
        </Box>
      }
    />
  );
};

const visuallyHidden = {
  position: 'absolute', width: 1, height: 1, p: 0, m: -1, overflow: 'hidden', clip: 'rect(0 0 0 0)', whiteSpace: 'nowrap', border: 0,
} as const;
