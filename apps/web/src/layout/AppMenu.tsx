import BarChartIcon from '@mui/icons-material/BarChart';
import CompareArrowsIcon from '@mui/icons-material/CompareArrows';
import MapIcon from '@mui/icons-material/Map';
import ShieldIcon from '@mui/icons-material/Shield';
import UploadFileIcon from '@mui/icons-material/UploadFile';
import ViewWeekIcon from '@mui/icons-material/ViewWeek';
import { Menu, useResourceDefinitions } from 'react-admin';
import { DuplicatesMenuItem } from '../duplicates/DuplicatesMenuItem';
import { patchName } from '../patch/patchName';
import { Permission, useCan } from '../permissions';
import { CasesMenuItem } from './CasesMenuItem';
import { FollowUpsMenuItem } from './FollowUpsMenuItem';

/** Organising first (for those who see people), then the registered resources. */
const ORGANISING_RESOURCES = ['FollowUps', 'Conversations'];

export const AppMenu = () => {
  const seesPeople = useCan(Permission.PEOPLE_READ);
  const seesAggregates = useCan(Permission.AGGREGATES_READ);
  // The coalition line-up: for coalition viewers and branch officers (secretaries, admins), not reps and caseworkers.
  const officer = useCan(Permission.CAMPAIGNS_MANAGE);
  const lineUp = seesAggregates && (!seesPeople || officer);
  // Imports: branch secretaries and admins only (the API's rule: people and workplace writers).
  const writesPeople = useCan(Permission.PEOPLE_WRITE);
  const writesWorkplace = useCan(Permission.WORKPLACE_WRITE);
  const imports = writesPeople && writesWorkplace;
  const resources = useResourceDefinitions();
  const has = (name: string) => !!resources[name]?.hasList;
  return (
    <Menu>
      <Menu.DashboardItem />
      {seesPeople && <Menu.Item to="/patch" primaryText={patchName().title} leftIcon={<MapIcon />} />}
      {seesPeople && has('FollowUps') && <FollowUpsMenuItem />}
      {seesPeople && has('Conversations') && <Menu.ResourceItem name="Conversations" />}
      {seesPeople && <Menu.Item to="/coverage" primaryText="Rep coverage" leftIcon={<ShieldIcon />} />}
      {seesPeople && <Menu.Item to="/wall-chart" primaryText="Wall chart" leftIcon={<ViewWeekIcon />} />}
      {seesAggregates && <Menu.Item to="/density" primaryText="Density" leftIcon={<BarChartIcon />} />}
      {lineUp && <Menu.Item to="/line-up" primaryText="Line-up" leftIcon={<CompareArrowsIcon />} />}
      {imports && <Menu.Item to="/imports" primaryText="Imports" leftIcon={<UploadFileIcon />} />}
      <DuplicatesMenuItem />
      {Object.keys(resources)
        .filter((name) => resources[name].hasList && !ORGANISING_RESOURCES.includes(name))
        .map((name) => (name === 'Cases' ? <CasesMenuItem key={name} /> : <Menu.ResourceItem key={name} name={name} />))}
    </Menu>
  );
};
