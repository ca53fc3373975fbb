import LocalOfferIcon from '@mui/icons-material/LocalOffer';
import { IssueTagCreate } from './IssueTagCreate';
import { IssueTagEdit } from './IssueTagEdit';
import { IssueTagList } from './IssueTagList';

/** Issue tags (admins, SETTINGS_MANAGE): the issues reps tick on the quick log. */
export default {
  list: IssueTagList,
  create: IssueTagCreate,
  edit: IssueTagEdit,
  icon: LocalOfferIcon,
  recordRepresentation: 'name',
};
