import { useRecordContext } from 'react-admin';
import { caseName, type CaseRecord } from './caseText';

/** "Disciplinary: Sam Smith". */
export const CaseTitle = () => {
  const record = useRecordContext<CaseRecord>();
  return <>{record ? caseName(record) : 'Case'}</>;
};
