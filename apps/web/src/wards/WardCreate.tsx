import { CreatePage } from '../common/FormPages';
import { WardInputs } from './WardInputs';

export const WardCreate = () => (
  <CreatePage>
    <WardInputs />
  </CreatePage>
);
