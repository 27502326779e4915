import { Inject, Injectable } from '@nestjs/common';
import { CampaignChannel } from '@crm/contracts';
import { Clock } from '@crm/core';
import { UnitOfWork } from '@crm/messaging';
import { CAMPAIGNS_SETTINGS, CampaignsSettings } from '../campaigns-settings';
import { CampaignService } from '../campaigns/campaign.service';
import { CampaignResults, campaignResults } from './campaign-results';
import { CampaignResultsRepository } from './campaign-results.repository';

@Injectable()
export class CampaignResultsService {
  constructor(
    private readonly campaigns: CampaignService,
    private readonly results: CampaignResultsRepository,
    private readonly uow: UnitOfWork,
    private readonly clock: Clock,
    @Inject(CAMPAIGNS_SETTINGS) private readonly settings: CampaignsSettings,
  ) {}

  async of(campaignId: string): Promise<CampaignResults> {
    const campaign = await this.campaigns.get(campaignId);
    const [groups, profile] = await this.uow.run(
      async (tx) =>
        [
          await this.results.groups(tx, campaignId),
          await this.results.profile(tx, campaignId, this.clock.now()),
        ] as const,
    );
    return campaignResults(campaign, groups, profile, this.costPerMessage(campaign.channel));
  }

  private costPerMessage(channel: CampaignChannel): number {
    const perChannel: Record<CampaignChannel, number> = {
      email: this.settings.emailCostPerMessage,
      sms: this.settings.smsCostPerMessage,
    };
    return perChannel[channel];
  }
}
