import PeopleAltIcon from '@mui/icons-material/PeopleAlt';
import { Menu } from 'react-admin';
import { Permission, useCan } from '../permissions';

/** The Duplicates page, for those who may merge (branch secretaries and admins). */
export const DuplicatesMenuItem = () => (useCan(Permission.PEOPLE_MERGE) ? <Menu.Item to="/duplicates" primaryText="Duplicates" leftIcon={<PeopleAltIcon />} /> : null);
