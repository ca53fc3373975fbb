import { EditPage } from '../common/FormPages';
import { CampaignInputs } from './CampaignInputs';

export const CampaignEdit = () => (
  <EditPage what="campaign">
    <CampaignInputs />
  </EditPage>
);
