import { EditPage } from '../common/FormPages';
import { UnionInputs } from './UnionInputs';

export const UnionEdit = () => (
  <EditPage what="union">
    <UnionInputs />
  </EditPage>
);
