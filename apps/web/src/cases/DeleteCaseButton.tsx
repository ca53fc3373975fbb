import { DeleteWithConfirmButton, useNotify, useRecordContext, useRedirect } from 'react-admin';
import { caseName, caseTypeText, type CaseRecord } from './caseText';

/**
 * Deletes a case opened by mistake, after a confirmation naming the member and the type; only where the API says the
 * user may (Case.mayManage: the branch's secretary and admins). The case is kept for history, out of everyone's sight;
 * the user is taken back to the list, told which case went.
 */
export const DeleteCaseButton = () => {
  const record = useRecordContext<CaseRecord>();
  const notify = useNotify();
  const redirect = useRedirect();
  if (!record || record.mayManage !== true) return null;
  const member = record.contact?.fullName ?? 'this member';
  const done = `${caseName(record)} deleted`;
  return (
    <DeleteWithConfirmButton
      label="Delete"
      mutationMode="pessimistic"
      confirmTitle={`Delete the ${caseTypeText(record.type).toLowerCase()} case of ${member}?`}
      confirmContent="Only for a case opened by mistake. Nobody will see it again, its team included; it is kept for the audit history."
      // said in words of its own (react-admin's successMessage gives way to its generic "Deleted" where no resource names one)
      mutationOptions={{
        onSuccess: () => {
          notify(done, { type: 'info', messageArgs: { _: done } });
          redirect('list', 'Cases');
        },
      }}
    />
  );
};
