import CardMembershipIcon from '@mui/icons-material/CardMembership';
import type { RaRecord } from 'react-admin';

/** Memberships are edited inline on the contact page: registered without list or menu entry. */
export default {
  icon: CardMembershipIcon,
  recordRepresentation: (record: RaRecord) => `${record.union?.shortName ?? 'Union'} membership`,
};
