import { EditPage } from '../common/FormPages';
import { ActionInputs, actionPlace } from './ActionInputs';

export const ActionEdit = () => (
  <EditPage what="action" transform={actionPlace}>
    <ActionInputs />
  </EditPage>
);
