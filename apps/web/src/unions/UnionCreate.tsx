import { CreatePage } from '../common/FormPages';
import { UnionInputs } from './UnionInputs';

export const UnionCreate = () => (
  <CreatePage>
    <UnionInputs />
  </CreatePage>
);
