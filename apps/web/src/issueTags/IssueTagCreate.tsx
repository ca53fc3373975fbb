import { Create, SimpleForm } from 'react-admin';
import { useSaveNotice } from '../common/useSaveNotice';
import { IssueTagInputs } from './IssueTagInputs';

export const IssueTagCreate = () => {
  const saveNotice = useSaveNotice('added', 'list');
  return (
    <Create title="New issue tag" mutationOptions={saveNotice}>
      <SimpleForm defaultValues={{ active: true }} aria-label="New issue tag">
        <IssueTagInputs />
      </SimpleForm>
    </Create>
  );
};
