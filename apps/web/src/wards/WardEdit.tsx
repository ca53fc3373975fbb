import { EditPage } from '../common/FormPages';
import { WardInputs } from './WardInputs';

export const WardEdit = () => (
  <EditPage what="ward">
    <WardInputs />
  </EditPage>
);
