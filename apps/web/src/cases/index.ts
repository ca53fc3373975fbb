import WorkIcon from '@mui/icons-material/Work';
import type { RaRecord } from 'react-admin';
import { CaseCreate } from './CaseCreate';
import { CaseEdit } from './CaseEdit';
import { CaseList } from './CaseList';
import { CaseShow } from './CaseShow';
import { caseName, type CaseRecord } from './caseText';

/** Casework: the cases the user reads (CASES_READ), opened and changed with CASES_WRITE. */
export default {
  list: CaseList,
  show: CaseShow,
  edit: CaseEdit,
  create: CaseCreate,
  icon: WorkIcon,
  recordRepresentation: (record: RaRecord) => caseName(record as CaseRecord),
};
