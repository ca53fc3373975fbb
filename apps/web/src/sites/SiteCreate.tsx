import { CreatePage } from '../common/FormPages';
import { SiteInputs } from './SiteInputs';

export const SiteCreate = () => (
  <CreatePage>
    <SiteInputs />
  </CreatePage>
);
