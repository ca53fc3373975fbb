import { Box } from '@mui/material';
import { Title } from 'react-admin';
import { CalendarFeedCard } from './CalendarFeedCard';

/** The account menu's "Calendar feed" page: the card alone, as wide as a phone reads comfortably. */
export const CalendarFeedPage = () => (
  <Box sx={{ mt: 2, mb: 2, maxWidth: 640 }}>
    <Title title="Calendar feed" />
    <CalendarFeedCard />
  </Box>
);
