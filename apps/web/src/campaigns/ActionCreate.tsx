import { CreatePage } from '../common/FormPages';
import { ActionInputs, actionPlace } from './ActionInputs';

export const ActionCreate = () => (
  <CreatePage transform={actionPlace}>
    <ActionInputs />
  </CreatePage>
);
