import { CreatePage } from '../common/FormPages';
import { ActionInputs } from './ActionInputs';

export const ActionCreate = () => (
  <CreatePage>
    <ActionInputs />
  </CreatePage>
);
