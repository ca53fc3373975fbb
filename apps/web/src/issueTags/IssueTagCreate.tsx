import { Create, SimpleForm } from 'react-admin';
import { IssueTagInputs } from './IssueTagInputs';

export const IssueTagCreate = () => (
  <Create redirect="list" title="New issue tag">
    <SimpleForm defaultValues={{ active: true }} aria-label="New issue tag">
      <IssueTagInputs />
    </SimpleForm>
  </Create>
);
