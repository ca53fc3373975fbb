import HowToVoteIcon from '@mui/icons-material/HowToVote';
import { BallotCreate } from './BallotCreate';
import { BallotEdit } from './BallotEdit';
import { BallotList } from './BallotList';
import { BallotShow } from './BallotShow';

export default {
  list: BallotList,
  show: BallotShow,
  edit: BallotEdit,
  create: BallotCreate,
  icon: HowToVoteIcon,
  recordRepresentation: 'name',
};
