import { Injectable } from '@nestjs/common';
import { UnitOfWork } from '@crm/messaging';
import { CampaignStatus } from '../campaigns/campaign';
import { CampaignService } from '../campaigns/campaign.service';
import { CampaignProgress } from './campaign-progress';
import { CampaignRecipientRepository } from './campaign-recipient.repository';

@Injectable()
export class CampaignProgressService {
  constructor(
    private readonly campaigns: CampaignService,
    private readonly recipients: CampaignRecipientRepository,
    private readonly uow: UnitOfWork,
  ) {}

  async of(campaignId: string): Promise<CampaignProgress & { campaignId: string; status: CampaignStatus }> {
    const campaign = await this.campaigns.get(campaignId);
    const progress = await this.uow.run((tx) => this.recipients.progress(tx, campaignId));
    return { campaignId, status: campaign.status, ...progress };
  }
}
