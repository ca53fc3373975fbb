import { EditPage } from '../common/FormPages';
import { ActionInputs } from './ActionInputs';

export const ActionEdit = () => (
  <EditPage what="action">
    <ActionInputs />
  </EditPage>
);
