import EventIcon from '@mui/icons-material/Event';
import LockResetIcon from '@mui/icons-material/LockReset';
import { Box, Divider, ListItemIcon, ListItemText, MenuItem, Typography } from '@mui/material';
import { LinkBase, Logout, useGetIdentity, UserMenu, useUserMenu } from 'react-admin';
import { Permission, useCan } from '../permissions';

/** Who is signed in and the roles they hold, branch by branch (not a menu item: nothing to click). */
const AccountSummary = () => {
  const { identity } = useGetIdentity();
  if (!identity) return null;
  const roles = (identity.roles as string[] | undefined) ?? [];
  return (
    <Box component="li" role="none" sx={{ px: 2, pt: 1, pb: 1.5, maxWidth: 340 }} aria-label="Signed in as">
      <Typography variant="subtitle2" component="p">
        {identity.fullName}
      </Typography>
      <Typography variant="body2" color="text.secondary" component="p" sx={{ wordBreak: 'break-word' }}>
        {identity.email as string}
      </Typography>
      {roles.map((line) => (
        <Typography key={line} variant="body2" component="p" sx={{ mt: 0.5 }} data-testid="account-role">
          {line}
        </Typography>
      ))}
    </Box>
  );
};

const ChangePasswordItem = () => {
  const userMenu = useUserMenu();
  return (
    <MenuItem component={LinkBase} to="/change-password" onClick={() => userMenu?.onClose()}>
      <ListItemIcon>
        <LockResetIcon fontSize="small" />
      </ListItemIcon>
      <ListItemText>Change password</ListItemText>
    </MenuItem>
  );
};

/** For whoever may be on a case team: their cases' meetings and deadlines in their own calendar (cases/CalendarFeedPage). */
const CalendarFeedItem = () => {
  const userMenu = useUserMenu();
  if (!useCan(Permission.CASES_READ)) return null;
  return (
    <MenuItem component={LinkBase} to="/calendar-feed" onClick={() => userMenu?.onClose()}>
      <ListItemIcon>
        <EventIcon fontSize="small" />
      </ListItemIcon>
      <ListItemText>Calendar feed</ListItemText>
    </MenuItem>
  );
};

/**
 * The app bar's user menu: who you are, your roles, change password, calendar feed, sign out. Its button shows the
 * user's name, so its accessible name says the name too ("Profile: Sam Okafor"; WCAG 2.5.3).
 */
export const AccountMenu = () => {
  const { identity } = useGetIdentity();
  return (
    <UserMenu label={identity?.fullName ? `Profile: ${identity.fullName}` : 'Profile'}>
      <AccountSummary />
      <Divider component="li" />
      <ChangePasswordItem />
      <CalendarFeedItem />
      <Logout />
    </UserMenu>
  );
};
