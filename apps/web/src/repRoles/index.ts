import BadgeIcon from '@mui/icons-material/Badge';
import { REP_ROLE_KIND_LABELS } from '@rollcall/domain';
import type { RaRecord } from 'react-admin';
import { labelOf } from '../choices';

/** Rep roles are edited inline on the contact page: registered without list or menu entry. */
export default {
  icon: BadgeIcon,
  recordRepresentation: (record: RaRecord) => labelOf(REP_ROLE_KIND_LABELS, record.kind),
};
