import { CreatePage } from '../common/FormPages';
import { BallotInputs } from './BallotInputs';

export const BallotCreate = () => (
  <CreatePage>
    <BallotInputs />
  </CreatePage>
);
