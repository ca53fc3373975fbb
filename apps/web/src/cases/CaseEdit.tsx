import { Alert } from '@mui/material';
import { Edit, SaveButton, SimpleForm, Toolbar, useRecordContext } from 'react-admin';
import { RecordLoading } from '../common/Loading';
import { useSaveNotice } from '../common/useSaveNotice';
import { CaseInputs } from './CaseInputs';
import { CaseTitle } from './CaseTitle';
import type { CaseRecord } from './caseText';

/** The form, or why there is none: only the case's caseworkers, or the branch's officers, may change it. */
const EditForm = () => {
  const record = useRecordContext<CaseRecord>();
  if (record && record.mayChange === false) {
    return (
      <Alert severity="info" sx={{ m: 2 }}>
        Only the case's caseworkers, or a branch secretary or admin, may change this case.
      </Alert>
    );
  }
  return (
    <SimpleForm toolbar={<Toolbar><SaveButton /></Toolbar>} aria-label="Edit case">
      <CaseInputs editing />
    </SimpleForm>
  );
};

/** Changes a case's type, status, summary, dates and outcome (the deadlines follow the dates). */
export const CaseEdit = () => {
  const saveNotice = useSaveNotice('saved');
  return (
    <Edit loading={<RecordLoading what="case" />} mutationMode="pessimistic" title={<CaseTitle />} mutationOptions={saveNotice}>
      <EditForm />
    </Edit>
  );
};
