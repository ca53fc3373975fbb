import { EditPage } from '../common/FormPages';
import { SiteInputs } from './SiteInputs';

export const SiteEdit = () => (
  <EditPage what="site">
    <SiteInputs />
  </EditPage>
);
