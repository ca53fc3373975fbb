import { CreatePage } from '../common/FormPages';
import { EmployerInputs } from './EmployerInputs';

export const EmployerCreate = () => (
  <CreatePage>
    <EmployerInputs />
  </CreatePage>
);
