import { EditPage } from '../common/FormPages';
import { BallotInputs } from './BallotInputs';

export const BallotEdit = () => (
  <EditPage what="ballot">
    <BallotInputs />
  </EditPage>
);
