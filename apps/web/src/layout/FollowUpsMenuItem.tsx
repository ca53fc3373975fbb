import EventRepeatIcon from '@mui/icons-material/EventRepeat';
import { FollowUpState } from '@rollcall/domain';
import { Menu, useGetList } from 'react-admin';
import { BadgedLabel } from './MenuBadge';

const OVERDUE = { state: FollowUpState.OVERDUE };

/** "Follow-ups", with a red count of the user's overdue ones. */
export const FollowUpsMenuItem = () => {
  const { total } = useGetList('FollowUps', { filter: OVERDUE, pagination: { page: 1, perPage: 1 } });
  return (
    <Menu.Item
      to="/FollowUps"
      leftIcon={<EventRepeatIcon />}
      primaryText={<BadgedLabel label="Follow-ups" count={total ?? 0} what="overdue" testId="overdue-badge" />}
    />
  );
};
