import { CaseStatus } from '@rollcall/domain';
import { useState } from 'react';
import { Create, SimpleForm } from 'react-admin';
import { newId } from '../common/newId';
import { useSaveNotice } from '../common/useSaveNotice';
import { CaseInputs, MemberInput } from './CaseInputs';

const defaults = { status: CaseStatus.OPEN, consentToRepresentation: false };

/**
 * Opens a case. From a member's page the member is filled in (the page passes `{ contactId }` as the
 * record to start from). The id is made when the page opens and sent with every save: a retried save
 * opens one case. The API's field errors show on their inputs.
 */
export const CaseCreate = () => {
  const saveNotice = useSaveNotice('added');
  const [id] = useState(newId);
  return (
    <Create title="Open a case" transform={(data) => ({ ...data, id })} mutationOptions={saveNotice}>
      <SimpleForm defaultValues={defaults} aria-label="Open a case">
        <MemberInput />
        <CaseInputs />
      </SimpleForm>
    </Create>
  );
};
