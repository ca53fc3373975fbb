import { EditPage } from '../common/FormPages';
import { EmployerInputs } from './EmployerInputs';

export const EmployerEdit = () => (
  <EditPage what="employer">
    <EmployerInputs />
  </EditPage>
);
