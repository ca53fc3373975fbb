import { CreatePage } from '../common/FormPages';
import { CampaignInputs } from './CampaignInputs';

export const CampaignCreate = () => (
  <CreatePage>
    <CampaignInputs />
  </CreatePage>
);
