import { Injectable } from '@nestjs/common';
import { UnitOfWork } from '@crm/messaging';
import { CampaignService } from '../campaigns/campaign.service';
import { CampaignOccurrenceRepository, OccurrenceRun } from './campaign-occurrence.repository';

@Injectable()
export class CampaignOccurrenceService {
  constructor(
    private readonly campaigns: CampaignService,
    private readonly occurrences: CampaignOccurrenceRepository,
    private readonly uow: UnitOfWork,
  ) {}

  /** A campaign's past runs with their counts; a 404 for no such campaign. */
  async list(campaignId: string, limit: number, offset: number): Promise<OccurrenceRun[]> {
    await this.campaigns.get(campaignId);
    return this.uow.run((tx) => this.occurrences.list(tx, campaignId, limit, offset));
  }
}
