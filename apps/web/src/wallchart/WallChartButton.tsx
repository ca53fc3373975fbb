import ViewWeekIcon from '@mui/icons-material/ViewWeek';
import { Button } from '@mui/material';
import { LinkBase, useRecordContext } from 'react-admin';
import { Permission, useCan } from '../permissions';
import { wallChartPath } from './wallChartTypes';

/** "Wall chart" on a site's or ward's page, for those who see people: the chart of that site or ward. */
export const WallChartButton = ({ place }: { place: 'site' | 'ward' }) => {
  const record = useRecordContext<{ id: string }>();
  const seesPeople = useCan(Permission.PEOPLE_READ);
  if (!record || !seesPeople) return null;
  const to = wallChartPath(place === 'site' ? { siteId: String(record.id) } : { wardId: String(record.id) });
  return (
    <Button component={LinkBase} to={to} size="small" startIcon={<ViewWeekIcon />}>
      Wall chart
    </Button>
  );
};
