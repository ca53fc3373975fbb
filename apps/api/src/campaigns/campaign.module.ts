import { Module } from '@nestjs/common';
import { ContactModule } from '../contacts/contact.module.js';
import { RequestRepositories } from '../database/request-repositories.js';
import { SiteModule } from '../sites/site.module.js';
import { TargetGroupModule } from '../target-groups/target-group.module.js';
import { UserModule } from '../users/user.module.js';
import { WardModule } from '../wards/ward.module.js';
import { CampaignAction } from './campaign-action.entity.js';
import { CampaignActionService } from './campaign-action.service.js';
import { Campaign } from './campaign.entity.js';
import { CampaignActionResolver, CampaignResolver, ParticipationResolver, StructureTestWardResolver } from './campaign.resolver.js';
import { CampaignService } from './campaign.service.js';
import { ParticipationService } from './participation.service.js';
import { RecruitmentService } from './recruitment.service.js';
import { StructureTestService } from './structure-test.service.js';

/** Campaigns, their actions, who took part, and structure tests per ward (issue 12). */
@Module({
  imports: [RequestRepositories.forFeature([Campaign, CampaignAction]), TargetGroupModule, ContactModule, UserModule, WardModule, SiteModule],
  providers: [
    CampaignService, CampaignActionService, ParticipationService, StructureTestService, RecruitmentService,
    CampaignResolver, CampaignActionResolver, ParticipationResolver, StructureTestWardResolver,
  ],
  exports: [CampaignService],
})
export class CampaignModule {}
